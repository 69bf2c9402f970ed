/**
 * Entities → Schema: the desired state as declared. The dialect layer normalises it afterwards (charset resolution,
 * implicit indexes), like every other source.
 */
import type { Column, FkAction, IndexPart, Schema, Table, TableOptions } from "../schema/model.ts";
import { type ColumnMeta, readMeta } from "./meta.ts";
import type { IndexPartSpec, StorageOptionsSpec, TableDef } from "./table.ts";
import { type ViewDef, viewToModel } from "./view.ts";

/** Options for the schema built from entities. */
export interface EntitySchemaOptions {
  readonly name?: string;
  readonly charset?: string;
  readonly collate?: string;
}

/** Turns declared tables and views into the (not yet normalised) schema model. Assumes `validateEntities` passed. */
export function entitiesToSchema(
  tables: readonly TableDef[],
  opts: EntitySchemaOptions = {},
  views: readonly ViewDef[] = [],
): Schema {
  return {
    ...(opts.name ? { name: opts.name } : {}),
    ...(opts.charset ? { charset: opts.charset } : {}),
    ...(opts.collate ? { collate: opts.collate } : {}),
    tables: tables.map(tableToModel),
    ...(views.length ? { views: views.map(viewToModel) } : {}),
  };
}

function part(p: IndexPartSpec): IndexPart {
  if (typeof p === "string") return { column: p };
  if ("expr" in p) return { expr: p.expr };
  return { column: p.column, ...(p.prefix ? { prefix: p.prefix } : {}), ...(p.desc ? { desc: true } : {}) };
}

const action = (a: string | undefined): FkAction =>
  a === undefined || a === "RESTRICT" ? "NO ACTION" : (a as FkAction);

/** The declared storage options in model form (booleans as the 0/1 the server shows). */
function storageOptions(t: StorageOptionsSpec): Partial<TableOptions> {
  const flag = (v: boolean | undefined) => (v === undefined ? undefined : v ? 1 : 0);
  const out: Partial<Record<keyof TableOptions, unknown>> = {
    rowFormat: t.rowFormat,
    keyBlockSize: t.keyBlockSize,
    pageCompressed: t.pageCompressed ? true : undefined,
    pageCompressionLevel: t.pageCompressionLevel,
    statsPersistent: flag(t.statsPersistent),
    statsAutoRecalc: flag(t.statsAutoRecalc),
    statsSamplePages: t.statsSamplePages,
  };
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<TableOptions>;
}

/** The model column of a declared one: its facts in their order, without the declared default value. */
function columnOf(name: string, meta: ColumnMeta): Column {
  const c: Record<string, unknown> = { name };
  for (const key in meta) if (key !== "declaredDefault") c[key] = meta[key as keyof ColumnMeta];
  return c as unknown as Column;
}

/** One declared table as a model table. */
export function tableToModel(t: TableDef): Table {
  const columns: Column[] = [];
  for (const name in t.columns) columns.push(columnOf(name, readMeta(t.columns[name]!)!));
  return {
    name: t.name,
    columns,
    ...(t.primaryKey
      ? {
          primaryKey: {
            parts: t.primaryKey.map(part),
            ...(t.primaryKeyComment ? { comment: t.primaryKeyComment } : {}),
          },
        }
      : {}),
    indexes: (t.indexes ?? []).map((i) => ({
      name: i.name,
      unique: i.unique ?? false,
      type: i.type ?? "BTREE",
      parts: i.columns.map(part),
      ...(i.comment ? { comment: i.comment } : {}),
      ...(i.parser ? { parser: i.parser } : {}),
      ...(i.invisible || i.ignored ? { invisible: true as const } : {}),
    })),
    foreignKeys: (t.foreignKeys ?? []).map((f) => ({
      name: f.name,
      columns: f.columns,
      refTable: typeof f.references.table === "string" ? f.references.table : f.references.table.name,
      refColumns: f.references.columns,
      onUpdate: action(f.onUpdate),
      onDelete: action(f.onDelete),
    })),
    checks: (t.checks ?? []).map((c) => ({ name: c.name, expr: c.expr, enforced: c.enforced ?? true })),
    options: {
      ...(t.engine ? { engine: t.engine } : {}),
      ...(t.charset ? { charset: t.charset } : {}),
      ...(t.collate ? { collate: t.collate } : {}),
      ...(t.comment ? { comment: t.comment } : {}),
      ...(t.autoIncrement !== undefined ? { autoIncrement: t.autoIncrement } : {}),
      ...storageOptions(t),
    },
    ...(t.renamedFrom ? { renamedFrom: t.renamedFrom } : {}),
    ...(t.partitionBy ? { partition: { ...t.partitionBy, partitions: t.partitionBy.partitions ?? [] } } : {}),
  };
}
