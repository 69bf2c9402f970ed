/**
 * Partitioning SQL: the `PARTITION BY …` clause of CREATE TABLE and the ALTER TABLE partition operations, written
 * the way SHOW CREATE TABLE writes them (one line).
 */
import type { Partition, Partitioning, Subpartitioning } from "../../schema/model.ts";
import type { PartitionChange } from "../../schema/apply-partition.ts";
import { ident, quoteString } from "../sql.ts";
import { PlanError } from "./errors.ts";

/** `PARTITION BY type (expr|columns) [PARTITIONS n] [SUBPARTITION BY …] [(PARTITION …, …)]`. */
export function partitionBySql(p: Partitioning): string {
  const parts = [`PARTITION BY ${method(p)}`];
  // One partition is the default; SHOW CREATE TABLE shows `PARTITIONS 1` only where it was written.
  if (p.count !== undefined && p.count > 1) parts.push(`PARTITIONS ${p.count}`);
  if (p.subpartition) parts.push(`SUBPARTITION BY ${method(p.subpartition)}`);
  if (p.subpartition?.count !== undefined) parts.push(`SUBPARTITIONS ${p.subpartition.count}`);
  if (p.partitions.length > 0) parts.push(definitions(p, p.partitions));
  return parts.join(" ");
}

function method(m: Pick<Partitioning | Subpartitioning, "type" | "expr" | "columns">): string {
  const by = m.columns !== undefined ? m.columns.map(ident).join(",") : (m.expr ?? "");
  return m.type.includes("COLUMNS") ? `${m.type}(${by})` : `${m.type} (${by})`;
}

/** `(PARTITION p VALUES … [COMMENT '…'] [(SUBPARTITION s, …)], …)`. */
function definitions(p: Partitioning, partitions: readonly Partition[]): string {
  return `(${partitions.map((x) => definition(p, x)).join(", ")})`;
}

function definition(p: Partitioning, x: Partition): string {
  let out = `PARTITION ${ident(x.name)}`;
  if (x.values !== undefined) {
    if (p.type.startsWith("LIST")) out += ` VALUES IN (${x.values})`;
    else if (x.values === "MAXVALUE" && !p.type.includes("COLUMNS")) out += " VALUES LESS THAN MAXVALUE";
    else out += ` VALUES LESS THAN (${x.values})`;
  }
  if (x.comment) out += ` COMMENT ${quoteString(x.comment)}`;
  if (x.subpartitions) out += ` (${x.subpartitions.map((s) => `SUBPARTITION ${ident(s)}`).join(", ")})`;
  return out;
}

/**
 * The ALTER TABLE clause of one partition change, given the partitioning before it. A partition operation is the
 * only clause of its statement (alter-split.ts); `PARTITION BY` and `REMOVE PARTITIONING` may end a longer one.
 */
export function partitionClauseSql(change: PartitionChange, table: string, before: Partitioning | undefined): string {
  const shape = () => {
    if (before) return before;
    throw new PlanError(`partitions of table "${table}" are planned with the table's current partitioning`, table);
  };
  switch (change.kind) {
    case "SetPartitioning":
      return change.to ? partitionBySql(change.to) : "REMOVE PARTITIONING";
    case "AddPartitions":
      return `ADD PARTITION ${definitions(shape(), change.partitions)}`;
    case "DropPartitions":
      return `DROP PARTITION ${change.partitions.map((x) => ident(x.name)).join(", ")}`;
    case "ReorganizePartitions":
      return `REORGANIZE PARTITION ${change.from.map((x) => ident(x.name)).join(", ")} INTO ${definitions(shape(), change.to)}`;
    case "ModifyPartitionCount":
      return change.to > change.from
        ? `ADD PARTITION PARTITIONS ${change.to - change.from}`
        : `COALESCE PARTITION ${change.from - change.to}`;
  }
}
