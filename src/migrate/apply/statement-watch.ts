/**
 * Runs migration statements while watching them from a second session: a statement that waits for a lock longer than
 * a moment is reported with the sessions that block it, a lock-wait timeout names them in its error, a long statement
 * reports its progress when the server tells it, and the running statement can be stopped (`KILL QUERY`) on request.
 */
import { DatabaseError, ER } from "../../db/errors.ts";
import type { Queryable } from "../../db/types.ts";
import { type Blocker, describeBlocker, findBlockers } from "../../mysql/blockers.ts";
import { statementTables } from "../../mysql/parse.ts";
import { statementProgress } from "../../mysql/queries/progress.ts";
import { killQuerySql, SESSION_QUERY } from "../../mysql/queries/session.ts";

/** A second session on the same server, opened on first use (and again after it was lost). */
export interface ControlSession {
  /** The control connection; opening it may fail (the caller reports that and goes on). */
  get(): Promise<Queryable & { readonly threadId: number }>;
}

/** A statement has been waiting for a lock: for how long, in which state, and who holds what it needs. */
export interface LockWaitEvent {
  readonly kind: "lock-wait";
  readonly text: string;
  readonly seconds: number;
  readonly state: string;
  readonly blockers: readonly Blocker[];
}

/** A long statement's progress, as the server reports it (MariaDB's PROCESSLIST.PROGRESS, MySQL's stage events). */
export interface ProgressEvent {
  readonly kind: "progress";
  readonly text: string;
  readonly percent: number;
  readonly stage: string;
  readonly seconds: number;
}

/** What a watch reports. */
export type WatchEvent = LockWaitEvent | ProgressEvent;

/** How a watch is set up. */
export interface WatchOptions {
  /** The session that runs the statements. */
  readonly conn: Queryable & { readonly threadId: number };
  readonly control: ControlSession;
  readonly flavorName: "mysql" | "mariadb";
  /** The schema unqualified table names belong to. */
  readonly schema?: string;
  readonly log: (event: WatchEvent) => void;
  /** Quiet time before the first look at the statement (default 2 s), and between looks (default 1 s). */
  readonly noticeAfterMs?: number;
  readonly pollMs?: number;
}

/** Waits `ms`, or less when `settled` resolves first; leaves no timer behind. */
function pause(ms: number, settled: Promise<void>): Promise<void> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([new Promise<void>((resolve) => (timer = setTimeout(resolve, ms))), settled]).finally(() =>
    clearTimeout(timer),
  );
}
const REPEAT_NOTICE_MS = 15_000;

/** Runs statements on one session, watched from another. */
export class StatementWatch {
  private running: string | undefined;

  constructor(private readonly opts: WatchOptions) {}

  /** Runs one statement; a lock-wait timeout is rethrown with the blocking sessions added to its message. */
  async run(text: string): Promise<void> {
    this.running = text;
    let done = false;
    const exec = this.opts.conn.exec(text).finally(() => {
      done = true;
    });
    const settled = exec.then(
      () => undefined,
      () => undefined,
    );
    const watching = this.watch(text, () => done, settled);
    try {
      await exec;
    } catch (e) {
      if (e instanceof DatabaseError && e.errno === ER.LOCK_WAIT_TIMEOUT) throw await this.withBlockers(e, text);
      throw e;
    } finally {
      this.running = undefined;
      await watching;
    }
  }

  /** Stops the running statement from the control session; false when none runs or the control session fails. */
  async cancel(): Promise<boolean> {
    if (this.running === undefined) return false;
    try {
      await (await this.opts.control.get()).exec(killQuerySql(this.opts.conn.threadId));
      return true;
    } catch {
      return false;
    }
  }

  private async blockers(text: string): Promise<Blocker[]> {
    const control = await this.opts.control.get();
    return findBlockers(control, {
      flavorName: this.opts.flavorName,
      ...(this.opts.schema !== undefined ? { schema: this.opts.schema } : {}),
      tables: statementTables(text),
      exclude: [this.opts.conn.threadId, control.threadId],
    });
  }

  private async withBlockers(e: DatabaseError, text: string): Promise<DatabaseError> {
    const found = await this.blockers(text).catch(() => []);
    const suffix = found.length ? `; blocked by ${found.map(describeBlocker).join("; ")}` : "";
    return new DatabaseError(e.errno, e.sqlState, e.serverMessage + suffix, { cause: e });
  }

  private async watch(text: string, finished: () => boolean, settled: Promise<void>): Promise<void> {
    const { noticeAfterMs = 2000, pollMs = 1000 } = this.opts;
    let waited = 0;
    let lastNotice = -Infinity;
    let lastSeen = "";
    while (!finished()) {
      const step = waited === 0 ? noticeAfterMs : pollMs;
      await pause(step, settled);
      waited += step;
      if (finished()) return;
      try {
        const control = await this.opts.control.get();
        const [row] = await control.query(SESSION_QUERY, [this.opts.conn.threadId]);
        const state = String(row?.state ?? "");
        if (!/lock/i.test(state)) {
          const progress = await statementProgress(control, this.opts.flavorName, this.opts.conn.threadId);
          if (progress && !finished())
            this.opts.log({ kind: "progress", text, ...progress, seconds: Number(row?.time ?? 0) });
          continue;
        }
        const blockers = await this.blockers(text);
        const seen = blockers.map((b) => b.id).join(",");
        if (seen === lastSeen && waited - lastNotice < REPEAT_NOTICE_MS) continue;
        lastSeen = seen;
        lastNotice = waited;
        this.opts.log({ kind: "lock-wait", text, seconds: Number(row?.time ?? 0), state, blockers });
      } catch {
        // Watching is best effort: the statement itself decides the run.
      }
    }
  }
}
