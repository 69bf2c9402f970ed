/**
 * stats-db's run log beside `atlas_schema_revisions`: one row per run of a command that changes a database (`migrate
 * apply`, `migrate down`, `schema apply`, `schema clean`): who ran what, from where, with which binary, and how it
 * ended. Atlas's table is never altered; Atlas, inspect, drift and the dirty check leave this one out.
 */
import { ident } from "../sql.ts";

/** The run log's name. */
export const RUN_LOG_TABLE = "stats_db_run_log";

const table = (schema: string): string => `${ident(schema)}.${ident(RUN_LOG_TABLE)}`;

/** `CREATE TABLE IF NOT EXISTS` of the run log in a schema. Times are UTC, from the client's clock. */
export function createRunLogSql(schema: string): string {
  return (
    `CREATE TABLE IF NOT EXISTS ${table(schema)} (` +
    "`run_id` char(36) NOT NULL, `command` varchar(64) NOT NULL, `os_user` varchar(255) NOT NULL, " +
    "`db_user` varchar(384) NOT NULL, `client_host` varchar(255) NOT NULL, `tool_version` varchar(64) NOT NULL, " +
    "`binary_sha256` char(64) NULL, `plan_hash` varchar(80) NULL, `started_at` datetime(6) NOT NULL, " +
    "`ended_at` datetime(6) NULL, `outcome` varchar(16) NOT NULL, `statements` bigint NOT NULL DEFAULT 0, " +
    "`first_error` text NULL, PRIMARY KEY (`run_id`), INDEX `stats_db_run_log_started` (`started_at`)" +
    ") CHARSET utf8mb4 COLLATE utf8mb4_bin"
  );
}

/**
 * Writes a run's row (the database user is the session's `CURRENT_USER()`); on a second write of the same run only
 * the end columns change. Twelve parameters: run id, command, OS user, client host, tool version, binary SHA-256,
 * started at, ended at, outcome, statements, plan hash, first error.
 */
export function upsertRunSql(schema: string): string {
  return (
    `INSERT INTO ${table(schema)} (\`run_id\`, \`command\`, \`os_user\`, \`db_user\`, \`client_host\`, \`tool_version\`, ` +
    "`binary_sha256`, `started_at`, `ended_at`, `outcome`, `statements`, `plan_hash`, `first_error`) " +
    "VALUES (?, ?, ?, CURRENT_USER(), ?, ?, ?, ?, ?, ?, ?, ?, ?) " +
    "ON DUPLICATE KEY UPDATE `ended_at` = VALUES(`ended_at`), `outcome` = VALUES(`outcome`), " +
    "`statements` = VALUES(`statements`), `plan_hash` = VALUES(`plan_hash`), `first_error` = VALUES(`first_error`)"
  );
}

/** Every run, oldest first. */
export function selectRunsSql(schema: string): string {
  return (
    "SELECT `run_id`, `command`, `os_user`, `db_user`, `client_host`, `tool_version`, `binary_sha256`, `plan_hash`, " +
    "DATE_FORMAT(`started_at`, '%Y-%m-%dT%H:%i:%s.%fZ') AS `started_at`, " +
    "DATE_FORMAT(`ended_at`, '%Y-%m-%dT%H:%i:%s.%fZ') AS `ended_at`, `outcome`, `statements`, `first_error` " +
    `FROM ${table(schema)} ORDER BY \`started_at\`, \`run_id\``
  );
}
