/**
 * The member list of a canonical `enum(…)` / `set(…)` type text, read with the dialect's tokenizer.
 */
import { tokenize } from "../mysql/lexer.ts";

/** The values of `enum('a','b')` or `set('a','b')`, unescaped; `[]` for any other type. */
export function typeValues(type: string): string[] {
  if (!/^(enum|set)\(/.test(type)) return [];
  return tokenize(type)
    .filter((t) => t.kind === "string")
    .map((t) => t.value);
}
