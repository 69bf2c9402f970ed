/**
 * inspect: a live schema → the canonical model, over `information_schema` with a fixed number of queries whatever the
 * table count (docs/atlas-compat.md §10), in the same canonical forms the DDL parser produces.
 */
import { reads } from "./inspect/reads.ts";
import type { Queryable, Row } from "../db/types.ts";
import type { Column, Partitioning, Schema, Table } from "../schema/model.ts";
import { canonicalCollation, charsetOfCollation } from "./charset.ts";
import type { Flavor } from "./flavor.ts";
import { checksByTable, restoreJsonColumns } from "./inspect/checks.ts";
import { columnFromRow } from "./inspect/column.ts";
import { SchemaNotFoundError } from "./inspect/errors.ts";
import { foreignKeysByTable, keysByTable } from "./inspect/keys.ts";
import { isPartitioned, PARTITIONS_QUERY, partitioningByTable } from "./inspect/partitions.ts";
import { objectQueries, objectsFromRows } from "./inspect/objects.ts";
import * as q from "./inspect/queries.ts";
import { JOURNAL_TABLE } from "./queries/journal.ts";
import { RUN_LOG_TABLE } from "./queries/run-log.ts";
import { type ServerInfo, serverInfo } from "./inspect/server.ts";
import { unmanagedFromRows, unmanagedQuery } from "./inspect/unmanaged.ts";
import { groupBy, num, required, text, valid } from "./inspect/values.ts";
import { VIEWS_QUERY, viewsFromRows } from "./inspect/views.ts";
import { storageOptionsFromCreateOptions } from "./storage-options.ts";
import { normalizeTable } from "./normalize.ts";

export { InspectError, SchemaNotFoundError } from "./inspect/errors.ts";
export { flavorOfVersion, type ServerInfo } from "./inspect/server.ts";
export {
  dropObjectStatement,
  dropTableStatement,
  FOREIGN_KEY_CHECKS_OFF,
  FOREIGN_KEY_CHECKS_ON,
  OBJECT_NAMES_QUERY,
  TABLE_NAMES_QUERY,
} from "./inspect/session.ts";
export { dropViewStatement, VIEW_NAMES_QUERY } from "./inspect/views.ts";

/** The name of Atlas's revisions table, left out of inspections used for diffs unless asked for. */
export const REVISIONS_TABLE = "atlas_schema_revisions";

/** Options of an inspection. */
export interface InspectOptions {
  /** Keep the `atlas_schema_revisions` table (default: left out). */
  readonly includeRevisions?: boolean;
}

/** Reads the server's flavour and defaults (one query). */
export async function inspectServer(conn: Queryable): Promise<ServerInfo> {
  const rows = await conn.query(q.SERVER_QUERY);
  return serverInfo(rows[0] ?? {});
}

/** A schema read from a live database, and the server's flavour. */
export interface Inspection {
  readonly schema: Schema;
  readonly flavor: Flavor;
}

/** Inspects a schema and also returns the detected flavour (what a caller needs to plan changes for that server). */
export async function inspectWithFlavor(
  conn: Queryable,
  schemaName: string,
  options: InspectOptions = {},
): Promise<Inspection> {
  const { flavor } = await inspectServer(conn);
  if (flavor.cachedTableStats) await conn.exec(q.MYSQL_STATS_EXPIRY);
  const [schemaRow] = await conn.query(q.SCHEMA_QUERY, [schemaName]);
  if (!schemaRow) throw new SchemaNotFoundError(schemaName);
  const collate = valid(schemaRow, "DEFAULT_COLLATION_NAME");
  const schemaDefaults = collate ? { charset: charsetOfCollation(collate), collate: canonicalCollation(collate) } : {};
  const one = [schemaName];
  // The tool's own bookkeeping tables are not part of the schema a user manages; the run log is the record of who
  // changed the schema: never part of it, not even for `schema clean`.
  const kept = (name: string) =>
    name !== RUN_LOG_TABLE && (options.includeRevisions || (name !== REVISIONS_TABLE && name !== JOURNAL_TABLE));
  const [columnRows, indexRows, fkRows, checkRows, unmanagedRows, viewRows, ...objectRows] = reads(conn, [
    { sql: q.COLUMNS_QUERY, params: one },
    { sql: q.indexesQuery(flavor), params: one },
    { sql: q.FOREIGN_KEYS_QUERY, params: [schemaName, schemaName] },
    { sql: q.checksQuery(flavor), params: one },
    unmanagedQuery(schemaName),
    { sql: VIEWS_QUERY, params: one },
    ...objectQueries(schemaName),
  ]);
  // Each read becomes its part of the model as soon as its rows arrive, while the server works on the next.
  const [tableRows, columns, keys, fks, checks, unmanaged, viewList, objects] = await Promise.all([
    conn.query(q.TABLES_QUERY, one),
    columnRows!.then((rows) => {
      const byTable = new Map<string, Column[]>();
      for (const [table, list] of groupBy(rows, (r) => required(r, "TABLE_NAME")))
        if (kept(table))
          byTable.set(
            table,
            list.map((c) => columnFromRow(c, flavor)),
          );
      return byTable;
    }),
    indexRows!.then((rows) => keysByTable(rows, flavor)),
    fkRows!.then(foreignKeysByTable),
    checkRows!.then((rows) => checksByTable(rows, flavor)),
    unmanagedRows!.then(unmanagedFromRows),
    viewRows!,
    Promise.all(objectRows).then(objectsFromRows),
  ]);
  const partitions = tableRows.some(isPartitioned)
    ? partitioningByTable(await conn.query(PARTITIONS_QUERY, [schemaName]))
    : new Map<string, Partitioning>();
  const tables: Table[] = [];
  for (const row of tableRows) {
    const name = required(row, "TABLE_NAME");
    if (!kept(name)) continue;
    const restored = restoreJsonColumns(columns.get(name) ?? [], checks.get(name) ?? [], flavor);
    const k = keys.get(name) ?? { indexes: [] };
    const table: Table = {
      name,
      columns: restored.columns,
      ...(k.primaryKey ? { primaryKey: k.primaryKey } : {}),
      indexes: k.indexes,
      foreignKeys: fks.get(name) ?? [],
      checks: restored.checks,
      options: tableOptions(row),
      ...(partitions.has(name) ? { partition: partitions.get(name)! } : {}),
    };
    tables.push(normalizeTable(table, flavor, schemaDefaults));
  }
  const views = viewsFromRows(viewList, schemaName, tables);
  return {
    flavor,
    schema: {
      name: schemaName,
      ...schemaDefaults,
      tables,
      ...(views.length ? { views } : {}),
      ...objects,
      ...(unmanaged.length ? { unmanaged } : {}),
    },
  };
}

function tableOptions(row: Row): Table["options"] {
  const collate = valid(row, "TABLE_COLLATION");
  const engine = valid(row, "ENGINE");
  const comment = valid(row, "TABLE_COMMENT");
  const autoIncrement = num(row, "AUTO_INCREMENT");
  return {
    ...(engine ? { engine } : {}),
    ...(collate ? { collate } : {}),
    ...(comment ? { comment: required(row, "TABLE_COMMENT") } : {}),
    ...(autoIncrement !== undefined && autoIncrement > 1 ? { autoIncrement } : {}),
    ...storageOptionsFromCreateOptions(text(row, "CREATE_OPTIONS") ?? ""),
  };
}

/**
 * Inspects one schema of a live server into the canonical model (the flavour is detected from `@@version`). Fourteen
 * queries on MariaDB, fifteen on MySQL (five of them for triggers, events and routines), whatever the number of
 * tables, and one more when a table is partitioned.
 */
export async function inspect(conn: Queryable, schemaName: string, options: InspectOptions = {}): Promise<Schema> {
  return (await inspectWithFlavor(conn, schemaName, options)).schema;
}
