/**
 * The control session of a run that changes a database: a second connection to the same server, opened only when a
 * statement runs long (to see what it waits for) or must be cancelled, and opened again after it was lost (e.g.
 * closed by the server's wait_timeout).
 */
import { type ConnectOptions, type Connection, connect } from "../db/connect.ts";
import { ConnectionError } from "../db/errors.ts";
import type { DatabaseUrl } from "../db/url.ts";
import type { ControlSession } from "../migrate/apply/statement-watch.ts";

/** A control session for `target` (connected with the options that opened the statement session); close() ends it. */
export function lazyControl(target: DatabaseUrl, options: ConnectOptions): ControlSession & { close(): Promise<void> } {
  let opened: Promise<Connection> | undefined;
  const reset = (c: Promise<Connection>) => {
    if (opened === c) opened = undefined;
  };
  return {
    get: async () => {
      const current = (opened ??= connect(target, options));
      const conn = await current.catch((e) => {
        reset(current);
        throw e;
      });
      const guard = async <T>(p: Promise<T>): Promise<T> =>
        p.catch((e) => {
          if (e instanceof ConnectionError) reset(current);
          throw e;
        });
      return {
        threadId: conn.threadId,
        query: (sql, params) => guard(conn.query(sql, params)),
        exec: (sql, params) => guard(conn.exec(sql, params)),
      };
    },
    close: async () => {
      await (await opened?.catch(() => undefined))?.close();
    },
  };
}
