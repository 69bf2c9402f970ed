/**
 * Questions to information_schema that are not an inspection (inspect/queries.ts has those): does a schema or table
 * exist, which tables and schemas are there, how many rows do tables hold; and CREATE DATABASE.
 */
import { ident } from "../sql.ts";

/** `n` > 0 when a table exists; two parameters, the schema and the table. */
export const TABLE_EXISTS_QUERY =
  "SELECT COUNT(*) AS n FROM `INFORMATION_SCHEMA`.`TABLES` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ?";

/** The column names (`c`) of a table, in table order; two parameters, the schema and the table. */
export const TABLE_COLUMNS_QUERY =
  "SELECT `COLUMN_NAME` AS c FROM `INFORMATION_SCHEMA`.`COLUMNS` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` = ? ORDER BY `ORDINAL_POSITION`";

/** `n` > 0 when a schema exists; one parameter, the schema. */
export const SCHEMA_EXISTS_QUERY = "SELECT COUNT(*) AS n FROM `INFORMATION_SCHEMA`.`SCHEMATA` WHERE `SCHEMA_NAME` = ?";

/** The names (`t`) of every table and view of a schema, in name order; one parameter, the schema. */
export const SCHEMA_TABLES_QUERY =
  "SELECT `TABLE_NAME` AS t FROM `INFORMATION_SCHEMA`.`TABLES` WHERE `TABLE_SCHEMA` = ? ORDER BY `TABLE_NAME`";

/** The names (`s`) of every schema but `count` excluded ones (one parameter each), in name order. */
export function schemasExceptQuery(count: number): string {
  return `SELECT \`SCHEMA_NAME\` AS s FROM \`INFORMATION_SCHEMA\`.\`SCHEMATA\` WHERE \`SCHEMA_NAME\` NOT IN (${Array.from({ length: count }, () => "?").join(", ")}) ORDER BY \`SCHEMA_NAME\``;
}

/** `CREATE DATABASE` of a schema. */
export function createDatabaseStatement(schema: string): string {
  return `CREATE DATABASE ${ident(schema)}`;
}
