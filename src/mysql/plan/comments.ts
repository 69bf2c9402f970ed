/**
 * The comment Atlas writes above each statement of a migration file (lower-case first letter; the file writer
 * upper-cases it). Names are quoted the way Go's `%q` quotes them.
 */

/** Quotes a name as Go's `strconv.Quote` does for printable text: double quotes, `\` and `"` escaped, control characters escaped. */
export function goQuote(s: string): string {
  let out = '"';
  for (const ch of s) out += goEscape(ch);
  return out + '"';
}

const SHORT_ESCAPES: Readonly<Record<string, string>> = {
  "\x07": "\\a",
  "\b": "\\b",
  "\f": "\\f",
  "\n": "\\n",
  "\r": "\\r",
  "\t": "\\t",
  "\v": "\\v",
  "\\": "\\\\",
  '"': '\\"',
};

function goEscape(ch: string): string {
  const short = SHORT_ESCAPES[ch];
  if (short) return short;
  const code = ch.codePointAt(0)!;
  if (code < 0x20 || code === 0x7f) return "\\x" + code.toString(16).padStart(2, "0");
  return ch;
}

/** `create "t" table`. */
export function createTableComment(table: string): string {
  return `create ${goQuote(table)} table`;
}

/** `drop "t" table`. */
export function dropTableComment(table: string): string {
  return `drop ${goQuote(table)} table`;
}

/** `modify "t" table`. */
export function modifyTableComment(table: string): string {
  return `modify ${goQuote(table)} table`;
}

/** `rename a table from "a" to "b"`. */
export function renameTableComment(from: string, to: string): string {
  return `rename a table from ${goQuote(from)} to ${goQuote(to)}`;
}

/** The comment of a ModifySchema statement (the schema is unnamed in a schema-bound plan). */
export const modifySchemaComment = "modify schema";
