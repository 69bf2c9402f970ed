/**
 * The MySQL facts a column schema carries, stored under a symbol key on the TypeBox schema (so they survive
 * TypeBox's cloning and stay out of JSON). This is the only file that reads or writes that key.
 */
import type { TSchema } from "@sinclair/typebox";
import type { Column } from "../schema/model.ts";

/** The symbol under which column facts live on a TypeBox schema. */
export const COLUMN_META = Symbol.for("stats-db.column");

/** What a column declaration says about the MySQL column: the model's column facts without its name. */
export interface ColumnMeta extends Omit<Column, "name"> {
  /** The raw default value as declared, checked against the column's TypeBox schema by validation. */
  readonly declaredDefault?: unknown;
}

/** Attaches column facts to a TypeBox schema. */
export function withMeta<T extends TSchema>(schema: T, meta: ColumnMeta): T {
  return Object.assign(schema, { [COLUMN_META]: meta });
}

/** Reads the column facts of a TypeBox schema, or undefined when it was not built by a column builder. */
export function readMeta(schema: TSchema): ColumnMeta | undefined {
  return (schema as unknown as Record<symbol, ColumnMeta | undefined>)[COLUMN_META];
}
