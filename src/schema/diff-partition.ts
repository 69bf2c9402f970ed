/**
 * Partition diff: the partition changes that turn a table's current partitioning into the desired one, without a
 * rebuild where the server can do it in place: new RANGE partitions before a kept one (the MAXVALUE catch-all) are
 * split off it with REORGANIZE PARTITION, new ones at the end are added, gone ones right before the catch-all merged
 * back into it (REORGANIZE again, so reverting an extension loses no row), other gone ones dropped; a HASH/KEY partition
 * count changes with ADD PARTITION PARTITIONS / COALESCE PARTITION. Anything else partitions the table anew.
 */
import type { TableChange } from "./changes.ts";
import { deepEqual } from "./equal.ts";
import type { Partition, Partitioning } from "./model.ts";

/** The changes from `current` to `desired` partitioning (either absent = unpartitioned); empty when equal. */
export function diffPartitioning(current?: Partitioning, desired?: Partitioning): TableChange[] {
  if (deepEqual(current, desired)) return [];
  if (!desired) return [{ kind: "SetPartitioning", from: current! }];
  const anew: TableChange[] = [{ kind: "SetPartitioning", ...(current ? { from: current } : {}), to: desired }];
  if (!current || !sameScheme(current, desired)) return anew;
  if (current.count !== undefined && desired.count !== undefined)
    return [{ kind: "ModifyPartitionCount", from: current.count, to: desired.count }];
  if (current.count !== undefined || desired.count !== undefined) return anew;
  return listChanges(current.partitions, desired.partitions, current.type.startsWith("RANGE")) ?? anew;
}

/** Same method, expression or columns, and sub-partitioning: only the partitions differ. */
function sameScheme(a: Partitioning, b: Partitioning): boolean {
  return (
    a.type === b.type &&
    a.expr === b.expr &&
    deepEqual(a.columns, b.columns) &&
    deepEqual(a.subpartition, b.subpartition)
  );
}

/**
 * In-place changes for listed partitions, or undefined when they cannot do it: the partitions both sides have
 * (same name and definition) must keep their order; a run of new ones right before a kept one is reorganized out
 * of it (RANGE only: the kept one's bound is unchanged, so its rows stay), a run at the end is added.
 */
function listChanges(cur: readonly Partition[], want: readonly Partition[], range: boolean): TableChange[] | undefined {
  const wanted = new Map(want.map((p) => [p.name, p]));
  const had = new Map(cur.map((p) => [p.name, p]));
  const kept = cur.filter((p) => deepEqual(p, wanted.get(p.name)));
  const gone = cur.filter((p) => !kept.includes(p));
  // A partition whose definition changed, or one that comes back under a gone one's name, is not done in place.
  if (gone.some((p) => wanted.has(p.name))) return undefined;
  const keptNames = kept.map((p) => p.name);
  const wantKept = want.filter((p) => had.has(p.name)).map((p) => p.name);
  if (!deepEqual(keptNames, wantKept)) return undefined;
  const out = removals(cur, new Set(gone), range);
  let run: Partition[] = [];
  for (const p of want) {
    if (!had.has(p.name)) {
      run.push(p);
      continue;
    }
    if (run.length > 0) {
      if (!range) return undefined;
      out.push({ kind: "ReorganizePartitions", from: [p], to: [...run, p] });
      run = [];
    }
  }
  if (run.length > 0) {
    // Nothing can be added after a MAXVALUE catch-all.
    if (range && isCatchAll(kept.at(-1))) return undefined;
    out.push({ kind: "AddPartitions", partitions: run });
  }
  return out;
}

/** True for a RANGE partition bounded by MAXVALUE in every column. */
function isCatchAll(p: Partition | undefined): boolean {
  return p?.values?.split(",").every((v) => v === "MAXVALUE") ?? false;
}

/**
 * The gone partitions: a run right before a RANGE catch-all is merged back into it (REORGANIZE, rows kept: the
 * reverse of extending the range), any other is dropped with its rows (DROP PARTITION: e.g. the oldest months).
 */
function removals(cur: readonly Partition[], gone: ReadonlySet<Partition>, range: boolean): TableChange[] {
  const dropped: Partition[] = [];
  const merges: TableChange[] = [];
  let run: Partition[] = [];
  for (const p of cur) {
    if (gone.has(p)) {
      run.push(p);
      continue;
    }
    if (run.length > 0 && range && isCatchAll(p))
      merges.push({ kind: "ReorganizePartitions", from: [...run, p], to: [p] });
    else dropped.push(...run);
    run = [];
  }
  dropped.push(...run);
  return [...(dropped.length ? [{ kind: "DropPartitions" as const, partitions: dropped }] : []), ...merges];
}
