/**
 * applyChanges: Schema × Change[] → Schema. Pure and dialect-free; the replay of a migration directory and the
 * simulation of a plan both run through it.
 */
import { applyObjectChange, triggersRenamed, withoutTriggersOf } from "./apply-objects.ts";
import { applyTableChange } from "./apply-table.ts";
import { assertNever, type Change, isObjectChange } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import {
  forgetTablePositions,
  keepTablePositions,
  notePushedTable,
  ownedTables,
  type Schema,
  type Table,
  tableIndex,
} from "./model.ts";
import { applyViewChange, findView } from "./views.ts";

/** Returns the schema after the changes, in order; throws ApplyError when a change does not fit. */
export function applyChanges(schema: Schema, changes: readonly Change[]): Schema {
  return changes.reduce(applyChange, schema);
}

function applyChange(schema: Schema, change: Change): Schema {
  if (isObjectChange(change)) return applyObjectChange(schema, change);
  switch (change.kind) {
    case "AddTable":
      if (has(schema, change.table.name) || findView(schema, change.table.name))
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
    case "ModifyTable":
      return withModifiedTable(
        schema,
        change,
        change.changes.reduce(applyTableChange, schema.tables[tableAt(schema, change.table)]!),
      );
    case "ModifySchema":
      return {
        ...schema,
        ...(change.charset ? { charset: change.charset } : {}),
        ...(change.collate ? { collate: change.collate } : {}),
      };
    case "AddView":
    case "DropView":
    case "ModifyView":
      return applyViewChange(schema, change);
    default:
      return assertNever(change, "change");
  }
}

/**
 * The schema after a ModifyTable whose table is already built (`after`: the table with every change of `change`
 * applied): the table replaced in place, and other tables' foreign keys pointed at its renamed columns. The parser
 * builds that table clause by clause, so a replay passes it here instead of applying the clauses a second time.
 */
export function withModifiedTable(
  schema: Schema,
  change: Extract<Change, { kind: "ModifyTable" }>,
  after: Table,
): Schema {
  const at = tableAt(schema, change.table);
  const renamed = renamedColumns(change);
  const own = renamed.size ? undefined : ownedTables(schema.tables);
  const tables =
    own ??
    (renamed.size ? schema.tables.map((t) => retargetForeignKeys(t, change.table, renamed)) : schema.tables.slice());
  const sameName = tables[at]!.name === after.name;
  tables[at] = after;
  // The position hints carry over only while every table keeps its name (see model.ts).
  if (!sameName) forgetTablePositions(tables);
  else if (!renamed.size && !own) keepTablePositions(schema.tables, tables);
  return { ...schema, tables };
}

function appended(tables: readonly Table[], table: Table): Table[] {
  const own = ownedTables(tables);
  if (own) {
    own.push(table);
    notePushedTable(own);
    return own;
  }
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
