/**
 * Applies the changes inside one table (the clauses of one ALTER TABLE) to a table model.
 */
import { applyPartitionChange, renamePartitionColumn } from "./apply-partition.ts";
import { assertNever, type ColumnPosition, type TableChange } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import type { Column, IndexPart, Table, TableOptions } from "./model.ts";

/** Applies one table change; throws ApplyError when the change does not fit the table. */
export function applyTableChange(table: Table, change: TableChange): Table {
  const t = table.name;
  switch (change.kind) {
    case "AddColumn":
      if (table.columns.some((c) => c.name === change.column.name))
        throw new ApplyError(`column "${change.column.name}" already exists in table "${t}"`, t);
      return { ...table, columns: place(table.columns, change.column, change.position) };
    case "DropColumn":
      column(table, change.column.name);
      return { ...table, columns: table.columns.filter((c) => c.name !== change.column.name) };
    case "ModifyColumn": {
      column(table, change.from.name);
      if (!change.position)
        return { ...table, columns: table.columns.map((c) => (c.name === change.from.name ? change.to : c)) };
      return {
        ...table,
        columns: place(
          table.columns.filter((c) => c.name !== change.from.name),
          change.to,
          change.position,
        ),
      };
    }
    case "RenameColumn":
      return renameColumn(table, change.from, change.to);
    case "AddIndex":
      if (table.indexes.some((i) => i.name === change.index.name))
        throw new ApplyError(`index "${change.index.name}" already exists in table "${t}"`, t);
      return { ...table, indexes: [...table.indexes, change.index] };
    case "DropIndex":
      if (!table.indexes.some((i) => i.name === change.index.name))
        throw new ApplyError(`index "${change.index.name}" does not exist in table "${t}"`, t);
      return { ...table, indexes: table.indexes.filter((i) => i.name !== change.index.name) };
    case "RenameIndex":
      if (!table.indexes.some((i) => i.name === change.from))
        throw new ApplyError(`index "${change.from}" does not exist in table "${t}"`, t);
      // A renamed index is the user's: the server no longer drops it when another index covers its foreign key.
      return {
        ...table,
        indexes: table.indexes.map((i) => {
          if (i.name !== change.from) return i;
          const { generated: _g, ...rest } = i;
          return { ...rest, name: change.to };
        }),
      };
    case "AddPrimaryKey":
      if (table.primaryKey) throw new ApplyError(`table "${t}" already has a primary key`, t);
      return { ...table, primaryKey: change.primaryKey };
    case "DropPrimaryKey": {
      if (!table.primaryKey) throw new ApplyError(`table "${t}" has no primary key`, t);
      const { primaryKey: _dropped, ...rest } = table;
      return rest;
    }
    case "AddForeignKey":
      if (table.foreignKeys.some((f) => f.name === change.foreignKey.name))
        throw new ApplyError(`foreign key "${change.foreignKey.name}" already exists in table "${t}"`, t);
      return { ...table, foreignKeys: [...table.foreignKeys, change.foreignKey] };
    case "DropForeignKey":
      if (!table.foreignKeys.some((f) => f.name === change.foreignKey.name))
        throw new ApplyError(`foreign key "${change.foreignKey.name}" does not exist in table "${t}"`, t);
      return { ...table, foreignKeys: table.foreignKeys.filter((f) => f.name !== change.foreignKey.name) };
    case "AddCheck":
      if (table.checks.some((c) => c.name === change.check.name))
        throw new ApplyError(`check "${change.check.name}" already exists in table "${t}"`, t);
      return { ...table, checks: [...table.checks, change.check] };
    case "DropCheck":
      if (!table.checks.some((c) => c.name === change.check.name))
        throw new ApplyError(`check "${change.check.name}" does not exist in table "${t}"`, t);
      return { ...table, checks: table.checks.filter((c) => c.name !== change.check.name) };
    case "ModifyOptions":
      return { ...table, options: mergeOptions(table.options, change.to, change.reset) };
    case "ConvertCharset": {
      const widened = new Map((change.widened ?? []).map((w) => [w.column, w.type]));
      return {
        ...table,
        options: { ...table.options, charset: change.charset, collate: change.collate },
        columns: table.columns.map((c) =>
          c.charset
            ? { ...c, type: widened.get(c.name) ?? c.type, charset: change.charset, collate: change.collate }
            : c,
        ),
      };
    }
    case "SetPartitioning":
    case "AddPartitions":
    case "DropPartitions":
    case "ReorganizePartitions":
    case "ModifyPartitionCount":
      return applyPartitionChange(table, change);
    default:
      return assertNever(change, "table change");
  }
}

function column(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new ApplyError(`column "${name}" does not exist in table "${table.name}"`, table.name);
  return c;
}

/** Inserts a column at its position (end when none). */
function place(columns: readonly Column[], col: Column, position?: ColumnPosition): Column[] {
  if (!position) return [...columns, col];
  if ("first" in position) return [col, ...columns];
  const at = columns.findIndex((c) => c.name === position.after);
  if (at < 0) throw new ApplyError(`column "${position.after}" named in AFTER does not exist`);
  const out = columns.slice();
  out.splice(at + 1, 0, col);
  return out;
}

function renameParts(parts: readonly IndexPart[], from: string, to: string): IndexPart[] {
  return parts.map((p) => (p.column === from ? { ...p, column: to } : p));
}

/** Renames a column and every reference to it inside the table (keys, indexes, foreign keys). */
function renameColumn(table: Table, from: string, to: string): Table {
  column(table, from);
  if (table.columns.some((c) => c.name === to))
    throw new ApplyError(`column "${to}" already exists in table "${table.name}"`, table.name);
  const swap = (n: string) => (n === from ? to : n);
  return {
    ...table,
    columns: table.columns.map((c) => (c.name === from ? { ...c, name: to } : c)),
    ...(table.primaryKey ? { primaryKey: { parts: renameParts(table.primaryKey.parts, from, to) } } : {}),
    indexes: table.indexes.map((i) => ({ ...i, parts: renameParts(i.parts, from, to) })),
    foreignKeys: table.foreignKeys.map((f) => ({
      ...f,
      columns: f.columns.map(swap),
      refColumns: f.refTable === table.name ? f.refColumns.map(swap) : f.refColumns,
    })),
    ...(table.partition ? { partition: renamePartitionColumn(table.partition, from, to) } : {}),
  };
}

function mergeOptions(from: TableOptions, to: TableOptions, reset: readonly string[] = []): TableOptions {
  const merged: Record<string, unknown> = { ...from };
  for (const k of reset) delete merged[k];
  for (const [k, v] of Object.entries(to)) {
    if (v === undefined) continue;
    if (k === "comment" && v === "") delete merged[k];
    else merged[k] = v;
  }
  return merged as TableOptions;
}
