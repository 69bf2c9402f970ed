/**
 * Executes one migration file statement by statement (`Executor.ExecuteFile`, `sql/migrate/migrate.go`), writing its
 * revision row before the first statement, after every statement and at the end, so a failed or interrupted run
 * resumes at the first statement that did not complete. Before each statement is sent, the journal records it (see
 * in-doubt.ts); a data statement outside a transaction runs in one of its own together with its revision write, so
 * its outcome is never in doubt.
 */
import process from "node:process";
import { ConnectionError } from "../../db/errors.ts";
import type { Queryable } from "../../db/types.ts";
import { statementKind } from "../../mysql/parse.ts";
import { BEGIN, COMMIT, ROLLBACK } from "../../mysql/queries/transaction.ts";
import { goQuote } from "../../go/quote.ts";
import { HistoryChangedError, StatementError, StatementInDoubtError } from "./errors.ts";
import type { MigrationFile } from "../dir.ts";
import type { StatementJournal } from "./journal.ts";
import { partialHashes } from "./partial-hash.ts";
import { type Revision, RevisionType } from "../revisions.ts";
import { SplitError, serverText, splitStatements } from "../split.ts";
import { OnlineStillRunningError } from "./online/errors.ts";
import type { StatementPlan } from "./online/plan.ts";

/** What an apply run reports while it works (the CLI turns these into progress lines). */
export type ApplyEvent =
  | { readonly kind: "file"; readonly file: MigrationFile; readonly skipped: number; readonly total: number }
  | {
      readonly kind: "stmt";
      readonly file: MigrationFile;
      readonly text: string;
      readonly index: number;
      readonly total: number;
      /** How it runs: its cost, the text sent (pinned) or the online tool's command (with a planner only). */
      readonly plan?: StatementPlan;
    }
  | { readonly kind: "error"; readonly file: MigrationFile; readonly stmt: string; readonly text: string }
  | { readonly kind: "file-done"; readonly file: MigrationFile; readonly durationNs: bigint };

/** Where revisions are read and written; a dry run reads and never writes. */
export interface RevisionAccess {
  read(version: string): Promise<Revision | undefined>;
  /** Writes a row; `next` (the next file's first row), when given, in the same statement. */
  write(rev: Revision, next?: Revision): Promise<void>;
}

/** A statement by its file and 0-based index. */
export interface StatementRef {
  readonly file: MigrationFile;
  readonly index: number;
  readonly text: string;
}

/**
 * The file a run executes after this one: its first statement (planned ahead while this file's last one runs) and,
 * when this file's last row write may carry it, the row it starts with (see `startRevision`).
 */
export interface NextFile extends StatementRef {
  readonly start?: Revision;
}

/** The row a file starts with: the stored one (an earlier attempt) with the hash of the file that now runs, or a new one. */
export function startRevision(
  file: MigrationFile,
  stored: Revision | undefined,
  hash: string,
  total: number,
  operatorVersion: string,
): Revision {
  // A resumed file (fixed and rehashed after a failure) records the hash of the file that now runs, so `migrate status`
  // does not see it as edited after being applied (Atlas keeps the first attempt's hash; it never reads it).
  return stored
    ? { ...stored, hash }
    : {
        version: file.version,
        description: file.description,
        type: RevisionType.execute,
        applied: 0,
        total,
        executedAt: new Date(),
        executionTime: 0,
        error: "",
        errorStmt: "",
        hash,
        partialHashes: [],
        operatorVersion,
      };
}

/** Everything executeFile needs. */
export interface ExecutorContext {
  readonly conn: Queryable;
  readonly revisions: RevisionAccess;
  /** Where statements are recorded before they are sent (absent in a dry run). */
  readonly journal?: StatementJournal;
  /** Sends one statement (default: `conn.exec`; the CLI watches it for lock waits). */
  readonly send?: (text: string) => Promise<void>;
  /**
   * Decides how each statement runs (cost, pinning, online tool); without it a statement is sent as written. `ahead`
   * plans the statement that comes next while the server runs the one before it (its `plan` call then returns that).
   */
  readonly planner?: {
    plan(file: MigrationFile, index: number, text: string): Promise<StatementPlan>;
    ahead?(file: MigrationFile, index: number, text: string): void;
  };
  /** Once aborted, no further statement is started. */
  readonly stop?: AbortSignal;
  readonly dryRun: boolean;
  readonly operatorVersion: string;
  readonly log: (event: ApplyEvent) => void;
}

/** One file's outcome, as Atlas's JSON report has it (`Applied` entries). */
export interface AppliedFile {
  readonly file: MigrationFile;
  readonly start: Date;
  readonly end: Date;
  /** Wall time of the file in nanoseconds (the `-- ok (…)` figure). */
  readonly durationNs: bigint;
  /** Statements skipped because an earlier run applied them. */
  readonly skipped: number;
  /** Statements executed by this run, the failing one included. */
  readonly applied: readonly string[];
  /** How each of `applied` ran (same order; with a planner only). */
  readonly plans?: readonly (StatementPlan | undefined)[];
  readonly error?: { readonly stmt: string; readonly text: string };
  /** The error that stopped the run at this file (a StatementError, or its StatementInDoubtError), when `error` is set. */
  readonly failure?: StatementError;
  /** The run was asked to stop before the file's remaining statements. */
  readonly stopped?: boolean;
}

/** A file's statement texts, as the splitter emits them; a split error names the file. */
export function fileStatements(file: MigrationFile): string[] {
  try {
    return splitStatements(file.bytes).map(serverText);
  } catch (e) {
    throw new SplitError(`sql/migrate: scanning statements from ${goQuote(file.name)}: ${(e as Error).message}`);
  }
}

class RevisionWriter {
  private last = process.hrtime.bigint();

  constructor(private readonly ctx: ExecutorContext) {}

  // execution_time: nanoseconds since this run last wrote the row (Atlas resets its clock on every write).
  async write(rev: Revision, nextFile?: Revision): Promise<Revision> {
    const now = process.hrtime.bigint();
    const next = {
      ...rev,
      executedAt: new Date(),
      executionTime: Number(now - this.last),
      operatorVersion: this.ctx.operatorVersion,
    };
    this.last = now;
    if (!this.ctx.dryRun) await this.ctx.revisions.write(next, nextFile);
    return next;
  }
}

function checkHistory(file: MigrationFile, rev: Revision, sums: readonly string[]): void {
  for (let i = 0; i < rev.applied; i++) {
    if (sums[i] === undefined || sums[i] !== rev.partialHashes?.[i]) throw new HistoryChangedError(file.name, i + 1);
  }
}

/**
 * Executes a file from its first unapplied statement; a failing statement is recorded and returned, a changed history
 * throws. `inTransaction`: the caller opened a transaction around the file. `following`: the file the run executes
 * next; when it has a `start` row, this file's last write carries it (unless the run is stopping) and the result says
 * so (`nextStarted`); `started`: this file's first row, written that way by the file before it. The journal row of a
 * file that completes stays (its revision row shows the statement done): the caller clears the rows of its completed
 * files at once.
 */
export async function executeFile(
  ctx: ExecutorContext,
  file: MigrationFile,
  hash: string,
  stmts: readonly string[] = fileStatements(file),
  inTransaction = false,
  following?: NextFile,
  started?: Revision,
): Promise<AppliedFile & { readonly nextStarted?: boolean }> {
  const start = new Date();
  const t0 = process.hrtime.bigint();
  const sums = partialHashes(stmts);
  const writer = new RevisionWriter(ctx);
  const send = ctx.send ?? ((text: string) => ctx.conn.exec(text));
  const tx = async (sql: string): Promise<void> => (ctx.dryRun ? undefined : ctx.conn.exec(sql));
  let rev =
    started ??
    (await writer.write(
      startRevision(file, await ctx.revisions.read(file.version), hash, stmts.length, ctx.operatorVersion),
    ));
  checkHistory(file, rev, sums);
  const skipped = rev.applied;
  ctx.log({ kind: "file", file, skipped, total: stmts.length });
  const applied: string[] = [];
  const plans: (StatementPlan | undefined)[] = [];
  const outcome = (extra: Partial<AppliedFile> = {}): AppliedFile => ({
    file,
    start,
    end: new Date(),
    durationNs: process.hrtime.bigint() - t0,
    skipped,
    applied,
    ...(ctx.planner ? { plans } : {}),
    ...extra,
  });
  // The next file's first row rides on this file's last write, unless the run is stopping (it would not start).
  let nextStarted = false;
  const nextStart = (): Revision | undefined =>
    following?.start && !ctx.stop?.aborted
      ? { ...following.start, executedAt: new Date(), operatorVersion: ctx.operatorVersion }
      : undefined;
  for (const [i, text] of stmts.entries()) {
    if (i < skipped) continue;
    if (ctx.stop?.aborted) return outcome({ stopped: true });
    applied.push(text);
    // A data statement and its revision write commit together, so a run killed around it leaves nothing in doubt.
    const ownTx = !inTransaction && statementKind(text) === "data";
    let told = false;
    try {
      const plan = await ctx.planner?.plan(file, i, text);
      plans.push(plan);
      ctx.log({ kind: "stmt", file, text, index: i, total: stmts.length, ...(plan ? { plan } : {}) });
      told = true;
      if (ownTx) await tx(BEGIN);
      await ctx.journal?.record(file.version, i, sums[i]!);
      if (!ctx.dryRun) {
        if (plan?.run) await plan.run();
        else {
          const sending = send(plan?.sent ?? text);
          // The planner's work on the next statement (parsing, mostly) overlaps the server's on this one.
          const next: StatementRef | undefined =
            i + 1 < stmts.length ? { file, index: i + 1, text: stmts[i + 1]! } : following;
          if (next) ctx.planner?.ahead?.(next.file, next.index, next.text);
          await sending;
        }
      }
    } catch (e) {
      const message = (e as Error).message;
      if (!told) ctx.log({ kind: "stmt", file, text, index: i, total: stmts.length });
      ctx.log({ kind: "error", file, stmt: text, text: message });
      // An online tool of an earlier run still at work may yet finish the statement: the next run decides.
      if (e instanceof ConnectionError || e instanceof OnlineStillRunningError) {
        // The server may still finish the statement: nothing can be recorded now; the next run decides (in-doubt.ts).
        const failure = new StatementInDoubtError(text, file.version, message, { cause: e });
        return outcome({ error: { stmt: text, text: message }, failure });
      }
      if (ownTx) await tx(ROLLBACK).catch(() => undefined);
      // Best effort: when the server is gone, the row cannot be written and the journal leaves the statement in doubt.
      await writer.write({ ...rev, error: message, errorStmt: text }).catch(() => undefined);
      await ctx.journal?.clear(file.version).catch(() => undefined);
      const failure = new StatementError(text, file.version, message, { cause: e });
      return outcome({ error: { stmt: text, text: message }, failure });
    }
    // After the last statement the row is written finished at once (Atlas writes the same row twice).
    const last = i === stmts.length - 1;
    const partial = last ? null : [...(rev.partialHashes ?? []).slice(0, rev.applied), sums[i]!];
    const carry = last ? nextStart() : undefined;
    rev = await writer.write(
      { ...rev, applied: rev.applied + 1, partialHashes: partial, error: "", errorStmt: "" },
      carry,
    );
    nextStarted = carry !== undefined;
    if (ownTx) await tx(COMMIT);
  }
  if (applied.length === 0) {
    const carry = nextStart();
    rev = await writer.write({ ...rev, partialHashes: null }, carry);
    nextStarted = carry !== undefined;
  }
  const done = outcome();
  ctx.log({ kind: "file-done", file, durationNs: done.durationNs });
  return nextStarted ? { ...done, nextStarted } : done;
}
