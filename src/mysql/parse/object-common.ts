/**
 * What the statements of triggers, events and routines share: the `DEFINER = user` clause, object names, and the
 * body, taken as written from the statement text (the server keeps it so too).
 */
import type { Cursor } from "../cursor.ts";
import type { Token } from "../lexer.ts";

/** Reads `user[@host]` after `DEFINER =`; undefined for CURRENT_USER or CURRENT_ROLE (the session's: nothing declared). */
export function readDefiner(cur: Cursor): string | undefined {
  cur.optionalEquals();
  if (cur.acceptWord("CURRENT_USER") || cur.acceptWord("CURRENT_ROLE")) {
    if (cur.acceptOp("(")) cur.expectOp(")");
    return undefined;
  }
  const user = cur.name("definer user");
  if (!cur.acceptOp("@")) return `${user}@%`;
  return `${user}@${cur.name("definer host")}`;
}

/** Reads an object name, possibly schema-qualified, and returns its last part. */
export function objectName(cur: Cursor, what: string): string {
  let n = cur.name(what);
  while (cur.acceptOp(".")) n = cur.name(what);
  return n;
}

/** Skips `IF NOT EXISTS`; reports whether it was there. */
export function ifNotExists(cur: Cursor): boolean {
  return cur.acceptWord("IF", "NOT", "EXISTS");
}

/** The statement text from token `from` to the end: the trailing `;` and a conditional comment's close dropped. */
export function textFrom(sql: string, from: Token): string {
  if (from.kind === "eof") return "";
  let at = 0;
  for (let line = 1; line < from.line; line++) at = sql.indexOf("\n", at) + 1;
  let text = sql.slice(at + from.column - 1).trimEnd();
  if (text.endsWith(";")) text = text.slice(0, -1).trimEnd();
  return text;
}

/** The text of tokens read between two cursor positions, for expressions kept as written (e.g. `NOW() + INTERVAL 1 DAY`). */
export function tokensText(tokens: readonly Token[]): string {
  return tokens.map((t, i) => (i > 0 && t.spaceBefore ? " " : "") + t.raw).join("");
}
