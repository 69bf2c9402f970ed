/**
 * normalizeTable: puts a table into canonical model form — charsets resolved, primary-key columns NOT NULL, engine
 * spelled canonically, empty options dropped, implicit foreign-key indexes added. Used by the SQL parser and by the
 * entities path (whose column types are already canonical but may lack charset/collate).
 */
import type { Column, ForeignKey, Index, Table, TableOptions } from "../schema/model.ts";
import { canonicalCharset, resolveCharset } from "./charset.ts";
import type { Flavor } from "./flavor.ts";
import { storedIndex } from "./key-prefix.ts";
import { isCharacterType } from "./typeinfo.ts";
import { withoutDisplayWidth } from "./types.ts";
import { normalizeStorageOptions } from "./storage-options.ts";

/** The schema-level defaults a table inherits its charset and collation from. */
export interface SchemaDefaults {
  readonly charset?: string;
  readonly collate?: string;
}

const ENGINES: Record<string, string> = {
  innodb: "InnoDB",
  myisam: "MyISAM",
  memory: "MEMORY",
  heap: "MEMORY",
  csv: "CSV",
  archive: "ARCHIVE",
  aria: "Aria",
  blackhole: "BLACKHOLE",
  federated: "FEDERATED",
  mrg_myisam: "MRG_MyISAM",
  merge: "MRG_MyISAM",
};

/** The canonical spelling of a storage engine name (`innodb` → `InnoDB`); unknown engines are kept as written. */
export function canonicalEngine(name: string): string {
  return ENGINES[name.toLowerCase()] ?? name;
}

/** Returns the table in canonical form (see the module comment). */
export function normalizeTable(table: Table, flavor: Flavor, defaults: SchemaDefaults): Table {
  const options = normalizeOptions(table.options, flavor, defaults);
  const pk = new Set((table.primaryKey?.parts ?? []).map((p) => p.column));
  const columns = table.columns.map((c) =>
    normalizeColumn(pk.has(c.name) && c.nullable ? { ...c, nullable: false } : c, options, flavor),
  );
  const base: Table = {
    ...table,
    columns,
    options,
    indexes: table.indexes.map((i) => storedIndex(i, columns, flavor)),
  };
  const implicit = implicitForeignKeyIndexes(base);
  return implicit.length === 0 ? base : { ...base, indexes: [...base.indexes, ...implicit] };
}

/** Resolves a table's options: charset/collate (table → schema → server), engine, auto-increment only when > 1. */
export function normalizeOptions(options: TableOptions, flavor: Flavor, defaults: SchemaDefaults): TableOptions {
  const cs =
    resolveCharset(options.charset, options.collate, flavor) ??
    resolveCharset(defaults.charset, defaults.collate, flavor) ??
    flavor.defaults;
  const out: { -readonly [K in keyof TableOptions]: TableOptions[K] } = {
    engine: canonicalEngine(options.engine ?? flavor.defaults.engine),
    charset: cs.charset,
    collate: cs.collate,
  };
  if (options.comment) out.comment = options.comment;
  if (options.autoIncrement !== undefined && options.autoIncrement > 1) out.autoIncrement = options.autoIncrement;
  return { ...out, ...normalizeStorageOptions(options) };
}

/**
 * Stands for the collation of the column attribute BINARY (`varchar(10) BINARY`): the binary collation of the
 * column's charset, which is only known once the table's is.
 */
export const BINARY_COLLATION = "<binary>";

/** Resolves one column against its table's (already resolved) options: charset/collate, empty attributes dropped. */
export function normalizeColumn(column: Column, table: TableOptions, flavor: Flavor): Column {
  const { charset, collate: written, comment, autoIncrement, invisible } = column;
  const collate =
    written === BINARY_COLLATION
      ? `${canonicalCharset(charset ?? table.charset ?? flavor.defaults.charset)}_bin`
      : written;
  // MySQL ≥ 8.0.19 neither keeps nor shows integer display widths (ZEROFILL aside).
  const type =
    !flavor.displayWidth && !column.type.endsWith(" zerofill") ? withoutDisplayWidth(column.type) : column.type;
  const cs = isCharacterType(type)
    ? (resolveCharset(charset, collate, flavor) ?? {
        charset: table.charset ?? flavor.defaults.charset,
        collate: table.collate ?? flavor.defaults.collate,
      })
    : undefined;
  // A column in canonical form already is kept as it is: most columns of a large schema are, and copying each costs.
  if (
    type === column.type &&
    cs?.charset === charset &&
    cs?.collate === written &&
    comment !== "" &&
    autoIncrement !== false &&
    (invisible ?? true)
  )
    return column;
  const { charset: _c, collate: _k, comment: _m, autoIncrement: _a, invisible: _i, ...rest } = column;
  const out: { -readonly [K in keyof Column]: Column[K] } = { ...rest, type };
  if (cs) {
    out.charset = cs.charset;
    out.collate = cs.collate;
  }
  if (comment) out.comment = comment;
  if (autoIncrement) out.autoIncrement = true;
  if (invisible) out.invisible = true;
  return out;
}

/** True when an index or the primary key starts with exactly these columns (whole columns, in order). */
export function foreignKeyCovered(table: Table, columns: readonly string[]): boolean {
  const covers = (parts: Index["parts"]) =>
    columns.every((c, k) => parts[k]?.column === c && parts[k]?.prefix === undefined);
  if (table.primaryKey && covers(table.primaryKey.parts)) return true;
  return table.indexes.some((i) => i.type !== "FULLTEXT" && i.type !== "SPATIAL" && covers(i.parts));
}

/** The first free name among `base`, `base_2`, `base_3`, … (the server's rule for unnamed indexes). */
export function freeIndexName(base: string, taken: ReadonlySet<string>): string {
  if (!taken.has(base)) return base;
  let n = 2;
  while (taken.has(`${base}_${n}`)) n++;
  return `${base}_${n}`;
}

/** The index the server creates for a foreign key with no usable index: named after the key, else its first column. */
export function foreignKeyIndex(fk: ForeignKey, explicitName: string | undefined, taken: ReadonlySet<string>): Index {
  const name = explicitName ?? freeIndexName(fk.columns[0]!, taken);
  return { name, unique: false, type: "BTREE", parts: fk.columns.map((column) => ({ column })), generated: true };
}

/** Indexes missing for foreign keys; a generated key name (`<table>_ibfk_<n>`) counts as no name. */
function implicitForeignKeyIndexes(table: Table): Index[] {
  const out: Index[] = [];
  if (table.foreignKeys.length === 0) return out;
  const generated = new RegExp(`^${table.name.replace(/[^\w]/g, "\\$&")}_ibfk_\\d+$`);
  for (const fk of table.foreignKeys) {
    const current = { ...table, indexes: [...table.indexes, ...out] };
    if (foreignKeyCovered(current, fk.columns)) continue;
    const taken = new Set(current.indexes.map((i) => i.name));
    out.push(foreignKeyIndex(fk, generated.test(fk.name) ? undefined : fk.name, taken));
  }
  return out;
}
