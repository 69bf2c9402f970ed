/**
 * The server-wide named lock Atlas takes around `migrate apply` (`sql/mysql/driver.go` `Lock`). stats-db takes it on
 * the connection that runs the statements: the server keeps a session, and its locks, until its running statement
 * ends, even for a client that is gone, so the lock can never be lost while a statement of this run still runs.
 */
import type { Queryable } from "../../db/types.ts";
import { type Blocker, blockerFromRow, describeBlocker } from "../../mysql/blockers.ts";
import { GET_LOCK_QUERY, RELEASE_LOCK_QUERY } from "../../mysql/queries/lock.ts";
import { LOCK_HOLDER_QUERY, SESSION_QUERY } from "../../mysql/queries/session.ts";

/** Atlas's lock name for `migrate apply`; server-wide, not per schema. */
export const APPLY_LOCK = "atlas_migrate_execute";

/** The lock could not be taken: another session holds it (described when known), or the server returned NULL. */
export class LockError extends Error {
  constructor(
    readonly lockName: string,
    readonly held: boolean,
    readonly holder?: Blocker,
  ) {
    super(
      held
        ? `acquiring database lock: sql/schema: lock is held by other session${holder ? ` (${describeBlocker(holder)})` : ""}`
        : `acquiring database lock: sql/mysql: unexpected internal error on Lock(${JSON.stringify(lockName)})`,
    );
    this.name = "LockError";
  }
}

/** This session no longer holds the lock it took: the run stops before its next statement. */
export class LockLostError extends Error {
  constructor(readonly lockName: string) {
    super(
      `the apply lock ${JSON.stringify(lockName)} is no longer held by this run's session: stopped before the next statement; run the command again`,
    );
    this.name = "LockLostError";
  }
}

/** A held lock; release() frees it (harmless when the connection is already gone). */
export interface HeldLock {
  release(): Promise<void>;
  /** Throws LockLostError unless this session still holds the lock. */
  verify(): Promise<void>;
}

/** The session holding a named lock, undefined when it is free. */
export async function lockHolder(conn: Queryable, name: string): Promise<Blocker | undefined> {
  const [row] = await conn.query(LOCK_HOLDER_QUERY, [name]);
  if (row?.holder == null) return undefined;
  const [session] = await conn.query(SESSION_QUERY, [Number(row.holder)]);
  return session
    ? blockerFromRow(session)
    : { id: Number(row.holder), user: "", host: "", command: "", time: 0, info: null };
}

async function getLock(conn: Queryable, name: string, seconds: number): Promise<boolean> {
  const rows = await conn.query(GET_LOCK_QUERY, [name, seconds]);
  const got = rows[0]?.l;
  if (got === null || got === undefined) throw new LockError(name, false);
  return Number(got) === 1;
}

/**
 * Takes the named lock, waiting up to `timeoutMs` (whole seconds, as Atlas passes `int(timeout.Seconds())`). When
 * another session holds it, `waiting` is told who before the wait, and the error names it after a timeout.
 */
export async function acquireLock(
  conn: Queryable,
  name: string,
  timeoutMs: number,
  waiting: (holder: Blocker | undefined) => void = () => {},
): Promise<HeldLock> {
  const seconds = Math.max(0, Math.trunc(timeoutMs / 1000));
  if (!(await getLock(conn, name, 0))) {
    if (seconds > 0) waiting(await lockHolder(conn, name));
    if (seconds === 0 || !(await getLock(conn, name, seconds)))
      throw new LockError(name, true, await lockHolder(conn, name));
  }
  return {
    release: async () => {
      await conn.query(RELEASE_LOCK_QUERY, [name]);
    },
    verify: async () => {
      const [row] = await conn.query(LOCK_HOLDER_QUERY, [name]);
      if (row?.holder == null || Number(row.holder) !== Number(row.me)) throw new LockLostError(name);
    },
  };
}
