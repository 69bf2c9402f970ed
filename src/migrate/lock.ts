/**
 * The server-wide named lock Atlas takes around `migrate apply` (`sql/mysql/driver.go` `Lock`): `GET_LOCK` on a
 * dedicated connection, so the lock dies with that session if the process does.
 */
import type { Queryable } from "../db/types.ts";
import { GET_LOCK_QUERY, RELEASE_LOCK_QUERY } from "../mysql/queries/lock.ts";

/** Atlas's lock name for `migrate apply`; server-wide, not per schema. */
export const APPLY_LOCK = "atlas_migrate_execute";

/** The lock could not be taken: another session holds it, or the server returned NULL. */
export class LockError extends Error {
  constructor(
    readonly lockName: string,
    readonly held: boolean,
  ) {
    super(held ? "acquiring database lock: sql/schema: lock is held by other session" : `acquiring database lock: sql/mysql: unexpected internal error on Lock(${JSON.stringify(lockName)})`);
    this.name = "LockError";
  }
}

/** A held lock; release() frees it (harmless when the connection is already gone). */
export interface HeldLock {
  release(): Promise<void>;
}

/** Takes the named lock, waiting up to `timeoutMs` (whole seconds, as Atlas passes `int(timeout.Seconds())`). */
export async function acquireLock(conn: Queryable, name: string, timeoutMs: number): Promise<HeldLock> {
  const seconds = Math.max(0, Math.trunc(timeoutMs / 1000));
  const rows = await conn.query(GET_LOCK_QUERY, [name, seconds]);
  const got = rows[0]?.l;
  if (got === null || got === undefined) throw new LockError(name, false);
  if (Number(got) !== 1) throw new LockError(name, true);
  return {
    release: async () => {
      await conn.query(RELEASE_LOCK_QUERY, [name]);
    },
  };
}
