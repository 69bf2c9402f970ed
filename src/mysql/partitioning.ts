/**
 * The canonical form of a table's partitioning, the one `information_schema.PARTITIONS` gives: expressions as
 * canonicalExpr writes them, RANGE and LIST bounds of expression partitioning evaluated to integers (the server
 * stores `TO_DAYS('2026-01-01')` as `739982`), COLUMNS bounds as written with no spaces, `MAXVALUE` and `NULL`
 * upper-case, and HASH/KEY partitions the server names counted.
 */
import { countedForm } from "../schema/apply-partition.ts";
import type { Partition, Partitioning, Subpartitioning } from "../schema/model.ts";
import { canonicalExpr, exprFromTokens } from "./expr.ts";
import { tokenize, type Token } from "./lexer.ts";
import { quoteString } from "./sql.ts";

/** A partitioning in canonical form (expressions, bounds, counted partitions, counted sub-partitions). */
export function canonicalPartitioning(p: Partitioning): Partitioning {
  const columnsOnly = p.type.includes("COLUMNS");
  const partitions = p.partitions.map((x) => canonicalPartition(x, columnsOnly));
  const sub = p.subpartition && countedSubpartitions(p.subpartition, partitions);
  const out: Partitioning = {
    type: p.type,
    ...(p.expr !== undefined ? { expr: canonicalExpr(p.expr) } : {}),
    ...(p.columns !== undefined ? { columns: p.columns } : {}),
    ...(p.count !== undefined ? { count: p.count } : {}),
    partitions: sub ? partitions.map(({ subpartitions: _s, ...x }) => x) : partitions,
    ...(p.subpartition ? { subpartition: canonicalSub(sub ?? p.subpartition) } : {}),
  };
  return countedForm(out);
}

function canonicalPartition(x: Partition, columnsOnly: boolean): Partition {
  return {
    name: x.name,
    ...(x.values !== undefined ? { values: canonicalValues(x.values, columnsOnly) } : {}),
    ...(x.comment ? { comment: x.comment } : {}),
    ...(x.subpartitions !== undefined ? { subpartitions: x.subpartitions } : {}),
  };
}

function canonicalSub(s: Subpartitioning): Subpartitioning {
  return { ...s, ...(s.expr !== undefined ? { expr: canonicalExpr(s.expr) } : {}) };
}

/** Sub-partitions named like the server names them (`<p>sp<n>`, as many in each partition): counted instead. */
function countedSubpartitions(s: Subpartitioning, partitions: readonly Partition[]): Subpartitioning | undefined {
  if (s.count !== undefined || partitions.length === 0) return undefined;
  const n = partitions[0]!.subpartitions?.length;
  if (n === undefined) return undefined;
  const plain = partitions.every(
    (p) => p.subpartitions?.length === n && p.subpartitions.every((name, k) => name === `${p.name}sp${k}`),
  );
  return plain ? { ...s, count: n } : undefined;
}

/**
 * The canonical text of a partition's values (the inside of `VALUES LESS THAN (…)` or `VALUES IN (…)`): for
 * expression partitioning each value is evaluated when it is constant integer arithmetic or a date function of a
 * literal; COLUMNS values are literals, kept as written.
 */
export function canonicalValues(text: string, columnsOnly: boolean): string {
  return canonicalValueTokens(
    tokenize(text).filter((t) => t.kind !== "eof"),
    columnsOnly,
  );
}

/** canonicalValues over tokens already read (the inside of the parentheses). */
export function canonicalValueTokens(tokens: readonly Token[], columnsOnly: boolean): string {
  const items = splitTop(tokens).map((item) =>
    isTuple(item)
      ? `(${splitTop(stripParens(item))
          .map((v) => value(v, columnsOnly))
          .join(",")})`
      : value(item, columnsOnly),
  );
  // The server lists NULL first in a LIST partition's values.
  return [...items.filter((v) => v === "NULL"), ...items.filter((v) => v !== "NULL")].join(",");
}

function isTuple(item: readonly Token[]): boolean {
  return item[0]?.kind === "op" && item[0].value === "(" && splitTop(stripParens(item)).length > 1;
}

function value(tokens: readonly Token[], columnsOnly: boolean): string {
  const t = stripParens(tokens);
  if (t.length === 1) {
    const only = t[0]!;
    if (only.kind === "word" && /^(maxvalue|null)$/i.test(only.value)) return only.value.toUpperCase();
    if (only.kind === "string") return quoteString(only.value);
    if (only.kind === "number") return only.value;
  }
  if (!columnsOnly) {
    const n = evaluate(t);
    if (n !== undefined) return String(n);
  }
  if (t.length === 2 && t[0]!.kind === "op" && t[0]!.value === "-" && t[1]!.kind === "number") return `-${t[1]!.value}`;
  return exprFromTokens(t);
}

/** Removes one pair of parentheses around the whole token list. */
function stripParens(t: readonly Token[]): readonly Token[] {
  if (t.length < 2 || !isOp(t[0], "(") || !isOp(t[t.length - 1], ")")) return t;
  let depth = 0;
  for (let k = 0; k < t.length; k++) {
    if (isOp(t[k], "(")) depth++;
    if (isOp(t[k], ")") && --depth === 0 && k < t.length - 1) return t;
  }
  return t.slice(1, -1);
}

/** Splits at the commas outside parentheses. */
function splitTop(t: readonly Token[]): Token[][] {
  const out: Token[][] = [[]];
  let depth = 0;
  for (const tok of t) {
    if (isOp(tok, "(")) depth++;
    if (isOp(tok, ")")) depth--;
    if (depth === 0 && isOp(tok, ",")) out.push([]);
    else out[out.length - 1]!.push(tok);
  }
  return out;
}

function isOp(t: Token | undefined, v: string): boolean {
  return t !== undefined && t.kind === "op" && t.value === v;
}

const DAY_MS = 86_400_000;
/** TO_DAYS('1970-01-01'). */
const EPOCH_DAYS = 719_528;

/** Date functions of a literal that the server folds to an integer in a partition bound. */
const DATE_FUNCTIONS: Record<string, (d: Date) => number> = {
  to_days: (d) => Math.floor(d.getTime() / DAY_MS) + EPOCH_DAYS,
  to_seconds: (d) => Math.floor(d.getTime() / 1000) + EPOCH_DAYS * 86_400,
  year: (d) => d.getUTCFullYear(),
  month: (d) => d.getUTCMonth() + 1,
};

/** Integer arithmetic (+ - * DIV MOD %, parentheses) over integers and date functions of literals; else undefined. */
function evaluate(tokens: readonly Token[]): number | undefined {
  let k = 0;
  const peek = () => tokens[k];
  const op = (v: string) => {
    const t = peek();
    const hit = t !== undefined && (t.kind === "op" || t.kind === "word") && t.value.toUpperCase() === v;
    if (hit) k++;
    return hit;
  };
  const primary = (): number | undefined => {
    const t = tokens[k++];
    if (!t) return undefined;
    if (t.kind === "number") return /^\d+$/.test(t.value) ? Number(t.value) : undefined;
    if (isOp(t, "-")) {
      const v = primary();
      return v === undefined ? undefined : -v;
    }
    if (isOp(t, "(")) {
      const v = sum();
      return op(")") ? v : undefined;
    }
    const fn = t.kind === "word" ? DATE_FUNCTIONS[t.value.toLowerCase()] : undefined;
    if (!fn || !op("(")) return undefined;
    const arg = tokens[k++];
    if (arg?.kind !== "string" || !op(")")) return undefined;
    const d = new Date(`${arg.value.trim().replace(" ", "T")}${arg.value.includes(":") ? "Z" : "T00:00:00Z"}`);
    return Number.isNaN(d.getTime()) ? undefined : fn(d);
  };
  const product = (): number | undefined => {
    let v = primary();
    for (;;) {
      if (v === undefined) return undefined;
      if (op("*")) v = mul(v, primary());
      else if (op("DIV")) v = intDiv(v, primary());
      else if (op("MOD") || op("%")) v = mod(v, primary());
      else return v;
    }
  };
  const sum = (): number | undefined => {
    let v = product();
    for (;;) {
      if (v === undefined) return undefined;
      if (op("+")) v = add(v, product(), 1);
      else if (op("-")) v = add(v, product(), -1);
      else return v;
    }
  };
  const v = sum();
  return k === tokens.length && v !== undefined && Number.isSafeInteger(v) ? v : undefined;
}

const add = (a: number, b: number | undefined, sign: number) => (b === undefined ? undefined : a + sign * b);
const mul = (a: number, b: number | undefined) => (b === undefined ? undefined : a * b);
const intDiv = (a: number, b: number | undefined) => (b === undefined || b === 0 ? undefined : Math.trunc(a / b));
const mod = (a: number, b: number | undefined) => (b === undefined || b === 0 ? undefined : a % b);
