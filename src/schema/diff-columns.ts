/**
 * Column part of a table diff: renames, drops, definition changes, additions and moves, so that the columns end up
 * in the desired order (the server keeps column order, so the plan must too).
 */
import type { ColumnPosition, TableChange } from "./changes.ts";
import { columnsEqual, comparableColumn } from "./equal.ts";
import type { Column, Table } from "./model.ts";

/** Column renames declared in the desired table that apply to the current one (old name → new name). */
export function columnRenames(current: Table, desired: Table): Map<string, string> {
  const renames = new Map<string, string>();
  if (!desired.columns.some((c) => c.renamedFrom)) return renames;
  const currentNames = new Set(current.columns.map((c) => c.name));
  for (const c of desired.columns) {
    if (c.renamedFrom && !currentNames.has(c.name) && currentNames.has(c.renamedFrom))
      renames.set(c.renamedFrom, c.name);
  }
  return renames;
}

/** The column changes turning `current` into `desired` (renames already applied), in the order they apply. */
export function diffColumns(current: Table, desired: Table): TableChange[] {
  const changes: TableChange[] = [];
  const wanted = new Set(desired.columns.map((c) => c.name));
  for (const c of current.columns) if (!wanted.has(c.name)) changes.push({ kind: "DropColumn", column: c });

  // Walk the desired order over a simulated column list, adding or moving what is out of place.
  const order = current.columns.filter((c) => wanted.has(c.name)).map((c) => c.name);
  const byName = new Map(current.columns.map((c) => [c.name, c]));
  desired.columns.forEach((col, i) => {
    const before = i === 0 ? undefined : desired.columns[i - 1]!.name;
    const existing = byName.get(col.name);
    const at = order.indexOf(col.name);
    const inPlace = at >= 0 && (before === undefined ? at === 0 : order[at - 1] === before);
    const position: ColumnPosition = before === undefined ? { first: true } : { after: before };
    if (!existing) {
      const atEnd = order.length === i;
      order.splice(i, 0, col.name);
      changes.push({ kind: "AddColumn", column: comparableColumn(col), ...(atEnd ? {} : { position }) });
      return;
    }
    const same = columnsEqual(existing, col);
    if (same && inPlace) return;
    if (!same && storageChanges(existing, col)) {
      // Servers cannot MODIFY a column into or out of being generated, nor between VIRTUAL and STORED.
      order.splice(at, 1);
      changes.push({ kind: "DropColumn", column: existing });
      const atEnd = order.length === i;
      order.splice(i, 0, col.name);
      changes.push({ kind: "AddColumn", column: comparableColumn(col), ...(atEnd ? {} : { position }) });
      return;
    }
    if (!inPlace) {
      order.splice(at, 1);
      order.splice(i, 0, col.name);
    }
    changes.push({ kind: "ModifyColumn", from: existing, to: comparableColumn(col), ...(inPlace ? {} : { position }) });
  });
  return changes;
}

/** True when a column changes between stored, virtual and not generated. */
function storageChanges(from: Column, to: Column): boolean {
  return (
    Boolean(from.generated) !== Boolean(to.generated) ||
    (from.generated !== undefined && from.generated.stored !== to.generated?.stored)
  );
}
