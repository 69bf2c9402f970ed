/**
 * The sessions that block a statement waiting for a lock: holders of metadata locks on its tables where the server
 * shows them, else every other session with an open transaction (the usual holder of a metadata lock is an idle
 * transaction that once read the table).
 */
import type { Queryable, Row } from "../db/types.ts";
import {
  MARIADB_METADATA_LOCK_INFO_EXISTS,
  mariadbMetadataLockHoldersSql,
  mysqlMetadataLockHoldersSql,
  OPEN_TRANSACTIONS_QUERY,
  sessionsByIdSql,
} from "./queries/blockers.ts";

/** A session that holds what a waiting statement needs. */
export interface Blocker {
  readonly id: number;
  readonly user: string;
  readonly host: string;
  /** `Sleep` for an idle session, `Query` while it runs `info`. */
  readonly command: string;
  /** Seconds in its current state. */
  readonly time: number;
  readonly info: string | null;
  /** Seconds its open transaction has lasted, when it has one. */
  readonly trxSeconds?: number;
}

/** What to look for: the waiting statement's schema and tables, and the sessions that are this run's own. */
export interface BlockerQuery {
  readonly flavorName: "mysql" | "mariadb";
  readonly schema?: string;
  readonly tables: readonly string[];
  readonly exclude: readonly number[];
}

/** A session row (`id`, `user`, `host`, `command`, `time`, `info` columns) as a Blocker. */
export function blockerFromRow(r: Row, trxSeconds?: number): Blocker {
  const info = r.info == null ? null : String(r.info);
  return {
    id: Number(r.id),
    user: String(r.user ?? ""),
    host: String(r.host ?? ""),
    command: String(r.command ?? ""),
    time: Number(r.time ?? 0),
    info,
    ...(trxSeconds !== undefined ? { trxSeconds } : {}),
  };
}

async function metadataLockHolders(conn: Queryable, q: BlockerQuery): Promise<number[] | undefined> {
  if (q.schema === undefined || q.tables.length === 0) return undefined;
  try {
    if (q.flavorName === "mariadb") {
      const [exists] = await conn.query(MARIADB_METADATA_LOCK_INFO_EXISTS);
      if (Number(exists?.n) === 0) return undefined;
      return (await conn.query(mariadbMetadataLockHoldersSql(q.tables.length), [q.schema, ...q.tables])).map((r) =>
        Number(r.id),
      );
    }
    return (await conn.query(mysqlMetadataLockHoldersSql(q.tables.length), [q.schema, ...q.tables])).map((r) =>
      Number(r.id),
    );
  } catch {
    // performance_schema off or not granted: fall back to the open transactions.
    return undefined;
  }
}

/** The blocking sessions, oldest transaction first; none when nothing is found. */
export async function findBlockers(conn: Queryable, q: BlockerQuery): Promise<Blocker[]> {
  const own = new Set(q.exclude);
  const trx = new Map(
    (await conn.query(OPEN_TRANSACTIONS_QUERY)).filter((r) => !own.has(Number(r.id))).map((r) => [Number(r.id), r]),
  );
  const holders = (await metadataLockHolders(conn, q))?.filter((id) => !own.has(id));
  if (holders === undefined || holders.length === 0)
    return [...trx.values()].map((r) => blockerFromRow(r, Number(r.trx_seconds)));
  const rows = await conn.query(sessionsByIdSql(holders.length), holders);
  return rows.map((r) => {
    const t = trx.get(Number(r.id));
    return blockerFromRow(r, t ? Number(t.trx_seconds) : undefined);
  });
}

/** One line per blocker: `connection 9 (app@10.0.0.5:5123, transaction open 42s, idle 40s)`. */
export function describeBlocker(b: Blocker): string {
  const parts = [`${b.user}@${b.host}`];
  if (b.trxSeconds !== undefined) parts.push(`transaction open ${b.trxSeconds}s`);
  if (b.command === "Sleep") parts.push(`idle ${b.time}s`);
  else if (b.info) parts.push(`running for ${b.time}s: ${b.info.length > 120 ? b.info.slice(0, 117) + "..." : b.info}`);
  return `connection ${b.id} (${parts.join(", ")})`;
}
