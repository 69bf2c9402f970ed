/**
 * Splits one table's ALTER clauses where a single statement cannot do them: a foreign key or index dropped and
 * re-added under the same name goes into a first ALTER with the drops (as Atlas does for ModifyIndex and
 * ModifyForeignKey); MariaDB refuses to re-create a foreign key name within one statement. A partition operation
 * always gets a statement of its own.
 */
import type { ForeignKey, Index, Table } from "../../schema/model.ts";
import type { AlterItem } from "./alter-item.ts";

/** Groups the clauses into statements, in order: `[drops, rest]` when something is re-added under its name, else `[all]`. */
export function splitAlter(items: readonly AlterItem[], before?: Table): AlterItem[][] {
  const addedFks = new Set(items.flatMap((i) => (i.kind === "AddForeignKey" ? [i.foreignKey.name] : [])));
  const addedIndexes = new Set(items.flatMap((i) => (i.kind === "AddIndex" ? [i.index.name] : [])));
  const fkDrops = items.filter((i) => i.kind === "DropForeignKey" && addedFks.has(i.foreignKey.name));
  const droppedFirst = new Set(fkDrops.flatMap((i) => (i.kind === "DropForeignKey" ? [i.foreignKey.name] : [])));
  const surviving = (before?.foreignKeys ?? []).filter((fk) => !droppedFirst.has(fk.name));
  const indexDrops = items.filter(
    (i) => i.kind === "DropIndex" && addedIndexes.has(i.index.name) && !surviving.some((fk) => backs(i.index, fk)),
  );
  const first = new Set([...fkDrops, ...indexDrops]);
  const groups =
    first.size === 0 ? [[...items]] : [items.filter((i) => first.has(i)), items.filter((i) => !first.has(i))];
  return groups.flatMap(partitionsAlone).filter((g) => g.length > 0);
}

const PARTITION_KINDS = new Set<AlterItem["kind"]>([
  "SetPartitioning",
  "AddPartitions",
  "DropPartitions",
  "ReorganizePartitions",
  "ModifyPartitionCount",
]);

/** A partition operation goes in an ALTER of its own (the server takes no other clause beside it), order kept. */
function partitionsAlone(group: AlterItem[]): AlterItem[][] {
  const out: AlterItem[][] = [[]];
  for (const item of group) {
    if (PARTITION_KINDS.has(item.kind)) out.push([item], []);
    else out[out.length - 1]!.push(item);
  }
  return out;
}

/** True when the index may be the one a foreign key relies on (its columns start with the key's columns). */
function backs(index: Index, fk: ForeignKey): boolean {
  return fk.columns.every((c, n) => index.parts[n]?.column === c);
}
