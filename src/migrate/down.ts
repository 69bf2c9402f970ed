/**
 * `migrate down` as a library call: read the revisions, choose what to revert, inspect the live schema, stop on drift
 * from the directory at the applied version, plan one step per file, run every data check before the first statement,
 * then execute step by step. A finished step marks its
 * row (so a re-run with the same arguments resumes instead of going further down); the rows go once all steps ran.
 * The caller verifies atlas.sum first and holds the apply lock.
 */
import type { Queryable } from "../db/types.ts";
import { inspectWithFlavor } from "../mysql/inspect.ts";
import { runCheck } from "./down/checks.ts";
import { DataLossError, DriftError, RevertStatementError } from "./down/errors.ts";
import { unmanagedLines } from "../schema/unmanaged.ts";
import {
  type DownStep,
  driftFromApplied,
  inMemoryReplay,
  planDown,
  REVERT_FAILED_MARK,
  REVERTED_MARK,
  type ReplayFn,
  revertInProgress,
} from "./down/plan.ts";
import { type DownTarget, selectReverted } from "./down/target.ts";
import type { MigrationDir } from "./dir.ts";
import { type Revision, RevisionStore } from "./revisions.ts";
import { checkRevisionsPlace, type RevisionsPlace } from "./revisions/schema.ts";
import { stopwatch, type Timing } from "./stopwatch.ts";

/** The options of one down run. */
export interface DownOptions extends DownTarget, Omit<RevisionsPlace, "urlSchema"> {
  readonly dir: MigrationDir;
  /** The schema the URL is bound to: the one inspected and reverted. */
  readonly schema: string;
  /** Run the checks and print the plan; execute nothing and write no row. */
  readonly dryRun: boolean;
  /** Skip the data checks. */
  readonly forceDataLoss: boolean;
  /** Revert even when the live schema differs from the directory at the applied version (the plan reverts the drift too). */
  readonly allowDrift?: boolean;
  /** Written to `operator_version` of a row a failed or unfinished run leaves behind. */
  readonly operatorVersion: string;
  /** Builds the schema of directory files (default: in-memory replay). */
  readonly replay?: ReplayFn;
  /** Sends one statement (default: `conn.exec`; the CLI watches statements for lock waits). */
  readonly send?: (sql: string) => Promise<void>;
  /** Once aborted, no further statement starts; a re-run plans the rest from the live schema. */
  readonly stop?: AbortSignal;
  /** Told as the revert phase runs (the CLI prints each line as it happens). */
  readonly log?: (event: DownEvent) => void;
}

/** One check as it ran. */
export interface CheckResult {
  readonly stmt: string;
  readonly passed: boolean;
}

/** One step as it ran: its checks, and its statements when the revert phase reached it. */
export interface StepResult {
  readonly step: DownStep;
  readonly checks: readonly CheckResult[];
  /** Wall time of the step's checks in nanoseconds. */
  readonly checksNs: bigint;
  /** Whether the revert phase reached this step (false when a check failed or an earlier step failed). */
  readonly ran: boolean;
  readonly start?: Date;
  readonly end?: Date;
  readonly durationNs: bigint;
  /** Statements executed (or, in a dry run, shown), the failing one included. */
  readonly applied: readonly string[];
  readonly error?: { readonly stmt: string; readonly text: string };
}

/**
 * What a run tells while it reverts: the plan with every check passed (`reverting`, before the first statement), then
 * each step's start, each statement before it is sent, and each step's end.
 */
export type DownEvent =
  | { readonly kind: "reverting"; readonly report: DownReport }
  | { readonly kind: "revert-start"; readonly step: StepResult }
  | { readonly kind: "revert-stmt"; readonly sql: string }
  | { readonly kind: "revert-end"; readonly result: StepResult };

/** The outcome of a run (Atlas's `MigrateDown` report). */
export interface DownReport extends Timing {
  /** The revisions chosen for reverting, newest first. */
  readonly planned: readonly Revision[];
  readonly steps: readonly StepResult[];
  readonly current: string;
  readonly target: string;
  readonly dryRun: boolean;
  /** The differences from the directory at the applied version that stopped the run (one line each). */
  readonly drift?: readonly string[];
  /** What the live schema holds that the model does not cover, left as it is ("not managed: …", one line each). */
  readonly unmanaged?: readonly string[];
  /** What stopped the run: a DriftError or a DataLossError (nothing changed), or a RevertStatementError. */
  readonly failure?: Error;
  /** The run was asked to stop (a signal) and did, before its last statement. */
  readonly stopped?: boolean;
}

async function readRevisions(conn: Queryable, store: RevisionStore, opts: DownOptions): Promise<Revision[]> {
  if (await store.exists()) return store.readAll();
  await checkRevisionsPlace(conn, false, { ...opts, urlSchema: opts.schema });
  return [];
}

async function runChecks(
  conn: Queryable,
  steps: readonly DownStep[],
  skip: boolean,
): Promise<{ results: StepResult[]; failure?: DataLossError }> {
  const results: StepResult[] = [];
  let failure: DataLossError | undefined;
  for (const step of steps) {
    const time = stopwatch();
    const checks: CheckResult[] = [];
    for (const c of skip || failure ? [] : step.checks) {
      const { passed, rows } = await runCheck(conn, c);
      checks.push({ stmt: c.sql, passed });
      if (!passed) {
        failure = new DataLossError(
          step.revision.version,
          c.table,
          c.column,
          c.narrowedTo && { ...c.narrowedTo, rows: rows ?? 0 },
          c.partitions,
        );
        break;
      }
    }
    results.push({ step, checks, checksNs: time().durationNs, ran: false, durationNs: 0n, applied: [] });
  }
  return failure ? { results, failure } : { results };
}

// Executes one step; unless it is the last, a finished step marks its row so a re-run skips it.
async function revertStep(
  conn: Queryable,
  store: RevisionStore,
  result: StepResult,
  opts: DownOptions,
  mark?: string,
): Promise<{ result: StepResult; failure?: Error; stopped?: boolean }> {
  const time = stopwatch();
  const rev = result.step.revision;
  const applied: string[] = [];
  const done = (extra: Partial<StepResult> = {}): StepResult => ({
    ...result,
    ran: true,
    ...time(),
    applied,
    ...extra,
  });
  const send = opts.send ?? ((sql: string) => conn.exec(sql));
  const log = opts.log ?? (() => {});
  const end = (r: { result: StepResult; failure?: Error; stopped?: boolean }) => {
    log({ kind: "revert-end", result: r.result });
    return r;
  };
  log({ kind: "revert-start", step: result });
  for (const s of result.step.statements) {
    if (opts.stop?.aborted) return end({ result: done(), stopped: true });
    log({ kind: "revert-stmt", sql: s.sql });
    applied.push(s.sql);
    try {
      if (!opts.dryRun) await send(s.sql);
    } catch (e) {
      const text = (e as Error).message;
      // Best effort: the row tells `status` the revert failed; the re-run recomputes the plan from the live state anyway.
      await store
        .write({
          ...rev,
          error: `${REVERT_FAILED_MARK}: ${text}`,
          errorStmt: s.sql,
          operatorVersion: opts.operatorVersion,
        })
        .catch(() => undefined);
      return end({
        result: done({ error: { stmt: s.sql, text } }),
        failure: new RevertStatementError(s.sql, rev.version, text, { cause: e }),
      });
    }
  }
  if (!opts.dryRun && mark !== undefined && !result.step.alreadyReverted) {
    await store.write({
      ...rev,
      applied: 0,
      error: mark,
      errorStmt: "",
      partialHashes: [],
      operatorVersion: opts.operatorVersion,
    });
  }
  return end({ result: done() });
}

/** Runs `migrate down` on a connection (the caller holds the lock); a failed check or statement ends up in `failure`. */
export async function migrateDown(conn: Queryable, opts: DownOptions): Promise<DownReport> {
  const time = stopwatch();
  const store = new RevisionStore(conn, opts.revisionsSchema);
  const selection = selectReverted(await readRevisions(conn, store, opts), opts);
  let unmanaged: string[] = [];
  const report = (steps: StepResult[], failure?: Error): DownReport => ({
    planned: selection.reverted,
    steps,
    current: selection.current,
    target: selection.target,
    ...time(),
    dryRun: opts.dryRun,
    ...(unmanaged.length ? { unmanaged } : {}),
    ...(failure ? { failure } : {}),
  });
  if (selection.reverted.length === 0) return report([]);
  const { schema: live, flavor } = await inspectWithFlavor(conn, opts.schema);
  unmanaged = unmanagedLines(live);
  const input = { live, selection, files: opts.dir.files(), flavor, replay: opts.replay ?? inMemoryReplay };
  // Mid-revert the live schema is between two versions by design: the first run compared it already.
  if (!opts.allowDrift && !revertInProgress(selection.reverted)) {
    const drift = await driftFromApplied(input);
    if (drift.length > 0) return { ...report([], new DriftError(selection.current, drift)), drift };
  }
  const steps = await planDown(input);
  const { results, failure } = await runChecks(conn, steps, opts.forceDataLoss);
  if (failure) return report(results, failure);
  if (!opts.dryRun) await store.ensure(flavor);
  opts.log?.({ kind: "reverting", report: report(results) });
  const mark = `${REVERTED_MARK}; the revert to ${selection.target === "" ? "no version" : `version ${selection.target}`} has not finished`;
  for (const [i, step] of results.entries()) {
    const ran = await revertStep(conn, store, step, opts, i < results.length - 1 ? mark : undefined);
    results[i] = ran.result;
    if (ran.failure) return report(results, ran.failure);
    if (ran.stopped) return { ...report(results), stopped: true };
  }
  if (!opts.dryRun) await store.delete(selection.reverted.map((r) => r.version));
  return report(results);
}
