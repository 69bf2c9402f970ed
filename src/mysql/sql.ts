/**
 * The one place SQL text fragments are quoted: identifiers and string literals.
 */

/** Quotes an identifier with backticks, doubling embedded backticks. */
export function ident(name: string): string {
  return "`" + name.replaceAll("`", "``") + "`";
}

const NEEDS_ESCAPE = /[\\'\n\r\0]/;

/** Quotes a string literal with single quotes, escaping what MySQL needs escaped. */
export function quoteString(value: string): string {
  if (!NEEDS_ESCAPE.test(value)) return "'" + value + "'";
  return (
    "'" +
    value
      .replaceAll("\\", "\\\\")
      .replaceAll("'", "''")
      .replaceAll("\n", "\\n")
      .replaceAll("\r", "\\r")
      .replaceAll("\0", "\\0") +
    "'"
  );
}
