/** Where a token starts in its statement text (the lexer gives 1-based lines and columns). */
import type { Token } from "../lexer.ts";

/** The 0-based offset of `token` in `text`. */
export function tokenOffset(text: string, token: Token): number {
  let at = 0;
  for (let line = 1; line < token.line; line++) at = text.indexOf("\n", at) + 1;
  return at + token.column - 1;
}
