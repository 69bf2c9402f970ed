/**
 * Appends a pin clause (`ALGORITHM=…, LOCK=…`) to the text of an ALTER TABLE or CREATE/DROP INDEX statement, after
 * its last token (a trailing `;` and comments are dropped: the text is what is sent). A statement that already says
 * ALGORITHM or LOCK keeps its own words.
 */
import { tokenize, type Token } from "../lexer.ts";
import { tokenOffset } from "./token-offset.ts";

/** The statement with `clause` appended, or undefined when it is no ALTER TABLE / CREATE INDEX / DROP INDEX or already pins itself. */
export function pinStatement(text: string, clause: string): string | undefined {
  let tokens: Token[];
  try {
    tokens = tokenize(text).filter((t) => t.kind !== "eof");
  } catch {
    return undefined;
  }
  const words = tokens.map((t) => (t.kind === "word" ? t.value.toUpperCase() : ""));
  if (words.includes("ALGORITHM") || words.includes("LOCK")) return undefined;
  const alter = words[0] === "ALTER" && words.slice(1, 3).includes("TABLE");
  const index = (words[0] === "CREATE" || words[0] === "DROP") && words.slice(1, 4).includes("INDEX");
  if (!alter && !index) return undefined;
  while (tokens.length > 0 && tokens.at(-1)!.raw === ";") tokens.pop();
  const last = tokens.at(-1);
  if (!last) return undefined;
  const body = text.slice(0, tokenOffset(text, last) + last.raw.length);
  // CREATE/DROP INDEX take the options after the statement, space-separated; ALTER TABLE lists them with commas.
  return alter ? `${body}, ${clause}` : `${body} ${clause.replace(", ", " ")}`;
}
