/**
 * What an online schema-change tool needs to know about a table before it starts and after it stops: the table's
 * triggers, the foreign keys that point at it, this account's privileges, the sessions still working on the tool's
 * shadow table, and the statements that remove what an interrupted tool left behind (its triggers, its shadow table).
 */
import { ident } from "../sql.ts";

/** The triggers (`name`) on one table; two parameters: schema, table. */
export const TABLE_TRIGGERS_QUERY =
  "SELECT `TRIGGER_NAME` AS name FROM `INFORMATION_SCHEMA`.`TRIGGERS` " +
  "WHERE `EVENT_OBJECT_SCHEMA` = ? AND `EVENT_OBJECT_TABLE` = ? ORDER BY `TRIGGER_NAME`";

/** The foreign keys of other tables (`child`, `name`) that reference one table; two parameters: schema, table. */
export const REFERENCING_KEYS_QUERY =
  "SELECT `TABLE_NAME` AS child, `CONSTRAINT_NAME` AS name FROM `INFORMATION_SCHEMA`.`REFERENTIAL_CONSTRAINTS` " +
  "WHERE `UNIQUE_CONSTRAINT_SCHEMA` = ? AND `REFERENCED_TABLE_NAME` = ? ORDER BY `TABLE_NAME`, `CONSTRAINT_NAME`";

/** The privileges (`p`) the current account holds globally or on one schema (the parameter). */
export const ACCOUNT_PRIVILEGES_QUERY =
  "SELECT `PRIVILEGE_TYPE` AS p FROM `INFORMATION_SCHEMA`.`USER_PRIVILEGES` " +
  "UNION SELECT `PRIVILEGE_TYPE` FROM `INFORMATION_SCHEMA`.`SCHEMA_PRIVILEGES` WHERE `TABLE_SCHEMA` = ?";

/** The tables of one schema (first parameter) among a list of names (`count` more parameters). */
export function tablesNamedQuery(count: number): string {
  return (
    "SELECT `TABLE_NAME` AS name FROM `INFORMATION_SCHEMA`.`TABLES` WHERE `TABLE_SCHEMA` = ? AND `TABLE_NAME` IN (" +
    Array.from({ length: count }, () => "?").join(", ") +
    ") ORDER BY `TABLE_NAME`"
  );
}

/** The sessions (`id`, `info`) other than one (first parameter) whose statement contains a text (second, a LIKE pattern). */
export const SESSIONS_RUNNING_QUERY =
  "SELECT `ID` AS id, `INFO` AS info FROM `INFORMATION_SCHEMA`.`PROCESSLIST` WHERE `ID` <> ? AND `INFO` LIKE ?";

/** `DROP TRIGGER IF EXISTS` of a trigger of a schema. */
export function dropTriggerSql(schema: string, trigger: string): string {
  return `DROP TRIGGER IF EXISTS ${ident(schema)}.${ident(trigger)}`;
}

/** `DROP TABLE IF EXISTS` of a table of a schema. */
export function dropTableSql(schema: string, table: string): string {
  return `DROP TABLE IF EXISTS ${ident(schema)}.${ident(table)}`;
}

/** The triggers (`name`) of one schema (first parameter) whose names start with a prefix (second, a LIKE pattern). */
export const TRIGGERS_LIKE_QUERY =
  "SELECT `TRIGGER_NAME` AS name FROM `INFORMATION_SCHEMA`.`TRIGGERS` WHERE `TRIGGER_SCHEMA` = ? AND `TRIGGER_NAME` LIKE ? " +
  "ORDER BY `TRIGGER_NAME`";

/** A LIKE pattern matching `text` literally, followed by `%`. */
export function likePrefix(text: string): string {
  return `${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
