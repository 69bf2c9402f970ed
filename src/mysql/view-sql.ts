/**
 * canonicalQuery: the normal form of a view's SELECT, so that the server's rewriting of a view (schema-qualified and
 * backticked names, a table qualifier on every column, `AS` aliases on every select item, `on(…)`, parenthesised
 * joins, comma joins as `join`, `count(0)`, `limit 1` inside EXISTS, a charset in CAST, letter case) and the text a
 * person wrote give the same text. The normal form is itself valid SQL and means the same as the input: a qualifier
 * is dropped only where the SELECT reads a single table, an alias only where it names the column the server would.
 */
import { canonicalExpr, exprFromTokens } from "./expr.ts";
import { ParseError, type Token, tokenize } from "./lexer.ts";
import { RESERVED_WORDS } from "./reserved-words.ts";
import { ident } from "./sql.ts";
import {
  type Group,
  isGroup,
  isName,
  isOp,
  isQueryGroup,
  type Node,
  spelled,
  split,
  synthetic,
  tree,
  unqualified,
  withoutLimitOne,
  withoutRedundantParens,
  word,
} from "./view-nodes.ts";

/** A view definition in normal form, and the tables and views it reads (sorted, unqualified). */
export interface CanonicalQuery {
  readonly sql: string;
  readonly reads: readonly string[];
}

/** What the normal form may know about the view's schema. */
export interface QueryScope {
  /** The view's own schema: its qualifier is dropped. */
  readonly schema?: string;
  /** The columns of a table of the schema, in order (to expand `*` the way the server does), or undefined. */
  readonly columnsOf?: (table: string) => readonly string[] | undefined;
  /** The view's column list (`CREATE VIEW v (a, b)`): the server writes it as the aliases of the first SELECT. */
  readonly columns?: readonly string[];
}

/** The normal form of a SELECT given as text. */
export function canonicalQuery(text: string, scope: QueryScope = {}): CanonicalQuery {
  return canonicalQueryTokens(tokenize(text), scope);
}

/**
 * The normal form of a SELECT given as tokens (the end token may be included). Unbalanced parentheses are a
 * ParseError; a SELECT whose structure the normal form does not know (index hints, JSON_TABLE, …) is kept token by
 * token, so it still compares equal to itself and an inspection never fails on it.
 */
export function canonicalQueryTokens(tokens: readonly Token[], scope: QueryScope = {}): CanonicalQuery {
  const body = tokens.filter((t) => t.kind !== "eof" && !(t.kind === "op" && t.value === ";"));
  if (body.length === 0) throw new ParseError(tokens[0]?.line ?? 1, tokens[0]?.column ?? 1, "empty view definition");
  const nodes = tree(body);
  const ctx: Context = { ...scope, reads: new Set(), placeholders: [] };
  try {
    const sql = query(nodes, ctx);
    // A reserved word written bare is syntax: quoted as a name, the statement was misread (and would not run).
    const misread = body.some(
      (t) => t.kind === "word" && RESERVED_WORDS.has(t.value.toLowerCase()) && sql.includes(ident(t.value)),
    );
    if (misread) throw new ParseError(body[0]!.line, body[0]!.column, "a reserved word read as a name");
    return { sql, reads: [...ctx.reads].sort() };
  } catch (e) {
    if (!(e instanceof ParseError) || scope.columns !== undefined) throw e;
    return { sql: body.map((t) => t.raw).join(" "), reads: [] };
  }
}

interface Context extends Omit<QueryScope, "columns"> {
  readonly reads: Set<string>;
  readonly placeholders: string[];
  /** The column list, until the first SELECT takes it. */
  columns?: readonly string[];
}

/** A query: SELECTs joined by UNION / EXCEPT / INTERSECT. */
function query(nodes: readonly Node[], ctx: Context): string {
  const parts: string[] = [];
  let start = 0;
  for (let k = 0; k <= nodes.length; k++) {
    const w = word(nodes[k]);
    if (k < nodes.length && w !== "union" && w !== "except" && w !== "intersect") continue;
    parts.push(select(nodes.slice(start, k), ctx));
    if (k === nodes.length) break;
    const mode = word(nodes[k + 1]);
    const all = mode === "all";
    parts.push(all ? `${w} all` : w);
    start = mode === "all" || mode === "distinct" ? k + 2 : k + 1;
    k = start - 1;
  }
  return parts.join(" ");
}

const CLAUSES = ["from", "where", "group", "having", "window", "order", "limit"] as const;
type Clause = (typeof CLAUSES)[number];

/** One SELECT (or a parenthesised query); anything else is kept as canonical expression text. */
function select(nodes: readonly Node[], ctx: Context): string {
  if (nodes.length === 1 && isQueryGroup(nodes[0])) return `(${query((nodes[0] as Group).items, ctx)})`;
  if (word(nodes[0]) !== "select") return expr(nodes, ctx, undefined);
  const clauses = new Map<Clause | "select", Node[]>([["select", []]]);
  let current: Clause | "select" = "select";
  for (let k = 1; k < nodes.length; k++) {
    const w = word(nodes[k]) as Clause;
    if (CLAUSES.includes(w) && !clauses.has(w)) {
      current = w;
      clauses.set(w, []);
      if ((w === "group" || w === "order") && word(nodes[k + 1]) === "by") k++;
      continue;
    }
    clauses.get(current)!.push(nodes[k]!);
  }
  const from = clauses.has("from") ? fromClause(clauses.get("from")!, ctx) : undefined;
  const single = from?.sources.length === 1 ? from.sources[0] : undefined;
  const list0 = selectList(clauses.get("select")!);
  const modifiers = list0.modifiers;
  const expanded = from ? list0.items.flatMap((i) => expandStar(i, from, ctx)) : list0.items;
  const items = named(expanded, ctx);
  const aliases = new Set(items.flatMap((i) => (i.alias ? [i.alias.toLowerCase()] : [])));
  const out = [`select${modifiers.map((m) => ` ${m}`).join("")}`, items.map((i) => item(i, ctx, single)).join(", ")];
  if (from) out.push(`from ${from.sql}`);
  const where = clauses.get("where");
  if (where) out.push(`where ${expr(where, ctx, single)}`);
  const group = clauses.get("group");
  if (group) out.push(`group by ${list(group, ctx, single, aliases)}`);
  const having = clauses.get("having");
  if (having) out.push(`having ${expr(having, ctx, single, aliases)}`);
  const window = clauses.get("window");
  if (window) out.push(`window ${expr(window, ctx, single)}`);
  const order = clauses.get("order");
  if (order) out.push(`order by ${list(order, ctx, single, aliases)}`);
  const limit = clauses.get("limit");
  if (limit) out.push(`limit ${limitText(limit, ctx)}`);
  return out.join(" ");
}

const MODIFIERS = new Set([
  "all",
  "distinct",
  "distinctrow",
  "high_priority",
  "straight_join",
  "sql_small_result",
  "sql_big_result",
  "sql_buffer_result",
  "sql_no_cache",
  "sql_cache",
  "sql_calc_found_rows",
]);

interface SelectItem {
  readonly nodes: readonly Node[];
  readonly alias?: string;
}

/** Words after which a final word is part of the expression, not an alias. */
const NO_ALIAS_AFTER = new Set([
  "binary",
  "not",
  "distinct",
  "interval",
  "is",
  "and",
  "or",
  "xor",
  "like",
  "in",
  "collate",
]);
/** Words that end an expression and are never an alias. */
const NOT_ALIAS = new Set(["end", "null", "true", "false", "unknown", "asc", "desc"]);

function selectList(nodes: readonly Node[]): { modifiers: string[]; items: SelectItem[] } {
  let k = 0;
  const modifiers: string[] = [];
  while (MODIFIERS.has(word(nodes[k]))) {
    const m = word(nodes[k++]);
    // ALL is the default and DISTINCTROW a synonym: the server prints neither.
    if (m === "distinct" || m === "distinctrow") modifiers.push("distinct");
    else if (m !== "all") modifiers.push(m);
  }
  return { modifiers, items: split(nodes.slice(k)).map(selectItem) };
}

function selectItem(nodes: readonly Node[]): SelectItem {
  const last = nodes[nodes.length - 1];
  const prev = nodes[nodes.length - 2];
  if (
    nodes.length >= 2 &&
    last !== undefined &&
    (last.kind === "word" || last.kind === "ident" || last.kind === "string")
  ) {
    const alias = (last as Token).value;
    if (word(prev) === "as") return { nodes: nodes.slice(0, -2), alias };
    const implicit =
      isName(last) &&
      !NOT_ALIAS.has(word(last)) &&
      !isOp(prev, ".") &&
      (isGroup(prev) || (prev!.kind !== "op" && !NO_ALIAS_AFTER.has(word(prev)))) &&
      word(nodes[nodes.length - 3]) !== "interval";
    if (implicit) return { nodes: nodes.slice(0, -1), alias };
  }
  return { nodes };
}

/** A select item; its alias is left out when it is the name the server would give the column anyway. */
function item(i: SelectItem, ctx: Context, single: string | undefined): string {
  const text = expr(i.nodes, ctx, single);
  if (i.alias === undefined || redundantAlias(i, text)) return text;
  return `${text} as ${ident(i.alias)}`;
}

function redundantAlias(i: SelectItem, text: string): boolean {
  const alias = i.alias!;
  const n = i.nodes;
  // A column reference names its column after the column.
  const columnRef = n.length % 2 === 1 && n.every((x, k) => (k % 2 === 0 ? isName(x) : isOp(x, ".")));
  if (columnRef && (n[n.length - 1] as Token).value.toLowerCase() === alias.toLowerCase()) return true;
  // A string literal is named after its value.
  if (n.length === 1 && n[0]!.kind === "string" && (n[0] as Token).value === alias) return true;
  // Any other expression is named after its own text, which the server then writes as the alias.
  try {
    return canonicalExpr(alias) === text;
  } catch (e) {
    if (e instanceof ParseError) return false;
    throw e;
  }
}

/** A GROUP BY or ORDER BY list; `asc` is the default and left out. */
function list(nodes: readonly Node[], ctx: Context, single: string | undefined, aliases: Set<string>): string {
  return split(nodes)
    .map((n) => (word(n[n.length - 1]) === "asc" ? n.slice(0, -1) : n))
    .map((n) => expr(n, ctx, single, aliases))
    .join(", ");
}

/** `LIMIT n`, `LIMIT o, n` and `LIMIT n OFFSET o`, as `limit n` or `limit o, n`. */
function limitText(nodes: readonly Node[], ctx: Context): string {
  const at = nodes.findIndex((n) => word(n) === "offset");
  if (at < 0) return expr(nodes, ctx, undefined);
  return `${expr(nodes.slice(at + 1), ctx, undefined)}, ${expr(nodes.slice(0, at), ctx, undefined)}`;
}

const JOIN_WORDS = new Set(["join", "inner", "cross", "left", "right", "natural", "straight_join", "outer"]);
const FROM_END = new Set([...JOIN_WORDS, "on", "using"]);

/** A FROM clause: join groups opened, comma and cross joins written `join`, `inner`/`outer` left out, no `as`. */
/** A FROM clause in normal form; `sources` are the names its columns are qualified with, `tables` the tables behind. */
interface From {
  readonly sql: string;
  readonly sources: readonly string[];
  readonly tables: readonly (string | undefined)[];
}

/** The select items with the view's column list as their aliases (taken once, by the first SELECT). */
function named(items: readonly SelectItem[], ctx: Context): readonly SelectItem[] {
  const columns = ctx.columns;
  if (columns === undefined) return items;
  ctx.columns = undefined;
  if (columns.length !== items.length) {
    throw new ParseError(1, 1, `the view names ${columns.length} columns but its SELECT has ${items.length}`);
  }
  return items.map((i, k) => ({ nodes: i.nodes, alias: columns[k]! }));
}

/** `*` and `t.*` as the columns the server puts in their place, when the columns of every table they cover are known. */
function expandStar(i: SelectItem, from: From, ctx: Context): SelectItem[] {
  const n = i.nodes;
  const all = n.length === 1 && isOp(n[0], "*");
  const one = n.length === 3 && isName(n[0]) && isOp(n[1], ".") && isOp(n[2], "*");
  if (i.alias !== undefined || (!all && !one)) return [i];
  const picked = all ? from.sources.map((_s, k) => k) : [from.sources.indexOf((n[0] as Token).value)];
  const out: SelectItem[] = [];
  for (const k of picked) {
    const table = from.tables[k];
    const columns = table === undefined ? undefined : ctx.columnsOf?.(table);
    if (k < 0 || columns === undefined) return [i];
    const source = from.sources[k]!;
    for (const c of columns)
      out.push({ nodes: [synthetic("ident", source), synthetic("op", "."), synthetic("ident", c)] });
  }
  return out;
}

function fromClause(input: readonly Node[], ctx: Context): From {
  const nodes = openJoinGroups(input);
  const out: string[] = [];
  const sources: string[] = [];
  const tables: (string | undefined)[] = [];
  for (let k = 0; k < nodes.length; ) {
    const n = nodes[k]!;
    const w = word(n);
    if (isOp(n, ",") || w === "join" || w === "cross" || w === "straight_join") {
      out.push(w === "straight_join" ? "straight_join" : "join");
      k++;
      if (w === "cross" && word(nodes[k]) === "join") k++;
    } else if (w === "inner" || w === "outer") k++;
    else if (w === "left" || w === "right" || w === "natural") {
      out.push(w);
      k++;
    } else if (w === "on") {
      let end = k + 1;
      while (end < nodes.length && !isOp(nodes[end], ",") && !JOIN_WORDS.has(word(nodes[end]))) end++;
      out.push(`on ${expr(nodes.slice(k + 1, end), ctx, undefined)}`);
      k = end;
    } else if (w === "using" && isGroup(nodes[k + 1])) {
      out.push(
        `using (${split((nodes[k + 1] as Group).items)
          .map((c) => expr(c, ctx, undefined))
          .join(", ")})`,
      );
      k += 2;
    } else {
      const ref = tableRef(nodes, k, ctx);
      out.push(ref.sql);
      sources.push(ref.source);
      tables.push(ref.table);
      k = ref.next;
    }
  }
  return { sql: out.join(" "), sources, tables };
}

/** Opens the parentheses the server puts around joins (`from ((a join b on(…)) join c on(…))`). */
function openJoinGroups(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (const n of nodes) {
    const before = out[out.length - 1];
    const atTable =
      before === undefined || isOp(before, ",") || word(before) === "join" || word(before) === "straight_join";
    if (isGroup(n) && !isQueryGroup(n) && atTable) out.push(...openJoinGroups(n.items));
    else out.push(n);
  }
  return out;
}

/** One table reference: a table (`t`, `s`.`t`) or a derived table, with its alias. */
function tableRef(
  nodes: readonly Node[],
  k: number,
  ctx: Context,
): { sql: string; source: string; table?: string; next: number } {
  const n = nodes[k]!;
  let sql: string;
  let source: string;
  let table: string | undefined;
  if (isQueryGroup(n)) {
    sql = `(${query((n as Group).items, ctx)})`;
    source = "";
    k++;
  } else if (isName(n)) {
    let name = n.value;
    let qualifier: string | undefined;
    if (isOp(nodes[k + 1], ".") && isName(nodes[k + 2])) {
      qualifier = name;
      name = (nodes[k + 2] as Token).value;
      k += 3;
    } else k++;
    if (qualifier === ctx.schema) qualifier = undefined;
    if (qualifier === undefined) {
      ctx.reads.add(name);
      table = name;
    }
    sql = qualifier === undefined ? ident(name) : `${ident(qualifier)}.${ident(name)}`;
    source = name;
  } else {
    const t = isGroup(n) ? undefined : (n as Token);
    throw new ParseError(t?.line ?? 1, t?.column ?? 1, "unexpected text in a view's FROM clause");
  }
  if (word(nodes[k]) === "as") k++;
  const alias = nodes[k];
  if (isName(alias) && !FROM_END.has(word(alias))) {
    sql += ` ${ident(alias.value)}`;
    source = alias.value;
    k++;
  }
  return { sql, source, ...(table === undefined ? {} : { table }), next: k };
}

/**
 * An expression in canonical text. Queries inside it are normalised on their own; `single` is the one table this
 * SELECT reads, whose qualifier is dropped (unless the column is also a select alias, which the bare name would mean).
 */
function expr(nodes: readonly Node[], ctx: Context, single: string | undefined, aliases?: Set<string>): string {
  const start = ctx.placeholders.length;
  const tokens = flatten(withoutRedundantParens(unqualified(nodes, ctx.schema, single, aliases)), ctx);
  let text = exprFromTokens(tokens);
  for (let i = ctx.placeholders.length - 1; i >= start; i--)
    text = text.replace(ident(marker(i)), ctx.placeholders[i]!);
  return text;
}

function marker(i: number): string {
  return `\u0001${i}`;
}

/** Tokens again, with each query group replaced by a placeholder and the server's spellings undone. */
function flatten(nodes: readonly Node[], ctx: Context): Token[] {
  const out: Token[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (!isGroup(n)) {
      // MariaDB stores NOW() as current_timestamp().
      out.push(word(n) === "now" && isGroup(nodes[k + 1]) ? synthetic("word", "current_timestamp") : n);
      continue;
    }
    const fn = word(nodes[k - 1]);
    if (isQueryGroup(n)) {
      // MariaDB adds `limit 1` to the query of EXISTS.
      const items = fn === "exists" ? withoutLimitOne(n.items) : n.items;
      ctx.placeholders.push(`(${query(items, ctx)})`);
      out.push(synthetic("ident", marker(ctx.placeholders.length - 1)));
      continue;
    }
    out.push(synthetic("op", "("), ...flatten(spelled(fn, n.items), ctx), synthetic("op", ")"));
  }
  return out;
}
