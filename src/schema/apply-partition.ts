/**
 * Applies the partition changes of an ALTER TABLE to a table model (see applyTableChange).
 */
import type { TableChange } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import type { Partition, Partitioning, Table } from "./model.ts";

/** The partition changes. */
export type PartitionChange = Extract<
  TableChange,
  { kind: "SetPartitioning" | "AddPartitions" | "DropPartitions" | "ReorganizePartitions" | "ModifyPartitionCount" }
>;

/** Applies one partition change; throws ApplyError when it does not fit the table's partitioning. */
export function applyPartitionChange(table: Table, change: PartitionChange): Table {
  const t = table.name;
  if (change.kind === "SetPartitioning") {
    if (change.to) return { ...table, partition: change.to };
    if (!table.partition) throw new ApplyError(`table "${t}" is not partitioned`, t);
    const { partition: _removed, ...rest } = table;
    return rest;
  }
  const p = table.partition;
  if (!p) throw new ApplyError(`table "${t}" is not partitioned`, t);
  switch (change.kind) {
    case "AddPartitions":
      for (const x of change.partitions) if (named(p, x.name)) throw exists(t, x.name);
      return withPartitions(table, p, [...listed(p), ...change.partitions]);
    case "DropPartitions": {
      const gone = new Set(change.partitions.map((x) => x.name));
      for (const n of gone) if (!named(p, n)) throw missing(t, n);
      const left = p.partitions.filter((x) => !gone.has(x.name));
      if (left.length === 0) throw new ApplyError(`dropping every partition of table "${t}"`, t);
      return withPartitions(table, p, left);
    }
    case "ReorganizePartitions": {
      const names = change.from.map((x) => x.name);
      const at = p.partitions.findIndex((x) => x.name === names[0]);
      if (at < 0) throw missing(t, names[0] ?? "");
      for (const [k, n] of names.entries()) if (p.partitions[at + k]?.name !== n) throw missing(t, n);
      const out = [...p.partitions.slice(0, at), ...change.to, ...p.partitions.slice(at + names.length)];
      return withPartitions(table, p, out);
    }
    case "ModifyPartitionCount":
      if (p.count === undefined) throw new ApplyError(`table "${t}" has named partitions, not a partition count`, t);
      if (change.to < 1) throw new ApplyError(`coalescing every partition of table "${t}"`, t);
      if (change.from !== p.count)
        throw new ApplyError(`table "${t}" has ${p.count} partitions, not ${change.from}`, t);
      return { ...table, partition: { ...p, count: change.to } };
  }
}

/** The partitions by name, the server-named `p<n>` of a counted partitioning included. */
function listed(p: Partitioning): readonly Partition[] {
  if (p.count === undefined) return p.partitions;
  return Array.from({ length: p.count }, (_, n) => ({ name: `p${n}` }));
}

function named(p: Partitioning, name: string): boolean {
  return listed(p).some((x) => x.name === name);
}

function withPartitions(table: Table, p: Partitioning, partitions: readonly Partition[]): Table {
  const { count: _c, ...rest } = p;
  return { ...table, partition: countedForm({ ...rest, partitions }) };
}

/**
 * The canonical form of a HASH or KEY partitioning whose partitions are the server's own `p0…pN-1` (no comment, no
 * named sub-partitions): counted, as SHOW CREATE TABLE shows it (`PARTITIONS N`); anything else as it is.
 */
export function countedForm(p: Partitioning): Partitioning {
  if (p.type.includes("RANGE") || p.type.includes("LIST")) return p;
  if (p.count !== undefined || p.partitions.length === 0) return p;
  const plain = p.partitions.every(
    (x, n) => x.name === `p${n}` && x.values === undefined && !x.comment && x.subpartitions === undefined,
  );
  return plain ? { ...p, count: p.partitions.length, partitions: [] } : p;
}

function exists(t: string, name: string): ApplyError {
  return new ApplyError(`partition "${name}" already exists in table "${t}"`, t);
}

function missing(t: string, name: string): ApplyError {
  return new ApplyError(`partition "${name}" does not exist in table "${t}"`, t);
}

/** The partitioning after a column rename: the server renames the column in partition columns and expressions. */
export function renamePartitionColumn(p: Partitioning, from: string, to: string): Partitioning {
  const quoted = (n: string) => `\`${n.replaceAll("`", "``")}\``;
  const rename = <T extends { expr?: string; columns?: readonly string[] }>(m: T): T => ({
    ...m,
    ...(m.expr !== undefined ? { expr: m.expr.replaceAll(quoted(from), quoted(to)) } : {}),
    ...(m.columns !== undefined ? { columns: m.columns.map((c) => (c === from ? to : c)) } : {}),
  });
  return { ...rename(p), ...(p.subpartition ? { subpartition: rename(p.subpartition) } : {}) };
}
