/**
 * `migrate apply` as a library call (`migrateApplyRun` + `Executor`): revisions table and journal, statements left in
 * doubt by an interrupted run, the drift gate, dirty check, baseline, pending files, transactions, and one report. The
 * caller verifies atlas.sum first and holds the apply lock on the same connection.
 */
import type { Queryable } from "../db/types.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { statementKind } from "../mysql/parse.ts";
import { BEGIN, COMMIT, ROLLBACK } from "../mysql/queries/transaction.ts";
import { ApplyOptionError, ChecksumNotFoundError } from "./apply/errors.ts";
import { dirtyReason } from "./apply/clean.ts";
import { type ExecOrder, pendingFiles } from "./apply/pending.ts";
import type { MigrationDir, MigrationFile } from "./dir.ts";
import type { ReplayFn } from "./down/plan.ts";
import { effectiveTxMode, type TxMode } from "./dir/directives.ts";
import {
  type AppliedFile,
  type ApplyEvent,
  executeFile,
  type ExecutorContext,
  fileStatements,
  type NextFile,
  startRevision,
} from "./apply/executor.ts";
import { type InDoubtEvent, resolveInDoubt } from "./apply/in-doubt.ts";
import { statementsInDoubt } from "./apply/in-doubt-read.ts";
import { StatementJournal } from "./apply/journal.ts";
import { refuseDrift } from "./apply/drift-gate.ts";
import type { OnlineEvent } from "./apply/online/online-run.ts";
import { type Revision, RevisionStore, RevisionType } from "./revisions.ts";
import { checkRevisionsPlace, type RevisionsPlace } from "./revisions/schema.ts";
import { stopwatch, type Timing } from "./stopwatch.ts";
import { computeSum } from "./dir/sum.ts";

/** The options of one apply run. */
export interface ApplyOptions extends RevisionsPlace {
  readonly dir: MigrationDir;
  readonly flavor: Flavor;
  readonly dryRun: boolean;
  readonly baseline?: string;
  readonly allowDirty: boolean;
  readonly toVersion?: string;
  /** Apply at most this many files. */
  readonly amount?: number;
  readonly txMode: TxMode;
  readonly execOrder: ExecOrder;
  /** Written to `operator_version`, e.g. `stats-db v0.1.0`. */
  readonly operatorVersion: string;
  readonly log?: (event: ApplyRunEvent) => void;
  /** Sends one statement (default: `conn.exec`); the CLI watches statements for lock waits. */
  readonly send?: (text: string) => Promise<void>;
  /** Decides how each statement runs: cost, pinning, online tool (apply/online/planner.ts). */
  readonly planner?: ExecutorContext["planner"];
  /** Once aborted, the run starts no further statement and reports what it did (`stopped`). */
  readonly stop?: AbortSignal;
  /** Called before each file (not in a dry run); the CLI checks there that it still holds the apply lock. */
  readonly beforeFile?: () => Promise<void>;
  /** How long to wait for a session that still runs a statement left in doubt (default 10 s). */
  readonly inDoubtWaitMs?: number;
  /** Run even when the live schema differs from the directory at the applied version (`apply/drift-gate.ts`). */
  readonly allowDrift?: boolean;
  /** How the drift gate builds the schema of the applied files (default: in-memory replay; the CLI's is cached). */
  readonly replay?: ReplayFn;
}

/** The run's plan, told before its first statement: what the report's header says. */
export interface PlanEvent {
  readonly kind: "plan";
  readonly pending: readonly MigrationFile[];
  readonly current: string;
  readonly target: string;
}

/** Everything a run tells while it works. */
export type ApplyRunEvent = ApplyEvent | InDoubtEvent | PlanEvent | OnlineEvent;

/** The outcome of a run: Atlas's `MigrateApply` report. */
export interface ApplyReport extends Timing {
  readonly pending: readonly MigrationFile[];
  readonly applied: readonly AppliedFile[];
  /** The last revision before this run ("" when none). */
  readonly current: string;
  /** The version of the last pending file ("" when nothing is pending). */
  readonly target: string;
  /** The error that stopped the run (the failing statement's StatementError). */
  readonly failure?: Error;
  readonly message: string;
  /** The run was asked to stop and did, before its last pending statement. */
  readonly stopped?: boolean;
}

function baselineRevision(file: MigrationFile, operatorVersion: string): Revision {
  return {
    version: file.version,
    description: file.description,
    type: RevisionType.baseline,
    applied: 0,
    total: 0,
    executedAt: new Date(),
    executionTime: 0,
    error: "",
    errorStmt: "",
    hash: "",
    partialHashes: null,
    operatorVersion,
  };
}

function limit(files: MigrationFile[], opts: ApplyOptions): MigrationFile[] {
  let out = files;
  if (opts.toVersion !== undefined) {
    const at = out.findIndex((f) => f.version === opts.toVersion || f.name === opts.toVersion);
    if (at === -1) throw new ApplyOptionError(`sql/migrate: migration with version "${opts.toVersion}" not found`);
    out = out.slice(0, at + 1);
  }
  return opts.amount !== undefined ? out.slice(0, opts.amount) : out;
}

async function readState(
  conn: Queryable,
  store: RevisionStore,
  journal: StatementJournal,
  opts: ApplyOptions,
): Promise<Revision[]> {
  const exists = await store.exists();
  await checkRevisionsPlace(conn, exists, opts);
  // A dry run creates nothing: a missing table reads as "no revisions", with the same output as a real run.
  if (opts.dryRun) return exists ? store.readAll() : [];
  await store.ensure(opts.flavor);
  await journal.ensure();
  return exists ? store.readAll() : [];
}

/** True when every statement is DDL. */
function ddlOnly(stmts: readonly string[]): boolean {
  return stmts.every((s) => statementKind(s) === "ddl");
}

async function runFiles(
  conn: Queryable,
  ctx: ExecutorContext,
  files: MigrationFile[],
  all: readonly MigrationFile[],
  opts: ApplyOptions,
): Promise<{ applied: AppliedFile[]; stopped: boolean }> {
  const out: AppliedFile[] = [];
  try {
    return await runEach(conn, ctx, files, all, opts, out);
  } finally {
    // The journal rows of the completed files, at once (each file's row shows its last statement, recorded done).
    const done = out.filter((a) => !a.failure && !a.stopped).map((a) => a.file.version);
    if (done.length > 0) await ctx.journal?.clear(...done).catch(() => undefined);
  }
}

/**
 * The file after `files[i]`: its first statement, planned ahead, and (a real run; not when it opens a transaction of
 * its own, which its row must roll back with) the row it starts with, for `files[i]`'s last write to carry. None when
 * it cannot be split or has no checksum (the run says so on reaching it).
 */
async function nextFile(
  ctx: ExecutorContext,
  files: readonly MigrationFile[],
  i: number,
  plan: {
    statementsOf: (f: MigrationFile) => string[];
    ownTx: (i: number) => boolean;
    hash: (f: MigrationFile) => string | undefined;
  },
): Promise<NextFile | undefined> {
  const file = files[i + 1];
  if (!file) return undefined;
  let stmts: string[];
  try {
    stmts = plan.statementsOf(file);
  } catch {
    return undefined;
  }
  const text = stmts[0];
  if (text === undefined) return undefined;
  const hash = plan.hash(file);
  if (ctx.dryRun || hash === undefined || plan.ownTx(i + 1)) return { file, index: 0, text };
  const start = startRevision(file, await ctx.revisions.read(file.version), hash, stmts.length, ctx.operatorVersion);
  return { file, index: 0, text, start };
}

async function runEach(
  conn: Queryable,
  ctx: ExecutorContext,
  files: MigrationFile[],
  all: readonly MigrationFile[],
  opts: ApplyOptions,
  out: AppliedFile[],
): Promise<{ applied: AppliedFile[]; stopped: boolean }> {
  // atlas.sum's hashes chain over the whole directory, not only the pending files.
  const sums = new Map(computeSum(all).entries.map((e) => [e.name, e.hash]));
  const modes = files.map((f) => effectiveTxMode(opts.txMode, f.name, f.text));
  const tx = async (sql: string): Promise<void> => (opts.dryRun ? undefined : conn.exec(sql));
  const split = new Map<string, string[]>();
  const statementsOf = (f: MigrationFile): string[] => {
    let stmts = split.get(f.version);
    if (!stmts) split.set(f.version, (stmts = fileStatements(f)));
    return stmts;
  };
  const ownTx = (i: number): boolean => modes[i] === "file" && !ddlOnly(statementsOf(files[i]!));
  const plan = { statementsOf, ownTx, hash: (f: MigrationFile) => sums.get(f.name) };
  // The row the previous file's last write carried for this one.
  let started: Revision | undefined;
  if (opts.txMode === "all") await tx(BEGIN);
  for (const [i, file] of files.entries()) {
    if (ctx.stop?.aborted && opts.txMode !== "all") return { applied: out, stopped: true };
    if (!opts.dryRun) await opts.beforeFile?.();
    const hash = sums.get(file.name);
    if (hash === undefined) throw new ChecksumNotFoundError(file.name);
    // Every DDL statement commits implicitly on MySQL and MariaDB: a transaction around a DDL-only file does nothing.
    const stmts = statementsOf(file);
    const own = ownTx(i);
    split.delete(file.version);
    if (own) await tx(BEGIN);
    const following = await nextFile(ctx, files, i, plan);
    const { nextStarted, ...result } = await executeFile(
      ctx,
      file,
      hash,
      stmts,
      own || opts.txMode === "all",
      following,
      started,
    );
    started = nextStarted ? following?.start : undefined;
    out.push(result);
    if (result.failure || result.stopped) {
      // A stopped transactional file is rolled back whole, its revision row with it: the next run starts it afresh.
      if (own || opts.txMode === "all") await tx(ROLLBACK).catch(() => undefined);
      return { applied: out, stopped: result.stopped === true };
    }
    if (own) await tx(COMMIT);
  }
  if (opts.txMode === "all") await tx(COMMIT);
  return { applied: out, stopped: false };
}

/**
 * Runs `migrate apply` on a connection (the caller holds the apply lock on it); a failing statement ends up in
 * `failure`. Statements an interrupted run left in doubt are resolved first (never in a dry run).
 */
export async function migrateApply(
  conn: Queryable & { readonly threadId?: number },
  opts: ApplyOptions,
): Promise<ApplyReport> {
  const time = stopwatch();
  if (opts.baseline && opts.allowDirty)
    throw new ApplyOptionError("sql/migrate: baseline and allow-dirty are mutually exclusive");
  const store = new RevisionStore(conn, opts.revisionsSchema);
  const journal = new StatementJournal(conn, opts.revisionsSchema);
  const log = opts.log ?? (() => {});
  // The directory is read once per run (a local directory reads every file from disk on each call).
  const all = opts.dir.files();
  let revisions = await readState(conn, store, journal, opts);
  let unresolved = 0;
  if (opts.dryRun)
    for (const d of await statementsInDoubt(journal, revisions)) {
      unresolved++;
      log({ kind: "in-doubt-pending", version: d.version, index: d.index });
    }
  else if (revisions.length > 0) {
    revisions = await resolveInDoubt(
      {
        conn,
        ...(conn.threadId !== undefined ? { threadId: conn.threadId } : {}),
        flavor: opts.flavor,
        ...(opts.urlSchema !== undefined ? { schemaName: opts.urlSchema } : {}),
        files: all,
        store,
        journal,
        waitMs: opts.inDoubtWaitMs ?? 10_000,
        operatorVersion: opts.operatorVersion,
        log,
      },
      revisions,
    );
    // A statement the resolution leaves in doubt (an online tool's run, decided when the executor meets it) keeps the
    // live schema between two states: the drift gate stands aside for it, as in a dry run.
    unresolved = (await statementsInDoubt(journal, revisions)).length;
  }
  const dirty = revisions.length === 0 ? await dirtyReason(conn, opts.urlSchema, opts.revisionsSchema) : undefined;
  const { files, baseline } = pendingFiles({
    files: all,
    revisions,
    ...(dirty !== undefined ? { dirty } : {}),
    ...(opts.baseline ? { baseline: opts.baseline } : {}),
    allowDirty: opts.allowDirty,
    execOrder: opts.execOrder,
  });
  if (baseline && !opts.dryRun) await store.write(baselineRevision(baseline, opts.operatorVersion));
  const current = baseline?.version ?? revisions.at(-1)?.version ?? "";
  const pending = limit(files, opts);
  if (pending.length === 0)
    return { pending, applied: [], current, target: "", ...time(), message: "No migration files to execute" };
  // The drift gate: after the history checks (an edited applied file is named as such), before the first statement;
  // only the baseline row (written on a database without revisions, which the gate leaves to the dirty check) precedes
  // it. A statement still in doubt would show as drift: a dry run leaves the gate to the real run, which resolves it
  // (or leaves it to the executor).
  if (!opts.allowDrift && unresolved === 0)
    await refuseDrift(conn, {
      ...(opts.urlSchema !== undefined ? { urlSchema: opts.urlSchema } : {}),
      revisions,
      files: all,
      ...(opts.replay ? { replay: opts.replay } : {}),
    });
  const target = pending.at(-1)!.version;
  log({ kind: "plan", pending, current, target });
  const known = new Map(revisions.map((r) => [r.version, r]));
  const ctx: ExecutorContext = {
    conn,
    dryRun: opts.dryRun,
    operatorVersion: opts.operatorVersion,
    log,
    ...(opts.dryRun ? {} : { journal }),
    ...(opts.send ? { send: opts.send } : {}),
    ...(opts.planner ? { planner: opts.planner } : {}),
    ...(opts.stop ? { stop: opts.stop } : {}),
    // The rows read above stay valid: the caller holds the apply lock.
    revisions: { read: async (v) => known.get(v), write: (r, next) => store.write(r, next) },
  };
  const { applied, stopped } = await runFiles(conn, ctx, pending, all, opts);
  const failure = applied.find((a) => a.failure)?.failure;
  const message = `Migrated to version ${target}${current ? ` from ${current}` : ""} (${pending.length} migrations in total)`;
  return {
    pending,
    applied,
    current,
    target,
    ...time(),
    ...(failure ? { failure } : {}),
    ...(stopped ? { stopped } : {}),
    message,
  };
}
