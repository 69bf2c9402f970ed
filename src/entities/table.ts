/**
 * `table()`: one declaration gives the MySQL table, the row type (`Static<typeof t.row>`) and a runtime row schema.
 */
import type { TObject, TSchema } from "@sinclair/typebox";
import type { FkAction, IndexType } from "../schema/model.ts";
import type { PartitionSpec } from "./partitions.ts";
import { Type } from "./row-schema.ts";

/** One part of an index: a column name, or a column with prefix length / descending order, or an expression. */
export type IndexPartSpec =
  | string
  | { readonly column: string; readonly prefix?: number; readonly desc?: boolean }
  | { readonly expr: string };

/** A secondary index declaration. */
export interface IndexSpec {
  readonly name: string;
  readonly columns: readonly IndexPartSpec[];
  readonly unique?: boolean;
  readonly type?: IndexType;
  readonly comment?: string;
  readonly parser?: string;
  /** Not used by the optimizer (MySQL INVISIBLE); `ignored` is MariaDB's word for the same. */
  readonly invisible?: boolean;
  readonly ignored?: boolean;
}

/** A foreign key declaration; `references.table` is a table object or a table name. */
export interface ForeignKeySpec {
  readonly name: string;
  readonly columns: readonly string[];
  readonly references: { readonly table: { readonly name: string } | string; readonly columns: readonly string[] };
  readonly onDelete?: FkAction | "RESTRICT";
  readonly onUpdate?: FkAction | "RESTRICT";
}

/** A CHECK constraint declaration. */
export interface CheckSpec {
  readonly name: string;
  readonly expr: string;
  readonly enforced?: boolean;
}

/** Table-level declarations besides the columns. */
export interface TableSpec extends StorageOptionsSpec {
  readonly primaryKey?: readonly IndexPartSpec[];
  /** COMMENT of the primary key. */
  readonly primaryKeyComment?: string;
  readonly indexes?: readonly IndexSpec[];
  readonly foreignKeys?: readonly ForeignKeySpec[];
  readonly checks?: readonly CheckSpec[];
  readonly engine?: string;
  readonly charset?: string;
  readonly collate?: string;
  readonly comment?: string;
  /** AUTO_INCREMENT start when the table is created (an existing table's counter is left alone unless raised). */
  readonly autoIncrement?: number;
  /** Previous name: the next diff renames the table instead of dropping and adding it. */
  readonly renamedFrom?: string;
  /** The table's partitioning, e.g. `monthly("day", "2026-01", "2027-12")` (see partitions.ts). */
  readonly partitionBy?: PartitionSpec;
}

/** How the table's rows are stored; changing ROW_FORMAT, KEY_BLOCK_SIZE or PAGE_COMPRESSED rebuilds the table. */
export interface StorageOptionsSpec {
  /** InnoDB: DYNAMIC, COMPACT, REDUNDANT, COMPRESSED; FIXED and PAGE are for MyISAM and Aria. */
  readonly rowFormat?: "DYNAMIC" | "COMPACT" | "REDUNDANT" | "COMPRESSED" | "FIXED" | "PAGE";
  /** KiB: 1, 2, 4, 8 or 16 (InnoDB then compresses the table). */
  readonly keyBlockSize?: 1 | 2 | 4 | 8 | 16;
  /** MariaDB page compression. */
  readonly pageCompressed?: boolean;
  /** MariaDB page compression level, 1–9. */
  readonly pageCompressionLevel?: number;
  readonly statsPersistent?: boolean;
  readonly statsAutoRecalc?: boolean;
  readonly statsSamplePages?: number;
}

/** A declared table: its name, its columns (TypeBox schemas carrying MySQL facts), the row schema and the rest. */
export interface TableDef<C extends Record<string, TSchema> = Record<string, TSchema>> extends TableSpec {
  readonly kind: "table";
  readonly name: string;
  readonly columns: C;
  /** The row schema: `Static<typeof t.row>` is the row type; `Value.Check(t.row, row)` validates at run time. */
  readonly row: TObject<C>;
}

/** Declares a table. Column order is the order of the `columns` object's keys. */
export function table<C extends Record<string, TSchema>>(name: string, columns: C, spec: TableSpec = {}): TableDef<C> {
  return { kind: "table", name, columns, row: Type.Object(columns, { additionalProperties: false }), ...spec };
}

/** True for values made by `table()`. */
export function isTableDef(v: unknown): v is TableDef {
  return (
    typeof v === "object" &&
    v !== null &&
    (v as { kind?: unknown }).kind === "table" &&
    typeof (v as { name?: unknown }).name === "string"
  );
}
