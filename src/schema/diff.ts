/**
 * diff: Schema × Schema → Change[]. Dialect-free; the planner orders the result for a real server.
 * Renames declared in the desired state (`renamedFrom`) become RenameTable/RenameColumn, never drop + add.
 */
import { applyChanges } from "./apply.ts";
import type { Change, TableChange } from "./changes.ts";
import { columnRenames } from "./diff-columns.ts";
import { rebuildForeignKeysOnRetype } from "./diff-fk-rebuild.ts";
import { diffObjects } from "./diff-objects.ts";
import { diffTable } from "./diff-table.ts";
import { comparableColumn, sameTableUpToOrder } from "./equal.ts";
import type { Schema, Table } from "./model.ts";
import { unmanagedTableNames, withoutTables } from "./unmanaged.ts";
import { withViewChanges } from "./views.ts";

/** The changes that turn `current` into `desired`: schema options, renames, drops and alters, new tables, then objects. */
export function diff(currentState: Schema, desiredState: Schema): Change[] {
  // A table either side holds as something the model cannot cover (a sequence, a system-versioned table) is left alone.
  const unmanaged = unmanagedTableNames(currentState, desiredState);
  const current = withoutTables(currentState, unmanaged);
  const desired = withoutTables(desiredState, unmanaged);
  const changes: Change[] = [];
  // Only a known current default can change: a replayed directory does not know the database's own default.
  if (
    current.charset &&
    desired.charset &&
    (desired.charset !== current.charset || desired.collate !== current.collate)
  ) {
    changes.push({ kind: "ModifySchema", charset: desired.charset, collate: desired.collate });
  }
  const currentNames = new Set(current.tables.map((t) => t.name));
  const desiredByName = byName(desired);
  const desiredNames = new Set(desiredByName.keys());

  const tableRenames: Change[] = desired.tables
    .filter(
      (d) =>
        d.renamedFrom &&
        !currentNames.has(d.name) &&
        currentNames.has(d.renamedFrom) &&
        !desiredNames.has(d.renamedFrom),
    )
    .map((d) => ({ kind: "RenameTable", from: d.renamedFrom!, to: d.name }));
  changes.push(...tableRenames);
  // Diff against the current schema as it is after the renames: the server carries references along.
  let renamed = applyChanges(current, tableRenames);
  const columnRenameChanges = new Map<string, TableChange[]>();
  const renamedByName = byName(renamed);
  for (const d of desired.tables) {
    const c = renamedByName.get(d.name);
    if (!c) continue;
    const list: TableChange[] = [...columnRenames(c, d)].map(([from, to]) => ({ kind: "RenameColumn", from, to }));
    if (list.length) columnRenameChanges.set(d.name, list);
  }
  renamed = applyChanges(
    renamed,
    [...columnRenameChanges].map(([table, cs]) => ({ kind: "ModifyTable", table, changes: cs })),
  );

  for (const c of renamed.tables) {
    const d = desiredByName.get(c.name);
    if (!d) {
      changes.push({ kind: "DropTable", table: c });
      continue;
    }
    // A table equal as it stands has nothing to change (most of a large schema, most of the time).
    const same = sameTableUpToOrder(c, d);
    const tableChanges = [...(columnRenameChanges.get(c.name) ?? []), ...(same ? [] : diffTable(c, d))];
    if (tableChanges.length) changes.push({ kind: "ModifyTable", table: d.name, changes: tableChanges });
  }
  const have = new Set(renamed.tables.map((t) => t.name));
  for (const d of desired.tables) if (!have.has(d.name)) changes.push({ kind: "AddTable", table: asCreated(d) });
  return withViewChanges(current, desired, [
    ...rebuildForeignKeysOnRetype(changes, renamed, desired),
    ...diffObjects(renamed, desired),
  ]);
}

/** A new table without rename markers, its members in the desired order (the server keeps and shows index and check order). */
function asCreated(table: Table): Table {
  const { renamedFrom: _r, ...rest } = table;
  return { ...rest, columns: table.columns.map(comparableColumn) };
}

/** Tables by name (the first of a name wins, as a search in order would find it). */
function byName(schema: Schema): Map<string, Table> {
  const out = new Map<string, Table>();
  for (const t of schema.tables) if (!out.has(t.name)) out.set(t.name, t);
  return out;
}
