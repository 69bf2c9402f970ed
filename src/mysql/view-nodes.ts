/**
 * The token tree of a view's SELECT (parenthesised groups nested) and the rewrites of view-sql.ts's normal form that
 * need no scope: qualifiers dropped, redundant parentheses opened, the servers' spellings of function arguments undone.
 */
import { ParseError, type Token } from "./lexer.ts";

/** A parenthesised group of the statement's tokens. */
export interface Group {
  readonly kind: "group";
  readonly items: readonly Node[];
}

export type Node = Token | Group;

export function tree(tokens: readonly Token[]): Node[] {
  const stack: Node[][] = [[]];
  for (const t of tokens) {
    if (isOp(t, "(")) stack.push([]);
    else if (isOp(t, ")")) {
      if (stack.length === 1) throw new ParseError(t.line, t.column, "unbalanced `)` in view definition");
      const items = stack.pop()!;
      stack[stack.length - 1]!.push({ kind: "group", items });
    } else stack[stack.length - 1]!.push(t);
  }
  if (stack.length !== 1) throw new ParseError(tokens[0]!.line, tokens[0]!.column, "unbalanced `(` in view definition");
  return stack[0]!;
}

export function isGroup(n: Node | undefined): n is Group {
  return n !== undefined && n.kind === "group";
}

export function isOp(n: Node | undefined, v: string): boolean {
  return n !== undefined && n.kind === "op" && (n as Token).value === v;
}

export function word(n: Node | undefined): string {
  return n !== undefined && n.kind === "word" ? (n as Token).value.toLowerCase() : "";
}

export function isName(n: Node | undefined): n is Token {
  return n !== undefined && (n.kind === "word" || n.kind === "ident");
}

/** True for a group holding a query, `(SELECT …)`, `((SELECT …))`, `(WITH …)`. */
export function isQueryGroup(n: Node | undefined): boolean {
  if (!isGroup(n)) return false;
  const first = n.items[0];
  return word(first) === "select" || word(first) === "with" || (n.items.length === 1 && isQueryGroup(first));
}

/** Splits nodes at top-level commas. */
export function split(nodes: readonly Node[]): Node[][] {
  const out: Node[][] = [[]];
  for (const n of nodes) {
    if (isOp(n, ",")) out.push([]);
    else out[out.length - 1]!.push(n);
  }
  return out.filter((x) => x.length > 0);
}

export function synthetic(kind: "op" | "ident" | "word", value: string): Token {
  return { kind, value, line: 0, column: 0, raw: value, spaceBefore: false };
}

/** Drops the view's own schema from `schema.table.column` and the single table's name from `table.column`. */
export function unqualified(
  nodes: readonly Node[],
  schema: string | undefined,
  single: string | undefined,
  aliases: Set<string> | undefined,
): Node[] {
  const withoutSchema = dropQualifier(nodes, (n, k) => n.value === schema && isOp(nodes[k + 3], "."));
  return dropQualifier(withoutSchema, (n, k, all) => {
    const column = (all[k + 2] as Token).value.toLowerCase();
    return n.value === single && !isOp(all[k + 3], ".") && !aliases?.has(column);
  }).map((n) =>
    isGroup(n) && !isQueryGroup(n) ? { kind: "group", items: unqualified(n.items, schema, single, aliases) } : n,
  );
}

/** Leaves out each leading name of a dotted name (`a`.`b`…) that `drop` picks. */
function dropQualifier(
  nodes: readonly Node[],
  drop: (name: Token, k: number, all: readonly Node[]) => boolean,
): Node[] {
  const out: Node[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    const leads = isName(n) && isOp(nodes[k + 1], ".") && isName(nodes[k + 2]) && !isOp(nodes[k - 1], ".");
    if (leads && drop(n, k, nodes)) k++;
    else out.push(n);
  }
  return out;
}

/** Words joining conditions, from the loosest; a group holding one of them at its top level binds as loosely. */
const LOGICAL: Record<string, number> = { or: 1, "||": 1, xor: 2, and: 3, "&&": 3 };

/** Neighbours that never bind tighter than a comparison: a comparison inside parentheses beside them needs none. */
const CLAUSE_WORDS = new Set(["when", "then", "else"]);

/**
 * Leaves out the parentheses MySQL 8 puts around each condition (`where ((a = 1) and (b = 2))`): a group is opened
 * when what is around it binds no tighter than what is inside it (an AND chain inside OR, a comparison between ANDs, any
 * group between commas or at either end). Function arguments, IN lists and queries keep theirs.
 */
export function withoutRedundantParens(nodes: readonly Node[]): Node[] {
  const out: Node[] = [];
  for (let k = 0; k < nodes.length; k++) {
    const n = nodes[k]!;
    if (!isGroup(n) || isQueryGroup(n)) {
      out.push(n);
      continue;
    }
    const items = withoutRedundantParens(n.items);
    const prev = nodes[k - 1];
    const call =
      prev !== undefined &&
      (prev.kind === "word" || prev.kind === "ident") &&
      !(word(prev) in LOGICAL) &&
      !CLAUSE_WORDS.has(word(prev));
    if (!call && opens(items, prev, nodes[k + 1])) out.push(...items);
    else out.push({ kind: "group", items });
  }
  return out;
}

function opens(items: readonly Node[], prev: Node | undefined, next: Node | undefined): boolean {
  if (items.length === 0 || split(items).length > 1) return false;
  const inside = Math.min(4, ...items.map(logical));
  return [prev, next].every((n) => {
    if (n === undefined || isOp(n, ",")) return true;
    if (inside === 4 && CLAUSE_WORDS.has(word(n))) return true;
    const around = logical(n);
    return around < 4 && around <= inside && !(around === 2 && inside === 2);
  });
}

/** How loosely a node binds as a logical operator (1 OR … 3 AND), 4 for anything else. */
function logical(n: Node): number {
  const key = n.kind === "word" ? word(n) : n.kind === "op" ? (n as Token).value : "";
  return LOGICAL[key] ?? 4;
}

/** Words that are syntax, not names, inside the parentheses after these functions (a unit, a window frame, a mode). */
const SYNTAX_WORDS: Record<string, ReadonlySet<string>> = {
  over: new Set([
    "rows",
    "range",
    "groups",
    "unbounded",
    "preceding",
    "following",
    "current",
    "row",
    "exclude",
    "ties",
  ]),
  against: new Set(["boolean", "mode", "natural", "language", "query", "expansion"]),
};

const TIME_UNITS = new Set(["microsecond", "second", "minute", "hour", "day", "week", "month", "quarter", "year"]);

/** A syntax word as a token the expression writer prints as it is (upper-case, never quoted as a name). */
function syntaxWord(n: Node): Token {
  return synthetic("op", (n as Token).value.toUpperCase());
}

/**
 * The arguments of a function in the one spelling both servers accept: `count(*)`, `substr(x, a, b)`, no CAST
 * charset; the words that are syntax there (the unit of TIMESTAMPDIFF, a window frame) kept as words, not names.
 */
export function spelled(fn: string, items: readonly Node[]): readonly Node[] {
  const syntax = SYNTAX_WORDS[fn];
  if (syntax) return items.map((n) => (n.kind === "word" && syntax.has(word(n)) ? syntaxWord(n) : n));
  if ((fn === "timestampdiff" || fn === "timestampadd") && TIME_UNITS.has(word(items[0])))
    return [syntaxWord(items[0]!), ...items.slice(1)];
  if (fn === "count" && items.length === 1 && items[0]!.kind === "number" && (items[0] as Token).value === "0")
    return [synthetic("op", "*")];
  if (fn === "substr" || fn === "substring" || fn === "mid")
    return items.map((n) => (word(n) === "from" || word(n) === "for" ? synthetic("op", ",") : n));
  if (fn === "cast" || fn === "convert") {
    const out: Node[] = [];
    for (let k = 0; k < items.length; k++) {
      const w = word(items[k]);
      if (w === "charset" || (w === "character" && word(items[k + 1]) === "set")) {
        k += w === "charset" ? 1 : 2;
        continue;
      }
      out.push(items[k]!);
    }
    return out;
  }
  return items;
}

export function withoutLimitOne(items: readonly Node[]): readonly Node[] {
  const n = items.length;
  const last = items[n - 1];
  return n > 2 && word(items[n - 2]) === "limit" && last?.kind === "number" && (last as Token).value === "1"
    ? items.slice(0, -2)
    : items;
}
