/**
 * New migration files the way Atlas's `DefaultFormatter` writes them (`sql/migrate/dir.go`): the name
 * `<UTC YYYYMMDDHHMMSS>[_name].sql` and the body `-- <Comment>\n<stmt>;\n` per statement. Unlike Atlas, the version
 * is always after the directory's latest and the name is checked (it becomes part of a path).
 */
import { compareNames } from "../bytestring.ts";
import { splitStatements } from "../split.ts";
import { MigrationNameError, VersionOrderError } from "./errors.ts";

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

/** Checks a migration name: letters, digits, `_` and `-` only (no path separator, `..`, space or shell character). */
export function checkMigrationName(name: string): string {
  if (!/^[A-Za-z0-9_-]+$/.test(name)) throw new MigrationNameError(name);
  return name;
}

/**
 * The version of a new file: the UTC timestamp of `now`, or one second after `latest` (the directory's greatest
 * version) when that is not earlier, so two files never share a version. Throws VersionOrderError when `latest`
 * sorts later and is not a timestamp.
 */
export function nextVersion(now: Date, latest?: string): string {
  const version = timestampVersion(now);
  if (latest === undefined || compareNames(latest, version) < 0) return version;
  const m = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})$/.exec(latest);
  const at = m ? new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!)) : undefined;
  if (!at || timestampVersion(at) !== latest) throw new VersionOrderError(latest);
  return timestampVersion(new Date(at.getTime() + 1000));
}

/** The file name of a new migration: `<version>[_name].sql`, the version from nextVersion; a non-empty name is checked. */
export function newMigrationName(now: Date, name?: string, latest?: string): string {
  return `${nextVersion(now, latest)}${name ? `_${checkMigrationName(name)}` : ""}.sql`;
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
export function formatMigrationFile(
  statements: readonly PlannedStatement[],
  directives: readonly string[] = [],
): string {
  const header = directives.length > 0 ? directives.map((d) => `${d}\n`).join("") + "\n" : "";
  const body = fileBody(statements, ";");
  if (splitsBack(body, statements.length)) return header + body;
  // A body with `;` inside that no BEGIN … END holds (e.g. a trigger's bare `IF … END IF`) needs another delimiter,
  // which Atlas reads from an `atlas:delimiter` directive on the first line; one no statement contains (the splitter
  // matches it even inside a comment).
  const delimiter = DELIMITERS.find((d) => statements.every((s) => !s.sql.includes(d))) ?? DELIMITERS[0]!;
  return `-- atlas:delimiter ${delimiter}\n${header || "\n"}${fileBody(statements, delimiter)}`;
}

/** Delimiters for a file whose statements do not split back with `;`, in order of preference. */
const DELIMITERS = ["//", "$$", ";;", "//--//"];

function fileBody(statements: readonly PlannedStatement[], end: string): string {
  return statements
    .map((s) => (s.comment !== "" ? `-- ${upperFirstByte(s.comment)}\n` : "") + `${s.sql}${end}\n`)
    .join("");
}

/** True when Atlas's splitter reads `body` back as `count` statements. */
function splitsBack(body: string, count: number): boolean {
  try {
    return splitStatements(body).length === count;
  } catch {
    return false;
  }
}
