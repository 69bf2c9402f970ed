/**
 * Runs a command that changes a database with its row in the run log (`migrate/run-log.ts`): written as `running`
 * before the work starts (where the log exists), completed with the outcome, the statements run, the plan's hash and
 * the first error. The log
 * is a record, not a gate: a row that cannot be written is a warning on stderr, never a failed run.
 */
import { DatabaseError } from "../db/errors.ts";
import type { Queryable } from "../db/types.ts";
import { type RunIdentity, RunLog, type RunResult } from "../migrate/run-log.ts";
import { planHash, runIdentity } from "../project/run-identity.ts";
import { InterruptedError } from "./errors.ts";
import { err } from "./output.ts";

/** What a finished run reports to the log. */
export interface RunSummary {
  /** Statements executed (the failing one included). */
  readonly statements: number;
  /** The planned statements (hashed). */
  readonly planned: readonly string[];
  /** The plan's hash when the run applied a release plan (its file's SHA-256); else the hash of `planned`. */
  readonly planHash?: string;
  /** The failure the run's report carries (a run can end with one without throwing). */
  readonly failure?: Error;
  readonly interrupted?: boolean;
}

/** Where the row goes and under which command name. */
export interface AuditTarget {
  readonly conn: Queryable;
  /** The schema of the revisions table (the URL's for `schema apply` / `schema clean`). */
  readonly schema: string;
  readonly command: string;
}

const ER_BAD_DB_ERROR = 1049;

async function write(log: RunLog, identity: RunIdentity, result: RunResult, quietIfNoSchema: boolean): Promise<void> {
  try {
    await log.write(identity, result);
  } catch (e) {
    // Before the first apply the revisions schema may not exist yet: the row is written when the run ends.
    if (quietIfNoSchema && e instanceof DatabaseError && e.errno === ER_BAD_DB_ERROR) return;
    err(`warning: the run log (${log.schema}) could not be written: ${(e as Error).message}\n`);
  }
}

/**
 * Runs `work` between the two writes of its run-log row; `summarize` reads the run's report. A thrown error is the
 * run's failure (an InterruptedError: interrupted), rethrown after the row is complete.
 */
export async function audited<T>(
  target: AuditTarget,
  work: () => Promise<T>,
  summarize: (value: T) => RunSummary,
  onError: (e: unknown) => Partial<RunSummary> = () => ({}),
): Promise<T> {
  const log = new RunLog(target.conn, target.schema);
  const identity = runIdentity(target.command);
  // The log lives in databases stats-db has changed: a run that changes nothing (bad input, nothing to do) where there
  // is no log yet writes none, so it leaves the database as it found it.
  const kept = await log.exists().catch(() => false);
  if (kept) await write(log, identity, { outcome: "running", endedAt: identity.startedAt, statements: 0 }, true);
  const end = async (s: RunSummary) => {
    if (!kept && s.statements === 0) return;
    await write(
      log,
      identity,
      {
        outcome: s.interrupted ? "interrupted" : s.failure ? "failed" : "ok",
        endedAt: new Date(),
        statements: s.statements,
        ...(s.planHash !== undefined
          ? { planHash: s.planHash }
          : s.planned.length > 0
            ? { planHash: planHash(s.planned) }
            : {}),
        ...(s.failure ? { firstError: s.failure.message } : {}),
      },
      false,
    );
  };
  let value: T;
  try {
    value = await work();
  } catch (e) {
    const failure = e instanceof Error ? e : new Error(String(e));
    await end({ statements: 0, planned: [], ...onError(e), failure, interrupted: e instanceof InterruptedError });
    throw e;
  }
  await end(summarize(value));
  return value;
}
