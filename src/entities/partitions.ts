/**
 * Partitioning in the entity DSL: `partitionBy` of a table takes a PartitionSpec, the model's own shape, most easily
 * built with the helpers here. `monthly("day", "2026-01", "2027-12")` computes one RANGE COLUMNS partition per month
 * and a MAXVALUE catch-all, so extending the range is a one-line change that `diff` plans as a REORGANIZE PARTITION
 * of the catch-all.
 */
import type { Partition, Partitioning } from "../schema/model.ts";

/** A table's partitioning as declared: the model's shape, `partitions` optional for HASH and KEY. */
export type PartitionSpec = Omit<Partitioning, "partitions"> & { readonly partitions?: readonly Partition[] };

/** One RANGE partition: its name and upper bound (SQL text such as `'2026-02-01'`, a number, or `MAXVALUE`). */
export interface RangePartitionSpec {
  readonly name: string;
  readonly lessThan: string | number;
  readonly comment?: string;
}

/** One LIST partition: its name and values (SQL text or numbers). */
export interface ListPartitionSpec {
  readonly name: string;
  readonly in: readonly (string | number)[];
  readonly comment?: string;
}

/** What a RANGE or LIST partitions by: a column name (COLUMNS partitioning) or `{ expr }` (expression partitioning). */
export type PartitionKey = string | readonly string[] | { readonly expr: string };

function keyed(family: "RANGE" | "LIST", by: PartitionKey): Pick<Partitioning, "type" | "expr" | "columns"> {
  if (typeof by === "object" && "expr" in by) return { type: family, expr: by.expr };
  return { type: `${family} COLUMNS`, columns: typeof by === "string" ? [by] : by };
}

const comment = (c?: string) => (c ? { comment: c } : {});

/** `PARTITION BY RANGE COLUMNS(by)` (or `RANGE (expr)`) with the given partitions, in ascending order. */
export function range(by: PartitionKey, partitions: readonly RangePartitionSpec[]): PartitionSpec {
  return {
    ...keyed("RANGE", by),
    partitions: partitions.map((p) => ({ name: p.name, values: String(p.lessThan), ...comment(p.comment) })),
  };
}

/** `PARTITION BY LIST COLUMNS(by)` (or `LIST (expr)`) with the given partitions. */
export function list(by: PartitionKey, partitions: readonly ListPartitionSpec[]): PartitionSpec {
  return {
    ...keyed("LIST", by),
    partitions: partitions.map((p) => ({ name: p.name, values: p.in.map(String).join(","), ...comment(p.comment) })),
  };
}

/** `PARTITION BY [LINEAR] HASH (expr) PARTITIONS count`. */
export function hash(expr: string, count: number, options: { readonly linear?: boolean } = {}): PartitionSpec {
  return { type: options.linear ? "LINEAR HASH" : "HASH", expr, count };
}

/** `PARTITION BY [LINEAR] KEY (columns) PARTITIONS count` (no columns: the primary key). */
export function key(
  columns: readonly string[],
  count: number,
  options: { readonly linear?: boolean } = {},
): PartitionSpec {
  return { type: options.linear ? "LINEAR KEY" : "KEY", columns, count };
}

/** Months from `from` to `to` inclusive (`YYYY-MM`), as `[year, month]`. */
function monthsBetween(from: string, to: string): [number, number][] {
  const parse = (m: string) => {
    const match = /^(\d{4})-(\d{2})$/.exec(m);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) throw new Error(`"${m}" is not a month (YYYY-MM)`);
    return Number(match[1]) * 12 + Number(match[2]) - 1;
  };
  const out: [number, number][] = [];
  for (let n = parse(from); n <= parse(to); n++) out.push([Math.floor(n / 12), (n % 12) + 1]);
  if (out.length === 0) throw new Error(`month range "${from}" to "${to}" is empty`);
  return out;
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Monthly RANGE COLUMNS partitions of a DATE or DATETIME column: `p2026_01 VALUES LESS THAN ('2026-02-01')` for each
 * month from `from` to `to` (`YYYY-MM`, inclusive), then the catch-all `pmax VALUES LESS THAN (MAXVALUE)` unless
 * `catchAll: false`.
 */
export function monthly(
  column: string,
  from: string,
  to: string,
  options: { readonly catchAll?: boolean } = {},
): PartitionSpec {
  const months = monthsBetween(from, to).map(([y, m]) => {
    const next = m === 12 ? `${y + 1}-01` : `${y}-${pad(m + 1)}`;
    return { name: `p${y}_${pad(m)}`, lessThan: `'${next}-01'` };
  });
  return range(column, options.catchAll === false ? months : [...months, { name: "pmax", lessThan: "MAXVALUE" }]);
}
