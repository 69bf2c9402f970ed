/**
 * What the server would refuse in a declared table though the declaration is well formed: names over 64 characters,
 * ENUM/SET members the server rejects, comments over their limits, too many columns, indexes or index parts. Each
 * limit here is checked against MariaDB 10.11 in the tests or stated by MySQL's manual.
 */
import type { ColumnMeta } from "./meta.ts";
import type { IndexPartSpec, TableDef } from "./table.ts";

/** Index limits, which differ between servers: parts per index, and indexes per table (the primary key included). */
export interface KeyLimits {
  readonly parts: number;
  readonly keys: number;
}

/** MySQL 8's index limits (16 parts, 64 secondary indexes), the stricter ones: the default without a flavour. */
export const MYSQL_KEY_LIMITS: KeyLimits = { parts: 16, keys: 65 };

const IDENTIFIER_MAX = 64;
const ENUM_MEMBER_MAX = 255;
const SET_MEMBERS_MAX = 64;
const COLUMN_COMMENT_MAX = 1024;
const INDEX_COMMENT_MAX = 1024;
const TABLE_COMMENT_MAX = 2048;
const COLUMNS_MAX = 4096;

/** Length in characters (code points), as the server counts them. */
const chars = (s: string) => [...s].length;
/** More than `max` characters (a text of at most `max` UTF-16 units never is: the usual case, without counting). */
const over = (s: string, max: number) => s.length > max && chars(s) > max;

/** The members of an `enum('a','b')` / `set(…)` type text as the column builders write it, or undefined for other types. */
export function typeMembers(type: string): { kind: "ENUM" | "SET"; members: string[] } | undefined {
  const m = /^(enum|set)\((.*)\)$/s.exec(type);
  if (!m) return undefined;
  const members = [...m[2]!.matchAll(/'((?:[^'\\]|''|\\.)*)'/gs)].map((x) =>
    x[1]!.replaceAll("''", "'").replace(/\\(.)/gs, "$1"),
  );
  return { kind: m[1] === "enum" ? "ENUM" : "SET", members };
}

/** A case-sensitive collation: binary, `_bin` or `_cs`. Without one, the server compares members ignoring case. */
const caseSensitive = (collate: string | undefined) => collate !== undefined && /^binary$|_(bin|cs)$/i.test(collate);

/** memberProblems' results by type and collation: a schema repeats a few ENUM/SET types on many columns. */
const memberProblemsSeen = new Map<string, readonly string[]>();

function memberProblemsOf(type: string, collate: string | undefined): readonly string[] {
  if (!type.startsWith("enum(") && !type.startsWith("set(")) return [];
  const key = `${collate ?? ""}\0${type}`;
  const known = memberProblemsSeen.get(key);
  if (known) return known;
  const problems = memberProblems(type, collate);
  if (memberProblemsSeen.size < 4096) memberProblemsSeen.set(key, problems);
  return problems;
}

function memberProblems(type: string, collate: string | undefined): string[] {
  const found = typeMembers(type);
  if (!found) return [];
  const { kind, members } = found;
  const problems: string[] = [];
  if (members.length === 0) problems.push(`${kind} needs at least one member`);
  if (kind === "SET" && members.length > SET_MEMBERS_MAX)
    problems.push(`SET has ${members.length} members; the server allows at most ${SET_MEMBERS_MAX}`);
  const seen = new Map<string, string>();
  for (const v of members) {
    if (chars(v) > ENUM_MEMBER_MAX)
      problems.push(
        `${kind} member "${v.slice(0, 20)}…" is ${chars(v)} characters long; the server allows at most ${ENUM_MEMBER_MAX}`,
      );
    if (kind === "SET" && v.includes(","))
      problems.push(`SET member ${JSON.stringify(v)} contains a comma, which separates SET values`);
    // The server strips trailing spaces from members and compares them with the column's collation.
    const key = caseSensitive(collate) ? v.trimEnd() : v.trimEnd().toLowerCase();
    const first = seen.get(key);
    if (first !== undefined)
      problems.push(
        `${kind} members ${JSON.stringify(first)} and ${JSON.stringify(v)} are the same to the server${caseSensitive(collate) ? "" : " (it ignores case and trailing spaces)"}`,
      );
    else seen.set(key, v);
  }
  return problems;
}

function nameProblem(name: string): string | undefined {
  if (over(name, IDENTIFIER_MAX))
    return `name is ${chars(name)} characters long; MySQL and MariaDB allow at most ${IDENTIFIER_MAX}`;
  if (/ $/.test(name)) return "name ends with a space, which the server does not allow";
  return undefined;
}

/** The server-limit problems of one table; `err` receives (column or undefined, problem). */
export function limitProblems(
  t: TableDef,
  metas: ReadonlyMap<string, ColumnMeta>,
  limits: KeyLimits,
  err: (column: string | undefined, problem: string) => void,
): void {
  const name = (what: string | undefined, n: string, column?: string) => {
    const p = nameProblem(n);
    if (p) err(column, what ? `${what} ${p}` : p);
  };
  name(undefined, t.name);
  if (t.comment !== undefined && over(t.comment, TABLE_COMMENT_MAX))
    err(undefined, `comment is ${chars(t.comment)} characters long; the server allows at most ${TABLE_COMMENT_MAX}`);
  const columns = Object.keys(t.columns);
  if (columns.length > COLUMNS_MAX)
    err(undefined, `has ${columns.length} columns; the server allows at most ${COLUMNS_MAX}`);
  for (const c of columns) name(undefined, c, c);
  for (const [c, meta] of metas) {
    for (const p of memberProblemsOf(meta.type, meta.collate ?? t.collate)) err(c, p);
    if (meta.comment !== undefined && over(meta.comment, COLUMN_COMMENT_MAX))
      err(c, `comment is ${chars(meta.comment)} characters long; the server allows at most ${COLUMN_COMMENT_MAX}`);
  }
  const parts = (what: string, list: readonly IndexPartSpec[]) => {
    if (list.length > limits.parts)
      err(undefined, `${what} has ${list.length} parts; the server allows at most ${limits.parts}`);
  };
  if (t.primaryKey) parts("the primary key", t.primaryKey);
  for (const i of t.indexes ?? []) {
    name(`index "${i.name}":`, i.name);
    parts(`index "${i.name}"`, i.columns);
    if (i.comment !== undefined && over(i.comment, INDEX_COMMENT_MAX))
      err(
        undefined,
        `index "${i.name}" comment is ${chars(i.comment)} characters long; the server allows at most ${INDEX_COMMENT_MAX}`,
      );
  }
  const keys = (t.indexes?.length ?? 0) + (t.primaryKey ? 1 : 0);
  if (keys > limits.keys)
    err(undefined, `has ${keys} indexes (the primary key included); the server allows at most ${limits.keys}`);
  for (const fk of t.foreignKeys ?? []) name(`foreign key "${fk.name}":`, fk.name);
  for (const c of t.checks ?? []) name(`check "${c.name}":`, c.name);
}
