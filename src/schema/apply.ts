/**
 * applyChanges: Schema × Change[] → Schema. Pure and dialect-free; the replay of a migration directory and the
 * simulation of a plan both run through it.
 */
import { applyObjectChange, triggersRenamed, withoutTriggersOf } from "./apply-objects.ts";
import { applyTableChange } from "./apply-table.ts";
import { assertNever, type Change } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import { keepTablePositions, type Schema, type Table, tableIndex } from "./model.ts";

/** Returns the schema after the changes, in order; throws ApplyError when a change does not fit. */
export function applyChanges(schema: Schema, changes: readonly Change[]): Schema {
  return changes.reduce(applyChange, schema);
}

function applyChange(schema: Schema, change: Change): Schema {
  switch (change.kind) {
    case "AddTable":
      if (has(schema, change.table.name))
        throw new ApplyError(`table "${change.table.name}" already exists`, change.table.name);
      return { ...schema, tables: appended(schema.tables, change.table) };
    case "DropTable":
      tableAt(schema, change.table.name);
      return withoutTriggersOf(
        { ...schema, tables: schema.tables.filter((t) => t.name !== change.table.name) },
        change.table.name,
      );
    case "RenameTable":
      return triggersRenamed(renameTable(schema, change.from, change.to), change.from, change.to);
    case "ModifyTable": {
      const at = tableAt(schema, change.table);
      const after = change.changes.reduce(applyTableChange, schema.tables[at]!);
      const renamed = renamedColumns(change);
      const tables = renamed.size
        ? schema.tables.map((t) => retargetForeignKeys(t, change.table, renamed))
        : schema.tables.slice();
      tables[at] = after;
      if (!renamed.size) keepTablePositions(schema.tables, tables);
      return { ...schema, tables };
    }
    case "ModifySchema":
      return {
        ...schema,
        ...(change.charset ? { charset: change.charset } : {}),
        ...(change.collate ? { collate: change.collate } : {}),
      };
    case "AddTrigger":
    case "DropTrigger":
    case "AddEvent":
    case "DropEvent":
    case "ModifyEvent":
    case "AddRoutine":
    case "DropRoutine":
      return applyObjectChange(schema, change);
    default:
      return assertNever(change, "change");
  }
}

function appended(tables: readonly Table[], table: Table): Table[] {
  const next = [...tables, table];
  keepTablePositions(tables, next);
  return next;
}

function has(schema: Schema, name: string): boolean {
  return tableIndex(schema, name) >= 0;
}

function tableAt(schema: Schema, name: string): number {
  const at = tableIndex(schema, name);
  if (at < 0) throw new ApplyError(`table "${name}" does not exist`, name);
  return at;
}

/** Renames a table and the foreign keys of other tables that point at it. */
function renameTable(schema: Schema, from: string, to: string): Schema {
  tableAt(schema, from);
  if (has(schema, to)) throw new ApplyError(`table "${to}" already exists`, to);
  return {
    ...schema,
    tables: schema.tables.map((t) => {
      const fks = t.foreignKeys.map((f) => (f.refTable === from ? { ...f, refTable: to } : f));
      return { ...t, ...(t.name === from ? { name: to } : {}), foreignKeys: fks };
    }),
  };
}

/** Column renames (old → new) made by one ModifyTable. */
function renamedColumns(change: Extract<Change, { kind: "ModifyTable" }>): Map<string, string> {
  const map = new Map<string, string>();
  for (const c of change.changes) if (c.kind === "RenameColumn") map.set(c.from, c.to);
  return map;
}

/** Points other tables' foreign keys at renamed columns of the referenced table (the server does the same). */
function retargetForeignKeys(t: Table, refTable: string, renamed: Map<string, string>): Table {
  if (!t.foreignKeys.some((f) => f.refTable === refTable)) return t;
  return {
    ...t,
    foreignKeys: t.foreignKeys.map((f) =>
      f.refTable === refTable ? { ...f, refColumns: f.refColumns.map((c) => renamed.get(c) ?? c) } : f,
    ),
  };
}
