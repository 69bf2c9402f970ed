/**
 * Statements in doubt: a run recorded in the journal that it was about to send a statement, then died (killed, SSH
 * dropped, connection lost) before the revisions table recorded the outcome. MySQL DDL commits on its own and the
 * server finishes a statement for a client that is gone, so the statement may or may not have taken effect. Before a
 * run does anything else it waits until no session still runs that statement, then decides from the live schema:
 * stats-db can replay the directory to the states before and after the statement without a database. After → the
 * statement is recorded as applied; before → it runs again; neither, or a statement whose effect the schema cannot
 * show → the run stops and says how to resolve it by hand (`stats-db migrate resolve`).
 */
import type { Queryable } from "../../db/types.ts";
import { compareNames } from "../bytestring.ts";
import { isCheckpoint, skipCheckpointFiles } from "../dir/checkpoint.ts";
import type { MigrationFile } from "../dir.ts";
import { fileStatements } from "./executor.ts";
import { goQuote } from "../../go/quote.ts";
import { HistoryChangedError } from "./errors.ts";
import type { Intent, StatementJournal } from "./journal.ts";
import { isInDoubt } from "./in-doubt-read.ts";
import { partialHashes } from "./partial-hash.ts";
import { replayFiles, replaySteps, type ReplayStep } from "../replay.ts";
import { type Revision, type RevisionStore, RevisionType } from "../revisions.ts";
import type { Flavor } from "../../mysql/flavor.ts";
import { inspect } from "../../mysql/inspect.ts";
import { statementKind } from "../../mysql/parse.ts";
import { pickObjects, touchedObjects, triggerTables } from "./in-doubt-objects.ts";
import { SESSION_QUERY } from "../../mysql/queries/session.ts";
import { diff } from "../../schema/diff.ts";
import type { Schema } from "../../schema/model.ts";

/** A statement in doubt that cannot be decided automatically; the message says how to resolve it. */
export class InDoubtError extends Error {
  constructor(
    readonly version: string,
    readonly index: number,
    readonly stmt: string,
    readonly reason: string,
  ) {
    super(
      `statement ${index + 1} of version ${goQuote(version)} is in doubt (a run was interrupted while it ran) and ${reason}: check the database, then run ` +
        `"stats-db migrate resolve ${version} --applied" if it took effect or "stats-db migrate resolve ${version} --rolled-back" if it did not`,
    );
    this.name = "InDoubtError";
  }
}

/** Progress while resolving: waiting for an old session, and each decision; in a dry run, what a real run would decide. */
export type InDoubtEvent =
  | { readonly kind: "in-doubt-pending"; readonly version: string; readonly index: number }
  | {
      readonly kind: "in-doubt-wait";
      readonly version: string;
      readonly index: number;
      readonly connId: number;
      readonly seconds: number;
      readonly info: string;
    }
  | {
      readonly kind: "in-doubt-resolved";
      readonly version: string;
      readonly index: number;
      readonly stmt: string;
      readonly applied: boolean;
      readonly how: string;
    };

/** Everything the resolution needs; `conn` holds the apply lock. */
export interface InDoubtContext {
  readonly conn: Queryable;
  /** This run's own session (a journal row of it is never waited for). */
  readonly threadId?: number;
  readonly flavor: Flavor;
  /** The schema the URL is bound to (the live side of the comparison). */
  readonly schemaName?: string;
  readonly files: readonly MigrationFile[];
  readonly store: RevisionStore;
  readonly journal: StatementJournal;
  /** How long to wait for a session that still runs the statement. */
  readonly waitMs: number;
  readonly operatorVersion: string;
  readonly log: (event: InDoubtEvent) => void;
}

/** What the live schema says about a DDL statement: it took effect, it did not, or neither state matches. */
export type SchemaVerdict = { readonly applied: boolean } | { readonly undecided: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The files whose statements built the schema a file started from: applied (or baselined) files before it, in order. */
export function filesBefore(
  files: readonly MigrationFile[],
  revisions: readonly Revision[],
  version: string,
): MigrationFile[] {
  const applied = new Set(revisions.map((r) => r.version));
  const at = files.findIndex((f) => f.version === version);
  const earlier = files.slice(0, at === -1 ? files.length : at);
  const checkpoint = earlier.findLastIndex((f) => isCheckpoint(f) && applied.has(f.version));
  const from =
    checkpoint === -1
      ? skipCheckpointFiles(earlier)
      : [earlier[checkpoint]!, ...skipCheckpointFiles(earlier.slice(checkpoint + 1))];
  const baseline = revisions.find((r) => r.type === RevisionType.baseline)?.version;
  return from.filter(
    (f) => applied.has(f.version) || (baseline !== undefined && compareNames(f.version, baseline) <= 0),
  );
}

/** The tables a step touches (renames: both names); undefined when it changes no table (e.g. the schema's charset). */
function touchedTables(step: ReplayStep): Set<string> {
  const names = new Set<string>();
  for (const c of step.changes) {
    if (c.kind === "AddTable" || c.kind === "DropTable") names.add(c.table.name);
    else if (c.kind === "RenameTable") names.add(c.from).add(c.to);
    else if (c.kind === "ModifyTable") names.add(c.table);
  }
  return names;
}

function sameOn(live: Schema, state: Schema, names: ReadonlySet<string>, objects: ReadonlySet<string>): boolean {
  const pick = (s: Schema): Schema => ({
    tables: s.tables.filter((t) => names.has(t.name)),
    ...pickObjects(s, objects),
  });
  if (diff(pick(live), pick(state)).length > 0) return false;
  return names.size > 0 || objects.size > 0 || (live.charset === state.charset && live.collate === state.collate);
}

/** Decides a DDL step from the live schema (only the tables the step touches are compared). */
export function schemaVerdict(live: Schema, step: ReplayStep): SchemaVerdict {
  if (step.changes.length === 0) return { undecided: "its effect cannot be seen in the schema" };
  const names = touchedTables(step);
  for (const t of triggerTables(step)) names.add(t);
  const objects = touchedObjects(step);
  const after = sameOn(live, step.after, names, objects);
  const before = sameOn(live, step.before, names, objects);
  if (after && !before) return { applied: true };
  if (before && !after) return { applied: false };
  if (after && before) return { undecided: "the schema looks the same with and without it" };
  return {
    undecided: `the live schema matches neither the state before it nor the state after it (tables ${[...names].map((n) => "`" + n + "`").join(", ")})`,
  };
}

/** The replay step of statement `index` of `file`, from the files before it. */
function stepOf(
  ctx: InDoubtContext,
  revisions: readonly Revision[],
  file: MigrationFile,
  index: number,
): ReplayStep | undefined {
  const start = replayFiles(filesBefore(ctx.files, revisions, file.version), ctx.flavor);
  for (const step of replaySteps(file.text, ctx.flavor, start, file.name)) if (step.index === index) return step;
  return undefined;
}

async function waitForSession(ctx: InDoubtContext, intent: Intent, stmt: string): Promise<void> {
  if (intent.connId === ctx.threadId) return;
  const deadline = Date.now() + ctx.waitMs;
  let told = false;
  for (;;) {
    const [row] = await ctx.conn.query(SESSION_QUERY, [intent.connId]);
    if (row?.command !== "Query" || row.info == null) return;
    if (!told)
      ctx.log({
        kind: "in-doubt-wait",
        version: intent.version,
        index: intent.index,
        connId: intent.connId,
        seconds: Number(row.time ?? 0),
        info: String(row.info),
      });
    told = true;
    if (Date.now() >= deadline)
      throw new InDoubtError(
        intent.version,
        intent.index,
        stmt,
        `connection ${intent.connId} is still running it after the lock timeout; wait for it to finish and run the command again`,
      );
    await sleep(500);
  }
}

async function decide(
  ctx: InDoubtContext,
  revisions: readonly Revision[],
  file: MigrationFile,
  intent: Intent,
  stmt: string,
): Promise<{ applied: boolean; how: string }> {
  const kind = statementKind(stmt);
  if (kind === "session") return { applied: false, how: "a session statement: it runs again" };
  if (kind !== "ddl")
    throw new InDoubtError(
      intent.version,
      intent.index,
      stmt,
      kind === "data" ? "it changes data, which the schema cannot show" : "stats-db cannot model its effect",
    );
  if (ctx.schemaName === undefined)
    throw new InDoubtError(intent.version, intent.index, stmt, "the URL names no schema to compare with");
  let step: ReplayStep | undefined;
  try {
    step = stepOf(ctx, revisions, file, intent.index);
  } catch (e) {
    throw new InDoubtError(
      intent.version,
      intent.index,
      stmt,
      `the directory cannot be replayed to it (${(e as Error).message})`,
    );
  }
  if (!step) throw new InDoubtError(intent.version, intent.index, stmt, "the file no longer has that statement");
  const verdict = schemaVerdict(await inspect(ctx.conn, ctx.schemaName), step);
  if ("undecided" in verdict) throw new InDoubtError(intent.version, intent.index, stmt, verdict.undecided);
  return {
    applied: verdict.applied,
    how: verdict.applied ? "the live schema shows its effect" : "the live schema shows no effect of it: it runs again",
  };
}

/** The revision with statement `index` recorded as applied (the file's partial hashes extended, or done). */
export function markApplied(rev: Revision, stmts: readonly string[], index: number, operatorVersion: string): Revision {
  const sums = partialHashes(stmts);
  const done = index + 1 >= stmts.length;
  return {
    ...rev,
    applied: index + 1,
    partialHashes: done ? null : sums.slice(0, index + 1),
    error: "",
    errorStmt: "",
    executedAt: new Date(),
    operatorVersion,
  };
}

/** Resolves every statement in doubt (the caller holds the apply lock); returns the revisions as they are afterwards. */
export async function resolveInDoubt(ctx: InDoubtContext, revisions: readonly Revision[]): Promise<Revision[]> {
  const byVersion = new Map(revisions.map((r) => [r.version, r]));
  const intents = await ctx.journal.readAll();
  // Rows whose statement the revisions table records as done (a completed file's last one) or failed go at once.
  const settled = intents.filter((i) => !isInDoubt(i, byVersion.get(i.version))).map((i) => i.version);
  if (settled.length > 0) await ctx.journal.clear(...settled);
  for (const intent of intents) {
    const rev = byVersion.get(intent.version);
    if (!isInDoubt(intent, rev)) continue;
    const file = ctx.files.find((f) => f.version === intent.version);
    if (!file) throw new InDoubtError(intent.version, intent.index, "", "its migration file is not in the directory");
    const stmts = fileStatements(file);
    const stmt = stmts[intent.index] ?? "";
    if (partialHashes(stmts)[intent.index] !== intent.hash) throw new HistoryChangedError(file.name, intent.index + 1);
    await waitForSession(ctx, intent, stmt);
    const { applied, how } = await decide(ctx, revisions, file, intent, stmt);
    if (applied) {
      const next = markApplied(rev, stmts, intent.index, ctx.operatorVersion);
      await ctx.store.write(next);
      byVersion.set(next.version, next);
    }
    await ctx.journal.clear(intent.version);
    ctx.log({ kind: "in-doubt-resolved", version: intent.version, index: intent.index, stmt, applied, how });
  }
  return revisions.map((r) => byVersion.get(r.version)!);
}
