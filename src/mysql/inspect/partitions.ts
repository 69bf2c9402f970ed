/**
 * Partitioning from `information_schema.PARTITIONS`: one row per partition (per sub-partition when there are some),
 * in the canonical form the parser gives (see partitioning.ts). Asked only when a table's CREATE_OPTIONS says
 * `partitioned`, so an unpartitioned schema costs no query.
 */
import type { Row } from "../../db/types.ts";
import type { Partition, PartitionType, Partitioning, SubpartitionType, Subpartitioning } from "../../schema/model.ts";
import { tokenize } from "../lexer.ts";
import { canonicalPartitioning, canonicalValues } from "../partitioning.ts";
import { groupBy, required, text, valid } from "./values.ts";

/** Every partition of every table, in partition and sub-partition order. */
export const PARTITIONS_QUERY =
  "SELECT `TABLE_NAME`, `PARTITION_NAME`, `SUBPARTITION_NAME`, `PARTITION_METHOD`, `SUBPARTITION_METHOD`, " +
  "`PARTITION_EXPRESSION`, `SUBPARTITION_EXPRESSION`, `PARTITION_DESCRIPTION`, `PARTITION_COMMENT`, " +
  "`PARTITION_ORDINAL_POSITION`, `SUBPARTITION_ORDINAL_POSITION` FROM `INFORMATION_SCHEMA`.`PARTITIONS` " +
  "WHERE `TABLE_SCHEMA` = ? AND `PARTITION_NAME` IS NOT NULL " +
  "ORDER BY `TABLE_NAME`, `PARTITION_ORDINAL_POSITION`, `SUBPARTITION_ORDINAL_POSITION`";

/** True when a TABLES row's CREATE_OPTIONS marks the table partitioned. */
export function isPartitioned(tableRow: Row): boolean {
  return /\bpartitioned\b/i.test(text(tableRow, "CREATE_OPTIONS") ?? "");
}

/** The partitioning of each partitioned table, by table name. */
export function partitioningByTable(rows: readonly Row[]): Map<string, Partitioning> {
  const out = new Map<string, Partitioning>();
  for (const [table, list] of groupBy(rows, (r) => required(r, "TABLE_NAME"))) {
    const p = fromRows(list);
    if (p) out.set(table, p);
  }
  return out;
}

/** The methods the model holds (MariaDB's SYSTEM_TIME is not one: such a table is read as unpartitioned). */
const METHODS = new Set<string>([
  "RANGE",
  "RANGE COLUMNS",
  "LIST",
  "LIST COLUMNS",
  "HASH",
  "LINEAR HASH",
  "KEY",
  "LINEAR KEY",
]);

function fromRows(rows: readonly Row[]): Partitioning | undefined {
  const first = rows[0]!;
  const m = method(required(first, "PARTITION_METHOD"));
  if (!METHODS.has(m)) return undefined;
  const type = m as PartitionType;
  const columnsOnly = type.includes("COLUMNS") || type.includes("KEY");
  const partitions: Partition[] = [];
  for (const [name, group] of groupBy(rows, (r) => required(r, "PARTITION_NAME"))) {
    const row = group[0]!;
    const values = valid(row, "PARTITION_DESCRIPTION");
    const comment = text(row, "PARTITION_COMMENT");
    const subs = group.flatMap((r) => (valid(r, "SUBPARTITION_NAME") ? [required(r, "SUBPARTITION_NAME")] : []));
    partitions.push({
      name,
      ...(values !== undefined && !type.includes("HASH") && !type.includes("KEY")
        ? { values: canonicalValues(values, type.includes("COLUMNS")) }
        : {}),
      ...(comment ? { comment } : {}),
      ...(subs.length ? { subpartitions: subs } : {}),
    });
  }
  const expr = text(first, "PARTITION_EXPRESSION") ?? "";
  const subMethod = valid(first, "SUBPARTITION_METHOD");
  return canonicalPartitioning({
    type,
    ...(columnsOnly ? { columns: columnNames(expr) } : { expr }),
    partitions,
    ...(subMethod ? { subpartition: subpartitioning(subMethod, text(first, "SUBPARTITION_EXPRESSION") ?? "") } : {}),
  });
}

function subpartitioning(m: string, expr: string): Subpartitioning {
  const type = method(m) as SubpartitionType;
  return type.includes("KEY") ? { type, columns: columnNames(expr) } : { type, expr };
}

/** `RANGE  COLUMNS` (MariaDB's spacing) → `RANGE COLUMNS`. */
function method(m: string): string {
  return m.trim().toUpperCase().replace(/\s+/g, " ");
}

/** `` `a`,`b` `` → `["a", "b"]`; empty for KEY() (the primary key). */
function columnNames(expr: string): string[] {
  return tokenize(expr)
    .filter((t) => t.kind === "ident" || t.kind === "word")
    .map((t) => t.value);
}
