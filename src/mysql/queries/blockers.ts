/**
 * Who holds the locks a waiting statement needs: open InnoDB transactions with their sessions (both servers), and the
 * granted metadata locks on named tables where the server exposes them (MySQL 8's performance_schema, MariaDB's
 * METADATA_LOCK_INFO plugin).
 */

const placeholders = (n: number): string => Array.from({ length: n }, () => "?").join(", ");

/** Sessions with an open InnoDB transaction: the session columns plus `trx_seconds`, oldest transaction first. */
export const OPEN_TRANSACTIONS_QUERY =
  "SELECT p.`ID` AS id, p.`USER` AS user, p.`HOST` AS host, p.`COMMAND` AS command, p.`TIME` AS time, p.`STATE` AS state, p.`INFO` AS info, " +
  "TIMESTAMPDIFF(SECOND, t.`trx_started`, NOW()) AS trx_seconds " +
  "FROM information_schema.INNODB_TRX t JOIN information_schema.PROCESSLIST p ON p.`ID` = t.`trx_mysql_thread_id` ORDER BY t.`trx_started`";

/** The sessions (`id`) holding a granted metadata lock on one of `count` tables of a schema (MySQL 8); schema then names. */
export function mysqlMetadataLockHoldersSql(count: number): string {
  return (
    "SELECT DISTINCT t.`PROCESSLIST_ID` AS id FROM performance_schema.metadata_locks ml " +
    "JOIN performance_schema.threads t ON t.`THREAD_ID` = ml.`OWNER_THREAD_ID` " +
    `WHERE ml.\`OBJECT_TYPE\` = 'TABLE' AND ml.\`LOCK_STATUS\` = 'GRANTED' AND ml.\`OBJECT_SCHEMA\` = ? AND ml.\`OBJECT_NAME\` IN (${placeholders(count)})`
  );
}

/** `n` > 0 when MariaDB's METADATA_LOCK_INFO plugin table is there. */
export const MARIADB_METADATA_LOCK_INFO_EXISTS =
  "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE `TABLE_SCHEMA` = 'information_schema' AND `TABLE_NAME` = 'METADATA_LOCK_INFO'";

/** The sessions (`id`) holding a metadata lock on one of `count` tables of a schema (MariaDB plugin); schema then names. */
export function mariadbMetadataLockHoldersSql(count: number): string {
  return `SELECT DISTINCT \`THREAD_ID\` AS id FROM information_schema.METADATA_LOCK_INFO WHERE \`TABLE_SCHEMA\` = ? AND \`TABLE_NAME\` IN (${placeholders(count)})`;
}

/** The session columns of `count` sessions by id. */
export function sessionsByIdSql(count: number): string {
  return (
    "SELECT `ID` AS id, `USER` AS user, `HOST` AS host, `COMMAND` AS command, `TIME` AS time, `STATE` AS state, `INFO` AS info " +
    `FROM information_schema.PROCESSLIST WHERE \`ID\` IN (${placeholders(count)}) ORDER BY \`ID\``
  );
}
