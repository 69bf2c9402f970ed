/**
 * The schema model: plain readonly data that every source (entities, migration replay, SQL files, a live database)
 * is turned into. Objects refer to each other by name only. Values are canonical (normalised by the dialect layer),
 * so two schemas are equal exactly when their models are deep-equal.
 */
import type { Routine, ScheduledEvent, Trigger } from "./objects.ts";

/** A column default: a literal value (unquoted text, e.g. `0`, `abc`) or a raw SQL expression (e.g. `CURRENT_TIMESTAMP(3)`). */
export type Default =
  | { readonly kind: "literal"; readonly value: string }
  | { readonly kind: "expr"; readonly value: string };

/** A generated column's expression and storage. */
export interface Generated {
  readonly expr: string;
  readonly stored: boolean;
}

/** One column. `type` is the canonical lower-case type text, e.g. `int unsigned`, `varchar(255)`, `enum('a','b')`. */
export interface Column {
  readonly name: string;
  readonly type: string;
  readonly nullable: boolean;
  readonly default?: Default;
  readonly autoIncrement?: boolean;
  /** ON UPDATE expression, e.g. `CURRENT_TIMESTAMP(3)`. */
  readonly onUpdate?: string;
  /** Resolved for every character column (never inherited implicitly); absent for other types. */
  readonly charset?: string;
  readonly collate?: string;
  readonly comment?: string;
  readonly generated?: Generated;
  /** Desired-state only: the column's previous name, declared in code so the diff renames instead of drop + add. */
  readonly renamedFrom?: string;
  /** INVISIBLE: left out of `SELECT *` (MySQL ≥ 8.0.23, MariaDB ≥ 10.3.3). */
  readonly invisible?: true;
}

/** One part of an index or primary key: a column (optionally a prefix, descending) or an expression. */
export interface IndexPart {
  readonly column?: string;
  readonly expr?: string;
  readonly prefix?: number;
  readonly desc?: boolean;
}

/** Index kinds; BTREE is the default and the only one most tables use. */
export type IndexType = "BTREE" | "HASH" | "FULLTEXT" | "SPATIAL";

/** A secondary index (the primary key is kept apart). */
export interface Index {
  readonly name: string;
  readonly unique: boolean;
  readonly type: IndexType;
  readonly parts: readonly IndexPart[];
  readonly comment?: string;
  /** FULLTEXT parser, e.g. `ngram`. */
  readonly parser?: string;
  /** `USING BTREE` was written out: the server then shows it, though the index is the same. */
  readonly usingBtree?: true;
  /** Not used by the optimizer: MySQL `INVISIBLE`, MariaDB `IGNORED`. */
  readonly invisible?: true;
  /**
   * The server created it for a foreign key (no index could serve the key), and drops it once another index starts
   * with its columns. Replay-only knowledge: `inspect` cannot see it, so equality and diff ignore it.
   */
  readonly generated?: true;
}

/** The primary key of a table. */
export interface PrimaryKey {
  readonly parts: readonly IndexPart[];
  readonly comment?: string;
}

/** Referential actions, canonical: MySQL treats RESTRICT, NO ACTION and no clause alike, so all three are `NO ACTION`. */
export type FkAction = "NO ACTION" | "CASCADE" | "SET NULL" | "SET DEFAULT";

/** A foreign key constraint. */
export interface ForeignKey {
  readonly name: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onUpdate: FkAction;
  readonly onDelete: FkAction;
}

/** A CHECK constraint. */
export interface Check {
  readonly name: string;
  readonly expr: string;
  readonly enforced: boolean;
}

/** Table options. `charset`/`collate` are always resolved for a table in a normalised schema. */
export interface TableOptions {
  readonly engine?: string;
  readonly charset?: string;
  readonly collate?: string;
  readonly comment?: string;
  readonly autoIncrement?: number;
  // Storage options, as the server shows them (absent = the server's default); see schema/table-options.ts.
  /** ROW_FORMAT, upper case: DYNAMIC, COMPACT, REDUNDANT, COMPRESSED, FIXED, PAGE. */
  readonly rowFormat?: string;
  /** KEY_BLOCK_SIZE in KiB (above 0). */
  readonly keyBlockSize?: number;
  /** MariaDB PAGE_COMPRESSED=1 (0 is the default, so only `true` is kept). */
  readonly pageCompressed?: true;
  /** MariaDB PAGE_COMPRESSION_LEVEL (1–9). */
  readonly pageCompressionLevel?: number;
  /** STATS_PERSISTENT 0 or 1 (absent: DEFAULT, the server setting). */
  readonly statsPersistent?: number;
  /** STATS_AUTO_RECALC 0 or 1 (absent: DEFAULT). */
  readonly statsAutoRecalc?: number;
  /** STATS_SAMPLE_PAGES (absent: DEFAULT). */
  readonly statsSamplePages?: number;
}

/** Partitioning methods (the family, and the COLUMNS / LINEAR variants). */
export type PartitionType =
  | "RANGE"
  | "RANGE COLUMNS"
  | "LIST"
  | "LIST COLUMNS"
  | "HASH"
  | "LINEAR HASH"
  | "KEY"
  | "LINEAR KEY";

/** Sub-partitioning methods (MySQL and MariaDB sub-partition RANGE and LIST tables by hash or key only). */
export type SubpartitionType = "HASH" | "LINEAR HASH" | "KEY" | "LINEAR KEY";

/** One named partition, in canonical form (as `information_schema.PARTITIONS` shows it). */
export interface Partition {
  readonly name: string;
  /**
   * RANGE: the bound, e.g. `739982`, `MAXVALUE`, `'2026-02-01'`, `1,'a'`; LIST: the values, e.g. `1,2` or
   * `('a','x'),('b','y')`; absent for HASH and KEY.
   */
  readonly values?: string;
  readonly comment?: string;
  /** Sub-partition names, when they were named explicitly (else the server names them `<p>sp<n>`). */
  readonly subpartitions?: readonly string[];
}

/** How rows are sub-partitioned. */
export interface Subpartitioning {
  readonly type: SubpartitionType;
  /** HASH: the canonical expression. */
  readonly expr?: string;
  /** KEY: the columns (empty = the primary key). */
  readonly columns?: readonly string[];
  /** The number of sub-partitions per partition, when the server names them (no explicit names). */
  readonly count?: number;
}

/**
 * A table's partitioning. Expression methods (RANGE, LIST, HASH) carry `expr`, column methods (COLUMNS, KEY) carry
 * `columns`. Partitions are either listed (RANGE and LIST always; HASH and KEY when one is named or commented) or,
 * for HASH and KEY with server-named partitions `p0…pN-1`, only counted (`count`, `partitions` empty).
 */
export interface Partitioning {
  readonly type: PartitionType;
  readonly expr?: string;
  readonly columns?: readonly string[];
  readonly count?: number;
  readonly partitions: readonly Partition[];
  readonly subpartition?: Subpartitioning;
}

/** One table. Column order is significant (it is what the server keeps); index, FK and check order is not. */
export interface Table {
  readonly name: string;
  readonly columns: readonly Column[];
  readonly primaryKey?: PrimaryKey;
  readonly indexes: readonly Index[];
  readonly foreignKeys: readonly ForeignKey[];
  readonly checks: readonly Check[];
  readonly options: TableOptions;
  /** Desired-state only: the table's previous name (see Column.renamedFrom). */
  readonly renamedFrom?: string;
  /** The table's partitioning; absent for an unpartitioned table. */
  readonly partition?: Partitioning;
}

/**
 * The kinds of objects the model does not cover (unmanaged.ts). `sequence` and `system-versioned table` share the
 * table namespace.
 */
export type UnmanagedKind = "sequence" | "system-versioned table" | "package";

/** One object the model does not hold, named as the server names it. */
export interface UnmanagedObject {
  readonly kind: UnmanagedKind;
  readonly name: string;
}

/** A view's algorithm; absent means UNDEFINED (the server's default). */
export type ViewAlgorithm = "MERGE" | "TEMPTABLE";

/** A view's check option; absent means none. */
export type ViewCheckOption = "CASCADED" | "LOCAL";

/**
 * A view. `definition` is the SELECT in the dialect's normal form (the same text whatever qualified names, quoting,
 * letter case and aliases the source wrote), so two views are equal exactly when their models are deep-equal.
 */
export interface View {
  readonly name: string;
  readonly definition: string;
  readonly algorithm?: ViewAlgorithm;
  /** Absent means DEFINER (the server's default). */
  readonly security?: "INVOKER";
  readonly checkOption?: ViewCheckOption;
  /** `user@host`, declared (entities, a migration file's DEFINER=): compared and planned only when declared. */
  readonly definer?: string;
  /** The definer a live server reports: compared with a declared `definer`, never planned. */
  readonly reportedDefiner?: string;
  /** The tables and views the SELECT reads (derived from the definition by the dialect layer), sorted. */
  readonly reads?: readonly string[];
}

/** A schema (one database): its tables, views and default charset/collation. */
export interface Schema {
  readonly name?: string;
  readonly charset?: string;
  readonly collate?: string;
  readonly tables: readonly Table[];
  /** What the schema holds that the model does not cover (absent = none; see unmanaged.ts). */
  readonly unmanaged?: readonly UnmanagedObject[];
  /** Absent means none. */
  readonly views?: readonly View[];
  /** Triggers (src/schema/objects.ts); absent = none. */
  readonly triggers?: readonly Trigger[];
  /** Scheduled events; absent = none. */
  readonly events?: readonly ScheduledEvent[];
  /** Stored functions and procedures; absent = none. */
  readonly routines?: readonly Routine[];
}

/** The empty schema: the starting point of a migration-directory replay. */
export const emptySchema: Schema = { tables: [] };

/**
 * Name → position hints per tables array, shared along a replay. A hint is used when the table at that position has
 * the name, else a search in order decides. Every table of an array has a hint (the map is built from the array, and
 * passed on only to arrays whose tables keep their names or gain one at the end, which gets its hint), so a name
 * without one is no table's.
 */
const positions = new WeakMap<readonly Table[], Map<string, number>>();

function positionsOf(tables: readonly Table[]): Map<string, number> {
  let map = positions.get(tables);
  if (map === undefined || map.size > tables.length) {
    map = new Map();
    for (let i = tables.length - 1; i >= 0; i--) map.set(tables[i]!.name, i);
    positions.set(tables, map);
  }
  return map;
}

/** The position of the table with this name in `schema.tables`, or -1 (replay asks once per statement). */
export function tableIndex(schema: Schema, name: string): number {
  const tables = schema.tables;
  const i = positionsOf(tables).get(name);
  if (i === undefined) return -1;
  if (tables[i]?.name === name) return i;
  for (let k = 0; k < tables.length; k++) if (tables[k]!.name === name) return k;
  return -1;
}

/** Passes `prev`'s position hints on to `next`: the same tables in place, one replaced or one appended at the end. */
export function keepTablePositions(prev: readonly Table[], next: readonly Table[]): void {
  const map = positions.get(prev);
  if (map === undefined) return;
  const last = next[next.length - 1];
  if (next.length === prev.length + 1 && last !== undefined && !map.has(last.name)) map.set(last.name, next.length - 1);
  positions.set(next, map);
}

/**
 * Tables arrays a replay holds alone (see ownTables): applying a change updates them in place instead of copying all
 * the tables for every statement, which made a long history over thousands of tables quadratic.
 */
const owned = new WeakSet<readonly Table[]>();

/**
 * The schema with a tables array of its own that the apply functions may update in place, for a replay that keeps
 * no intermediate state (replaySql): nothing else may read the schema until releaseTables.
 */
export function ownTables(schema: Schema): Schema {
  if (owned.has(schema.tables)) return schema;
  const tables = schema.tables.slice();
  // Its own copy of the position hints: tables pushed in place must not show in the hints of `schema.tables`.
  const map = positions.get(schema.tables);
  if (map !== undefined) positions.set(tables, new Map(map));
  owned.add(tables);
  return { ...schema, tables };
}

/** Ends ownTables: the schema's tables array is immutable again (the apply functions copy it). */
export function releaseTables(schema: Schema): Schema {
  owned.delete(schema.tables);
  return schema;
}

/** The array itself when a replay owns it (ownTables), so a change may update it in place; else undefined. */
export function ownedTables(tables: readonly Table[]): Table[] | undefined {
  return owned.has(tables) ? (tables as Table[]) : undefined;
}

/** Drops the position hints of an array whose table at some position changed its name. */
export function forgetTablePositions(tables: readonly Table[]): void {
  positions.delete(tables);
}

/** Records the position of a table pushed onto an owned array. */
export function notePushedTable(tables: readonly Table[]): void {
  const map = positions.get(tables);
  const last = tables[tables.length - 1];
  if (map !== undefined && last !== undefined && !map.has(last.name)) map.set(last.name, tables.length - 1);
}

/** Finds a table by name. */
export function findTable(schema: Schema, name: string): Table | undefined {
  const i = tableIndex(schema, name);
  return i < 0 ? undefined : schema.tables[i];
}

/** Finds a column by name. */
export function findColumn(table: Table, name: string): Column | undefined {
  return table.columns.find((c) => c.name === name);
}
