/**
 * Renames between two states of one migration history, where one side is the other plus more files: the tables and
 * columns those files renamed (RENAME TABLE, ALTER TABLE … RENAME TO, RENAME COLUMN, CHANGE COLUMN old new) are
 * marked `renamedFrom` on the desired side, so the diff renames them (forward, or back for `down`) instead of dropping
 * and re-adding them (which would lose their values).
 */
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema, Table } from "../schema/model.ts";
import { NameTrail } from "../schema/name-trail.ts";
import { isCheckpoint } from "./dir/checkpoint.ts";
import type { MigrationFile } from "./dir.ts";
import { ReplayError, replayFiles } from "./replay.ts";

function marked(table: Table, trail: NameTrail): Table {
  const now = trail.currentTable(table.name);
  if (now === undefined) return table;
  const columns = table.columns.map((c) => {
    const later = trail.currentColumn(table.name, c.name);
    return later !== undefined && later !== c.name ? { ...c, renamedFrom: later } : c;
  });
  return { ...table, columns, ...(now !== table.name ? { renamedFrom: now } : {}) };
}

/**
 * `target` with every table and column that `reverted` (the files after it, replayed in memory on it) renamed marked
 * `renamedFrom` its name after them. Unmarked when a reverted file is a checkpoint or cannot be replayed in memory (a
 * directory only a dev database can replay): the plan then drops and re-adds, under the data checks.
 */
export function markRenames(target: Schema, reverted: readonly MigrationFile[], flavor: Flavor): Schema {
  const trail = trailThrough(target, reverted, flavor);
  return trail === undefined ? target : { ...target, tables: target.tables.map((t) => marked(t, trail)) };
}

/** The trail of names through `files` replayed on `start`; undefined when a file is a checkpoint or cannot be replayed. */
function trailThrough(start: Schema, files: readonly MigrationFile[], flavor: Flavor): NameTrail | undefined {
  if (files.some(isCheckpoint)) return undefined;
  const trail = new NameTrail();
  try {
    replayFiles(files, flavor, start, (changes) => {
      for (const c of changes) trail.follow(c);
    });
  } catch (e) {
    if (e instanceof ReplayError) return undefined;
    throw e;
  }
  return trail;
}

/**
 * `desired` (the state after `added` ran on `start`) with every table and column that `added` renamed marked
 * `renamedFrom` its name in `start`. Unmarked when an added file is a checkpoint or cannot be replayed in memory.
 */
export function markRenamesAhead(
  desired: Schema,
  start: Schema,
  added: readonly MigrationFile[],
  flavor: Flavor,
): Schema {
  const trail = trailThrough(start, added, flavor);
  if (trail === undefined) return desired;
  const tables = desired.tables.map((t) => {
    const was = trail.startTable(t.name);
    if (was === undefined) return t;
    const columns = t.columns.map((c) => {
      const before = trail.startColumn(t.name, c.name);
      return before !== undefined && before !== c.name ? { ...c, renamedFrom: before } : c;
    });
    return { ...t, columns, ...(was !== t.name ? { renamedFrom: was } : {}) };
  });
  return { ...desired, tables };
}

/** The files `longer` has after `shorter` when it starts with exactly them (same names, same bytes); else undefined. */
export function filesAfter(
  shorter: readonly MigrationFile[],
  longer: readonly MigrationFile[],
): readonly MigrationFile[] | undefined {
  if (shorter.length > longer.length) return undefined;
  const same = (a: MigrationFile, b: MigrationFile) =>
    a.name === b.name && a.bytes.length === b.bytes.length && a.bytes.every((x, i) => x === b.bytes[i]);
  return shorter.every((f, i) => same(f, longer[i]!)) ? longer.slice(shorter.length) : undefined;
}

/**
 * `desired` (the state of `toFiles`) marked with the renames between the two histories when one is the other plus
 * more files: forward when `toFiles` has more (from the `current` state), back when `fromFiles` has more. Unmarked
 * otherwise.
 */
export function markHistoryRenames(
  current: Schema,
  fromFiles: readonly MigrationFile[],
  desired: Schema,
  toFiles: readonly MigrationFile[],
  flavor: Flavor,
): Schema {
  const ahead = filesAfter(fromFiles, toFiles);
  if (ahead !== undefined) return ahead.length > 0 ? markRenamesAhead(desired, current, ahead, flavor) : desired;
  const behind = filesAfter(toFiles, fromFiles);
  return behind !== undefined && behind.length > 0 ? markRenames(desired, behind, flavor) : desired;
}
