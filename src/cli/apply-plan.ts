/**
 * A plan run on a live database (`schema apply`, `schema clean`): shown as Atlas shows it, confirmed, then executed
 * statement by statement with bounded lock waits, watched for blockers; a signal stops it after the running
 * statement (a second SIGINT cancels that statement), as `migrate apply` does.
 */
import type { ConnectOptions, Connection } from "../db/connect.ts";
import type { DatabaseUrl } from "../db/url.ts";
import { formatMigrationFile } from "../migrate/dir/name.ts";
import { StatementWatch } from "../migrate/apply/statement-watch.ts";
import type { PlannedStatement } from "../mysql/plan.ts";
import { SET_LOCK_WAIT_TIMEOUTS } from "../mysql/queries/session.ts";
import type { Change } from "../schema/changes.ts";
import type { Schema } from "../schema/model.ts";
import type { PlannedCost } from "../migrate/apply/online/plan.ts";
import { printWatchEvent } from "./apply-progress.ts";
import { printPlanCosts } from "./online-progress.ts";
import { confirmPlan } from "./confirm.ts";
import { lazyControl } from "./control-session.ts";
import { InterruptedError } from "./errors.ts";
import { catchInterrupts } from "./interrupts.ts";
import { err, out } from "./output.ts";
import { audited } from "./run-audit.ts";

/** A planned statement failed on the target database; earlier statements of the plan stay applied. */
export class PlanExecutionError extends Error {
  constructor(
    readonly statement: string,
    readonly applied: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(
      `executing statement ${JSON.stringify(statement)}: ${reason} (${applied} statement${applied === 1 ? "" : "s"} applied before it)`,
      options,
    );
    this.name = "PlanExecutionError";
  }
}

/**
 * Runs planned statements one by one, in order, through `send`; stops at the first failure with PlanExecutionError,
 * or before the next statement once `stop` is aborted. Returns how many ran.
 */
export async function executePlan(
  send: (sql: string) => Promise<void>,
  statements: readonly PlannedStatement[],
  stop?: AbortSignal,
): Promise<number> {
  for (const [i, s] of statements.entries()) {
    if (stop?.aborted) return i;
    try {
      await send(s.sql);
    } catch (e) {
      throw new PlanExecutionError(s.sql, i, (e as Error).message, { cause: e });
    }
  }
  return statements.length;
}

/** The database a plan runs on: its connection, and the URL and options that opened it (for the control session). */
export interface PlanTarget {
  readonly conn: Connection;
  readonly database: DatabaseUrl;
  readonly options: ConnectOptions;
  /** Session lock_wait_timeout / innodb_lock_wait_timeout in seconds; 0 keeps the server's. */
  readonly lockWaitTimeoutS: number;
}

async function runWatched(target: PlanTarget, statements: readonly PlannedStatement[], command: string): Promise<void> {
  const { conn } = target;
  // The run log goes in the URL's schema (these commands have no revisions table of their own).
  let sent = 0;
  const summary = () => ({ statements: sent, planned: statements.map((s) => s.sql) });
  await audited(
    { conn, schema: conn.target.schema ?? "", command },
    () => runCounted(target, statements, () => sent++),
    summary,
    summary,
  );
}

async function runCounted(
  target: PlanTarget,
  statements: readonly PlannedStatement[],
  onSend: () => void,
): Promise<void> {
  const { conn } = target;
  if (target.lockWaitTimeoutS > 0)
    await conn.exec(SET_LOCK_WAIT_TIMEOUTS, [target.lockWaitTimeoutS, target.lockWaitTimeoutS]);
  const control = lazyControl(target.database, target.options);
  const watch = new StatementWatch({
    conn,
    control,
    flavorName: conn.flavorName,
    ...(conn.target.schema !== undefined ? { schema: conn.target.schema } : {}),
    log: printWatchEvent,
  });
  const interrupts = catchInterrupts(() => watch.cancel());
  try {
    const send = (sql: string) => {
      onSend();
      return watch.run(sql);
    };
    const ran = await executePlan(send, statements, interrupts.signal).catch((e) => {
      const signal = interrupts.received();
      // A statement that failed after a signal was cancelled by the second SIGINT.
      if (signal && e instanceof PlanExecutionError)
        throw new InterruptedError(signal, `statement cancelled (${e.message})`);
      throw e;
    });
    const signal = interrupts.received();
    if (signal) {
      err(`${ran} of ${statements.length} statements applied\n`);
      throw new InterruptedError(signal);
    }
  } finally {
    interrupts.dispose();
    await control.close();
  }
}

/** Whether changes drop every table of a schema that has tables (what `schema clean` does): then the name is asked for. */
export function dropsEveryTable(current: Schema, changes: readonly Change[]): boolean {
  const dropped = new Set(changes.flatMap((c) => (c.kind === "DropTable" ? [c.table.name] : [])));
  return current.tables.length > 0 && current.tables.every((t) => dropped.has(t.name));
}

/**
 * Prints a plan as Atlas does (`-- Planned Changes:`), then, unless a dry run, asks (confirmPlan: an abort fails the
 * command) and executes it; true when it ran.
 */
export async function showAndApply(
  target: PlanTarget,
  statements: readonly PlannedStatement[],
  opts: {
    autoApprove: boolean | undefined;
    command: string;
    dryRun?: boolean;
    dropsSchema?: string;
    /** Each statement's cost (migrate/apply/online/cost-step.ts), printed under the plan. */
    costs?: readonly (PlannedCost | undefined)[];
  },
): Promise<boolean> {
  out("-- Planned Changes:\n" + formatMigrationFile(statements));
  if (opts.costs)
    printPlanCosts(
      statements.map((s) => s.sql),
      opts.costs,
    );
  if (opts.dryRun) return false;
  await confirmPlan({
    autoApprove: opts.autoApprove,
    command: opts.command,
    ...(opts.dropsSchema !== undefined ? { dropsSchema: opts.dropsSchema } : {}),
  });
  await runWatched(target, statements, opts.command);
  return true;
}
