/**
 * Statements used around a dev-database replay: foreign key checks off while files that may reference tables created
 * later are executed (the offline replay does not check references either) and while tables are dropped in any
 * order; the names of a schema's tables; dropping one table.
 */
import { ident } from "../sql.ts";

/** Turns foreign key checks off for the session. */
export const FOREIGN_KEY_CHECKS_OFF = "SET FOREIGN_KEY_CHECKS = 0";

/** Turns foreign key checks back on for the session. */
export const FOREIGN_KEY_CHECKS_ON = "SET FOREIGN_KEY_CHECKS = 1";

/** The names of a schema's base tables (`TABLE_NAME`), in name order; one parameter, the schema. */
export const TABLE_NAMES_QUERY =
  "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

/** `DROP TABLE` of one table of the connection's schema. */
export function dropTableStatement(table: string): string {
  return `DROP TABLE ${ident(table)}`;
}

/**
 * The events and stored routines of a schema (`KIND` EVENT, FUNCTION or PROCEDURE, and `NAME`): what a clean dev
 * schema must not hold besides tables (triggers go with their tables). Two parameters, both the schema.
 */
export const OBJECT_NAMES_QUERY =
  "SELECT 'EVENT' AS KIND, EVENT_NAME AS NAME FROM INFORMATION_SCHEMA.EVENTS WHERE EVENT_SCHEMA = ? " +
  "UNION ALL SELECT ROUTINE_TYPE, ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ? " +
  "AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') ORDER BY 1, 2";

/** `DROP EVENT|FUNCTION|PROCEDURE` of one object of the connection's schema. */
export function dropObjectStatement(kind: "EVENT" | "FUNCTION" | "PROCEDURE", name: string): string {
  return `DROP ${kind} ${ident(name)}`;
}
