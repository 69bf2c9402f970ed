import type { Connection, ConnectOptions } from "../db/connect.ts";
import type { DatabaseUrl } from "../db/url.ts";
import { DurationError, parseGoDuration } from "../go/duration.ts";
import { acquireLock, APPLY_LOCK, type HeldLock } from "../migrate/apply/lock.ts";
import type { ControlSession } from "../migrate/apply/statement-watch.ts";
import { describeBlocker } from "../mysql/blockers.ts";
import { SET_LOCK_WAIT_TIMEOUTS } from "../mysql/queries/session.ts";
import { openDatabase } from "../project/connect.ts";
import { lazyControl } from "./control-session.ts";
import { InterruptedError, ReportedError, UsageError } from "./errors.ts";
import type { StopSignal } from "./interrupts.ts";
import { err, out } from "./output.ts";
import { audited, type RunSummary } from "./run-audit.ts";

/**
 * Reads the `[amount]` argument of apply and down as Atlas does (Go's strconv.Atoi: a whole number that fits; past
 * 2^53 a number is no longer exact here, so it is out of range), at least 1.
 */
export function parseAmount(value: string | undefined, verb: "apply" | "revert"): number | undefined {
  if (value === undefined) return undefined;
  const invalid = (why: string) =>
    new UsageError(`invalid amount argument "${value}" (${why}). Omit the argument or pass a valid integer instead`);
  if (!/^[+-]?\d+$/.test(value)) throw invalid("invalid syntax");
  const n = Number(value);
  if (!Number.isSafeInteger(n)) throw invalid("value out of range");
  if (n < 1) throw new UsageError(`cannot ${verb} '${n}' migration files`);
  return n;
}

/** Reads `--lock-wait-timeout`, else the env's `lock_wait_timeout`, else 60 s, as whole seconds; 0 keeps the server's. */
export function lockWaitTimeoutSeconds(flag: string | undefined, configured: string | undefined): number {
  try {
    const ms = parseGoDuration(flag ?? configured ?? "60s");
    if (ms < 0)
      throw new UsageError(`invalid --lock-wait-timeout: ${flag ?? configured} is negative (0 keeps the server's)`);
    return Math.ceil(ms / 1000);
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`invalid --lock-wait-timeout: ${e.message}`);
    throw e;
  }
}

/** How a migration session is opened: the apply lock's wait, and the bound on lock waits of its statements. */
export interface SessionOptions {
  readonly lockTimeoutMs: number;
  /** Session `lock_wait_timeout` and `innodb_lock_wait_timeout` in seconds; 0 keeps the server's. */
  readonly lockWaitTimeoutS: number;
}

/** The run-log row of a session (none for a dry run): the command, the revisions schema, and how to read the result. */
export interface SessionAudit<T> {
  readonly command: string;
  readonly schema: string;
  readonly dryRun: boolean;
  readonly summarize: (result: T) => RunSummary;
  /** What the row records of a run that threw (e.g. the plan hash of a refused plan). */
  readonly onError?: (e: unknown) => Partial<RunSummary>;
}

/** What a command that changes a database gets: the locked statement session, the lock, and a control session. */
export interface MigrationSession {
  readonly conn: Connection;
  readonly lock: HeldLock;
  readonly control: ControlSession;
  /** The options that opened the connection (an online tool connects with the same credentials). */
  readonly options: ConnectOptions;
}

/**
 * Connects to `target`, takes Atlas's apply lock on that same connection (waiting up to the lock timeout and saying who
 * holds it), bounds its lock waits, runs `body` (with its run-log row when `audit` is given), then releases the lock and
 * closes every connection, whatever happens.
 */
export async function withMigrationSession<T>(
  target: DatabaseUrl,
  opts: SessionOptions,
  body: (session: MigrationSession) => Promise<T>,
  audit?: SessionAudit<T>,
): Promise<T> {
  const { conn, options } = await openDatabase(target);
  const control = lazyControl(target, options);
  try {
    const lock = await acquireLock(conn, APPLY_LOCK, opts.lockTimeoutMs, (holder) =>
      err(
        `waiting up to ${Math.trunc(opts.lockTimeoutMs / 1000)}s for the apply lock${holder ? `, held by ${describeBlocker(holder)}` : ""}\n`,
      ),
    );
    if (opts.lockWaitTimeoutS > 0)
      await conn.exec(SET_LOCK_WAIT_TIMEOUTS, [opts.lockWaitTimeoutS, opts.lockWaitTimeoutS]);
    const run = () => body({ conn, lock, control, options });
    const running =
      audit && !audit.dryRun
        ? audited({ conn, schema: audit.schema, command: audit.command }, run, audit.summarize, audit.onError)
        : run();
    return await running.finally(() => lock.release().catch(() => undefined));
  } finally {
    await Promise.all([control.close(), conn.close()]);
  }
}

/**
 * Prints a run's report as one JSON line or as text; then a failure the report carries fails the command (after JSON,
 * by its message alone). A run a signal stopped exits with the signal's code, its failure (a statement the second
 * SIGINT cancelled) named in the message.
 */
export function writeReport(
  report: { readonly failure?: Error },
  json: boolean,
  asJson: () => unknown,
  asText: () => string,
  stoppedBy?: StopSignal,
): void {
  out(json ? JSON.stringify(asJson()) + "\n" : asText());
  if (stoppedBy)
    throw new InterruptedError(
      stoppedBy,
      report.failure ? `statement cancelled (${report.failure.message})` : undefined,
    );
  if (report.failure && json) throw new ReportedError(report.failure.message);
  if (report.failure) throw report.failure;
}
