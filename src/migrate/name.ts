/**
 * New migration files the way Atlas's `DefaultFormatter` writes them (`sql/migrate/dir.go`): the name
 * `<UTC YYYYMMDDHHMMSS>[_name].sql` and the body `-- <Comment>\n<stmt>;\n` per statement.
 */

/** One planned statement: the comment line Atlas writes above it and its SQL (without the final `;`). */
export interface PlannedStatement {
  readonly comment: string;
  readonly sql: string;
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The 14-digit UTC timestamp version Atlas gives a new file (`20060102150405` layout). */
export function timestampVersion(now: Date): string {
  return (
    pad(now.getUTCFullYear(), 4) +
    pad(now.getUTCMonth() + 1) +
    pad(now.getUTCDate()) +
    pad(now.getUTCHours()) +
    pad(now.getUTCMinutes()) +
    pad(now.getUTCSeconds())
  );
}

/** The file name of a new migration: `<UTC YYYYMMDDHHMMSS>[_name].sql` (the name used verbatim). */
export function newMigrationName(now: Date, name?: string): string {
  return `${timestampVersion(now)}${name ? `_${name}` : ""}.sql`;
}

// Go's `slice . 0 1 | upper`: the first byte upper-cased (a multi-byte first character is left as it is).
function upperFirstByte(s: string): string {
  const first = s.charAt(0);
  return first.charCodeAt(0) < 0x80 ? first.toUpperCase() + s.slice(1) : s;
}

/**
 * The body of a new migration file: optional directive lines (`-- atlas:...`) then a blank line, then per statement
 * `-- <comment with its first byte upper-cased>\n<sql>;\n` (no comment line when the comment is empty).
 */
export function formatMigrationFile(statements: readonly PlannedStatement[], directives: readonly string[] = []): string {
  const header = directives.length > 0 ? directives.map((d) => `${d}\n`).join("") + "\n" : "";
  const body = statements.map((s) => (s.comment !== "" ? `-- ${upperFirstByte(s.comment)}\n` : "") + `${s.sql};\n`).join("");
  return header + body;
}
