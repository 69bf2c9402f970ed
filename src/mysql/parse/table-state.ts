/**
 * The effects of ALTER TABLE clauses on a table, as table changes: what the server does besides the clause's own
 * change (implicit foreign-key indexes, indexes shrinking when a column is dropped, server-chosen names).
 */
import type { TableChange } from "../../schema/changes.ts";
import type { Column, Index, IndexPart, Table } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { storedIndex } from "../key-prefix.ts";
import { foreignKeyCovered, normalizeColumn } from "../normalize.ts";
import { ident } from "../sql.ts";
import type { ColumnDef } from "./column.ts";
import type { ForeignKeyDef, IndexDef } from "./elements.ts";
import { SchemaStateError } from "./errors.ts";
import { givenForeignKeyName, nextForeignKeyName, unnamedIndexName } from "./names.ts";

/**
 * `ADD INDEX`: one AddIndex, named like the server when unnamed and with its key parts as the server stores them,
 * after a DropIndex for each index the server generated for a foreign key that the new one covers (its name is then
 * free again); throws SchemaStateError on a duplicate name.
 */
export function addIndexChanges(table: Table, def: IndexDef, flavor: Flavor): TableChange[] {
  const stored = storedIndex({ ...def, name: def.name ?? "" }, table.columns, flavor);
  const drops = stored.type === "FULLTEXT" || stored.type === "SPATIAL" ? [] : generatedIndexDrops(table, stored);
  const dropped = new Set(drops.map((d) => d.index.name));
  const taken = new Set(table.indexes.map((i) => i.name).filter((n) => !dropped.has(n)));
  if (table.primaryKey) taken.add("PRIMARY");
  const name = def.name ?? unnamedIndexName(def, taken);
  if (taken.has(name)) throw new SchemaStateError("index", name, "exists");
  return [...drops, { kind: "AddIndex", index: { ...stored, name } }];
}

/**
 * The server drops an index it generated for a foreign key once another key (the primary key, or the index generated
 * for a newer foreign key, included) starts with the same key parts: one DropIndex for each.
 */
export function generatedIndexDrops(
  table: Table,
  key: { readonly parts: readonly IndexPart[] },
): { readonly kind: "DropIndex"; readonly index: Index }[] {
  const samePart = (a: IndexPart, b: IndexPart | undefined) =>
    b !== undefined && a.column === b.column && a.expr === b.expr && a.prefix === b.prefix;
  return table.indexes
    .filter(
      (i) => i.generated && i.parts.length <= key.parts.length && i.parts.every((p, k) => samePart(p, key.parts[k])),
    )
    .map((index) => ({ kind: "DropIndex", index }));
}

/** `ADD FOREIGN KEY`: the AddForeignKey, preceded by the AddIndex the server creates when no index starts with its columns. */
export function addForeignKeyChanges(table: Table, def: ForeignKeyDef, flavor: Flavor): TableChange[] {
  const { symbol: _s, indexName: _i, ...rest } = def;
  const name =
    givenForeignKeyName(def, flavor) ?? nextForeignKeyName(table.name, new Set(table.foreignKeys.map((f) => f.name)));
  if (table.foreignKeys.some((f) => f.name === name)) throw new SchemaStateError("foreign key", name, "exists");
  const add: TableChange = { kind: "AddForeignKey", foreignKey: { name, ...rest } };
  // An index the server generated serves the new key only when it is longer: one as long is replaced by the new key's.
  const serving = table.indexes.filter((i) => !i.generated || i.parts.length > def.columns.length);
  if (foreignKeyCovered({ ...table, indexes: serving }, def.columns)) return [add];
  const indexName = def.symbol ?? def.indexName;
  const index: IndexDef = {
    unique: false,
    type: "BTREE",
    parts: def.columns.map((column) => ({ column })),
    generated: true,
    ...(indexName !== undefined ? { name: indexName } : {}),
  };
  return [...addIndexChanges(table, index, flavor), add];
}

/** The canonical column of a definition inside this table (charset from the table, NOT NULL when in the primary key). */
export function columnIn(table: Table, def: ColumnDef, flavor: Flavor): Column {
  const inPk = def.primary || (table.primaryKey?.parts.some((p) => p.column === def.column.name) ?? false);
  return normalizeColumn(inPk ? { ...def.column, nullable: false } : def.column, table.options, flavor);
}

/**
 * `DROP COLUMN`: the DropColumn, then what the server does with it: the column leaves every index and the primary
 * key (an index left without parts is dropped), and CHECKs that mention it are dropped.
 */
export function dropColumnChanges(table: Table, column: Column): TableChange[] {
  const out: TableChange[] = [{ kind: "DropColumn", column }];
  const keep = (parts: readonly IndexPart[]) => parts.filter((p) => p.column !== column.name);
  for (const index of table.indexes) {
    const parts = keep(index.parts);
    if (parts.length === index.parts.length) continue;
    out.push({ kind: "DropIndex", index });
    if (parts.length > 0) out.push({ kind: "AddIndex", index: { ...index, parts } satisfies Index });
  }
  const pk = table.primaryKey;
  if (pk && keep(pk.parts).length !== pk.parts.length) {
    out.push({ kind: "DropPrimaryKey", primaryKey: pk });
    if (keep(pk.parts).length > 0) out.push({ kind: "AddPrimaryKey", primaryKey: { parts: keep(pk.parts) } });
  }
  for (const check of table.checks) if (check.expr.includes(ident(column.name))) out.push({ kind: "DropCheck", check });
  return out;
}

/**
 * After MODIFY/CHANGE gives the column now `column` (called `oldName` in `table`) a new definition: the indexes on it
 * that the server stores differently for the new type (see reshapedIndexes).
 */
export function modifiedColumnIndexChanges(
  table: Table,
  oldName: string,
  column: Column,
  flavor: Flavor,
): TableChange[] {
  const on = table.indexes.filter((i) => i.parts.some((p) => p.column === oldName));
  const renamed = on.map((i) => ({
    ...i,
    parts: i.parts.map((p) => (p.column === oldName ? { ...p, column: column.name } : p)),
  }));
  return reshapedIndexes(
    renamed,
    table.columns.map((c) => (c.name === oldName ? column : c)),
    flavor,
  );
}

/**
 * The indexes whose key parts the server stores differently once the table has `columns` (see storedIndex): each
 * dropped and added again as stored.
 */
export function reshapedIndexes(indexes: readonly Index[], columns: readonly Column[], flavor: Flavor): TableChange[] {
  return indexes.flatMap((index): TableChange[] => {
    const stored = storedIndex(index, columns, flavor);
    return stored === index
      ? []
      : [
          { kind: "DropIndex", index },
          { kind: "AddIndex", index: stored },
        ];
  });
}

/** Finds a column of the table; throws SchemaStateError when it is missing. */
export function existingColumn(table: Table, name: string): Column {
  const c = table.columns.find((x) => x.name === name);
  if (!c) throw new SchemaStateError("column", name, "missing");
  return c;
}
