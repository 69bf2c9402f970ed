/**
 * stats-db's own table beside `atlas_schema_revisions`: before a migration statement is sent, its file version,
 * index, hash and the server session that runs it are written here, so a run that dies mid-statement leaves a record
 * of exactly which statement is in doubt. Atlas's table is never altered; Atlas ignores this one.
 */
import { ident } from "../sql.ts";

/** The journal table's name. */
export const JOURNAL_TABLE = "stats_db_apply_journal";

const table = (schema: string): string => `${ident(schema)}.${ident(JOURNAL_TABLE)}`;

/** `CREATE TABLE IF NOT EXISTS` of the journal in a schema. */
export function createJournalSql(schema: string): string {
  return (
    `CREATE TABLE IF NOT EXISTS ${table(schema)} (` +
    "`version` varchar(255) NOT NULL, `stmt_index` bigint NOT NULL, `stmt_hash` varchar(255) NOT NULL, " +
    "`conn_id` bigint unsigned NOT NULL, `started_at` timestamp(6) NULL, PRIMARY KEY (`version`)" +
    ") CHARSET utf8mb4 COLLATE utf8mb4_bin"
  );
}

/** Records statement `stmt_index` of `version` (hash) as about to run on this session; three parameters. */
export function recordIntentSql(schema: string): string {
  return (
    `INSERT INTO ${table(schema)} (\`version\`, \`stmt_index\`, \`stmt_hash\`, \`conn_id\`, \`started_at\`) VALUES (?, ?, ?, CONNECTION_ID(), NOW(6)) ` +
    "ON DUPLICATE KEY UPDATE `stmt_index` = VALUES(`stmt_index`), `stmt_hash` = VALUES(`stmt_hash`), `conn_id` = VALUES(`conn_id`), `started_at` = VALUES(`started_at`)"
  );
}

/** Every journal row (`version`, `stmt_index`, `stmt_hash`, `conn_id`), by version. */
export function selectIntentsSql(schema: string): string {
  return `SELECT \`version\`, \`stmt_index\`, \`stmt_hash\`, \`conn_id\` FROM ${table(schema)} ORDER BY \`version\``;
}

/** Removes the journal rows of `count` versions; a parameter each. */
export function deleteIntentsSql(schema: string, count: number): string {
  return `DELETE FROM ${table(schema)} WHERE \`version\` IN (${Array.from({ length: count }, () => "?").join(", ")})`;
}
