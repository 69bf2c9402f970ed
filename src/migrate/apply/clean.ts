/**
 * Atlas's dirty-database check before a first apply (`CheckClean`, `sql/mysql/driver.go`): a database with no
 * revisions must hold nothing but (at most) the revisions table.
 */
import type { Queryable } from "../../db/types.ts";
import { SCHEMA_TABLES_QUERY, schemasExceptQuery } from "../../mysql/queries/catalog.ts";
import { JOURNAL_TABLE } from "../../mysql/queries/journal.ts";
import { RUN_LOG_TABLE } from "../../mysql/queries/run-log.ts";
import { REVISIONS_TABLE } from "../revisions/names.ts";

// The revisions table and stats-db's statement journal and run log beside it are bookkeeping, not schema.
const BOOKKEEPING = new Set([REVISIONS_TABLE, JOURNAL_TABLE, RUN_LOG_TABLE]);

const SYSTEM_SCHEMAS = ["information_schema", "innodb", "mysql", "performance_schema", "sys"];

async function tablesOf(conn: Queryable, schema: string): Promise<string[]> {
  const rows = await conn.query(SCHEMA_TABLES_QUERY, [schema]);
  return rows.map((r) => String(r.t));
}

/**
 * Why the database is not clean, or undefined when it is. `schema` is the URL's schema (undefined when the URL is
 * not bound to one); `revisionsSchema` is where the revisions table lives.
 */
export async function dirtyReason(
  conn: Queryable,
  schema: string | undefined,
  revisionsSchema: string,
): Promise<string | undefined> {
  if (schema !== undefined) {
    const other = (await tablesOf(conn, schema)).find((t) => !BOOKKEEPING.has(t));
    return other === undefined ? undefined : `found table "${other}" in schema "${schema}"`;
  }
  const rows = await conn.query(schemasExceptQuery(SYSTEM_SCHEMAS.length), SYSTEM_SCHEMAS);
  const schemas = rows.map((r) => String(r.s));
  if (schemas.length > 1) return `found multiple schemas: ${schemas.length}`;
  if (schemas.length === 0) return undefined;
  if (schemas[0] !== revisionsSchema) return `found schema "${schemas[0]}"`;
  const tables = (await tablesOf(conn, schemas[0]!)).filter((t) => t !== JOURNAL_TABLE && t !== RUN_LOG_TABLE);
  if (tables.length > 1) return `found multiple tables: ${tables.length}`;
  if (tables.length === 1 && tables[0] !== REVISIONS_TABLE) return `found table "${tables[0]}"`;
  return undefined;
}
