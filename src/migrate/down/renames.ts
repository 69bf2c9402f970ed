/**
 * Renames in reverse: the tables and columns the reverted files renamed (RENAME TABLE, ALTER TABLE … RENAME TO,
 * RENAME COLUMN, CHANGE COLUMN old new) are marked `renamedFrom` their later name on the schema to revert to, so the
 * diff renames them back instead of dropping and re-adding them (which would lose their values).
 */
import type { Flavor } from "../../mysql/flavor.ts";
import type { Schema, Table } from "../../schema/model.ts";
import { NameTrail } from "../../schema/name-trail.ts";
import { isCheckpoint } from "../dir/checkpoint.ts";
import type { MigrationFile } from "../dir.ts";
import { ReplayError, replayFiles } from "../replay.ts";

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
  if (reverted.some(isCheckpoint)) return target;
  const trail = new NameTrail();
  try {
    replayFiles(reverted, flavor, target, (changes) => {
      for (const c of changes) trail.follow(c);
    });
  } catch (e) {
    if (e instanceof ReplayError) return target;
    throw e;
  }
  return { ...target, tables: target.tables.map((t) => marked(t, trail)) };
}
