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
