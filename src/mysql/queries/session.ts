/**
 * Session-level questions and settings for the connection that runs migrations: bounded lock waits, who holds the
 * apply lock, what a server session is doing, and stopping a session's running statement.
 */

/** Bounds metadata-lock and row-lock waits of this session; two parameters (seconds, both the same value). */
export const SET_LOCK_WAIT_TIMEOUTS = "SET SESSION lock_wait_timeout = ?, innodb_lock_wait_timeout = ?";

/** `holder`: the session holding a named lock (NULL when free); `me`: this session's id. One parameter, the name. */
export const LOCK_HOLDER_QUERY = "SELECT IS_USED_LOCK(?) AS holder, CONNECTION_ID() AS me";

/** One server session: id, user, host, command, seconds in its state, state and running statement; one parameter. */
export const SESSION_QUERY =
  "SELECT `ID` AS id, `USER` AS user, `HOST` AS host, `COMMAND` AS command, `TIME` AS time, `STATE` AS state, `INFO` AS info " +
  "FROM information_schema.PROCESSLIST WHERE `ID` = ?";

/** Stops the statement a session is running (the session stays); the session id is inlined as a number. */
export function killQuerySql(sessionId: number): string {
  return `KILL QUERY ${Math.trunc(sessionId)}`;
}
