/**
 * One ALTER through the online tool, with the in-doubt rules of native statements: what an earlier, interrupted run of
 * the tool left on the table is removed first (or, while the tool's sessions still work on it, the statement stays in
 * doubt and the run stops); the tool runs with its progress streamed; when it fails or is stopped, the live table
 * decides — changed as the statement says (the cut-over happened) counts as done, unchanged means its leftovers are
 * removed and the statement fails, so the revisions row never records it before the cut-over.
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import type { Queryable } from "../../../db/types.ts";
import { goQuote } from "../../../go/quote.ts";
import { inspect } from "../../../mysql/inspect.ts";
import { dropTableSql, dropTriggerSql, SESSIONS_RUNNING_QUERY } from "../../../mysql/queries/online-tool.ts";
import type { Change } from "../../../schema/changes.ts";
import type { Schema } from "../../../schema/model.ts";
import { schemaVerdict } from "../in-doubt.ts";
import { OnlineStillRunningError, OnlineToolError } from "./errors.ts";
import { startTool, type ToolRun } from "./run-tool.ts";
import type { OnlineCredentials, OnlineJob, OnlineTool, OnlineToolEvent } from "./tool.ts";

/** What an online run reports: the tool's lines, its start, and leftovers removed or kept. */
export type OnlineEvent =
  | OnlineToolEvent
  | { readonly kind: "online-start"; readonly table: string; readonly tool: string; readonly pid?: number }
  | {
      readonly kind: "online-cleanup";
      readonly table: string;
      readonly dropped: readonly string[];
      /** Leftovers not removed (the original table kept after a cut-over): the operator decides. */
      readonly kept: readonly string[];
    };

/** Everything one online run needs. */
export interface OnlineRunContext {
  readonly conn: Queryable & { readonly threadId?: number };
  readonly tool: OnlineTool;
  readonly credentials: OnlineCredentials;
  readonly log: (e: OnlineEvent) => void;
  /** Told the running tool, so the caller can stop it. */
  readonly started: (run: ToolRun) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** The tool's process on this host, from its pid file, when it still runs. */
function liveProcess(ctx: OnlineRunContext, job: OnlineJob): number | undefined {
  let pid: number;
  try {
    pid = Number.parseInt(readFileSync(ctx.tool.pidFile(job), "utf8"), 10);
    if (!(pid > 0)) return undefined;
    process.kill(pid, 0);
    return pid;
  } catch {
    return undefined;
  }
}

/**
 * Whether an earlier run's tool still works on the job's table: its process on this host (pid file), or sessions
 * working on the shadow table, looked at three times over a second (the tool works in chunks; it may run elsewhere).
 */
async function activeSessions(ctx: OnlineRunContext, job: OnlineJob): Promise<string[]> {
  const pid = liveProcess(ctx, job);
  if (pid !== undefined) return [`process ${pid}`];
  for (let i = 0; i < 3; i++) {
    const rows = await ctx.conn.query(SESSIONS_RUNNING_QUERY, [ctx.conn.threadId ?? 0, ctx.tool.activityPattern(job)]);
    if (rows.length > 0) return rows.map((r) => `session ${r.id}`);
    if (i < 2) await sleep(500);
  }
  return [];
}

/** Removes the tool's triggers and shadow table; returns what it dropped and what it kept. */
async function cleanUp(ctx: OnlineRunContext, job: OnlineJob): Promise<{ dropped: string[]; kept: string[] }> {
  const residue = await ctx.tool.residue(ctx.conn, job);
  const dropped: string[] = [];
  // Triggers first: they write into the shadow table.
  for (const t of residue.triggers) {
    await ctx.conn.exec(dropTriggerSql(job.schema, t));
    dropped.push(`trigger ${goQuote(t)}`);
  }
  for (const t of residue.shadow) {
    await ctx.conn.exec(dropTableSql(job.schema, t));
    dropped.push(`table ${goQuote(t)}`);
  }
  const kept = residue.old.map((t) => `table ${goQuote(t)}`);
  if (dropped.length > 0 || kept.length > 0) ctx.log({ kind: "online-cleanup", table: job.table, dropped, kept });
  return { dropped, kept };
}

/** Before the tool starts: an earlier run's leftovers are removed, unless that run's tool still works on the table. */
async function clearEarlierRun(ctx: OnlineRunContext, job: OnlineJob): Promise<void> {
  const residue = await ctx.tool.residue(ctx.conn, job);
  if (residue.triggers.length === 0 && residue.shadow.length === 0) {
    if (residue.old.length > 0) await cleanUp(ctx, job);
    return;
  }
  const active = await activeSessions(ctx, job);
  if (active.length > 0)
    throw new OnlineStillRunningError(
      `${ctx.tool.program} of an earlier run still works on table ${goQuote(job.table)} (${active.join(", ")}): ` +
        "wait for it to finish or stop it, then run apply again (the statement stays in doubt until then)",
    );
  await cleanUp(ctx, job);
}

/** Runs `job` through the tool; returns once the cut-over is done, throws OnlineToolError when it did not happen. */
export async function runOnline(
  ctx: OnlineRunContext,
  job: OnlineJob,
  step: { readonly before: Schema; readonly after: Schema; readonly changes: readonly Change[]; readonly text: string },
): Promise<void> {
  await clearEarlierRun(ctx, job);
  const run = startTool(ctx.tool, job, ctx.credentials, ctx.log);
  ctx.started(run);
  ctx.log({ kind: "online-start", table: job.table, tool: ctx.tool.name, ...(run.pid ? { pid: run.pid } : {}) });
  const exit = await run.done;
  if (exit.code === 0) return;
  const how = exit.signal ? `was stopped (${exit.signal})` : `failed (exit code ${exit.code})`;
  const live = await inspect(ctx.conn, job.schema);
  const verdict = schemaVerdict(live, {
    text: step.text,
    pos: 0,
    comments: [],
    index: 0,
    before: step.before,
    changes: step.changes,
    after: step.after,
  });
  const { dropped, kept } = await cleanUp(ctx, job);
  if ("applied" in verdict && verdict.applied) return;
  const state = "applied" in verdict ? "is unchanged" : `is in neither state (${verdict.undecided}): check it`;
  const removed = dropped.length > 0 ? `; removed its ${dropped.join(", ")}` : "";
  const left = kept.length > 0 ? `; left ${kept.join(", ")} (the original table) for you to check and drop` : "";
  const last = exit.tail.at(-1);
  throw new OnlineToolError(
    `${ctx.tool.program} ${how} before its cut-over: table ${goQuote(job.table)} ${state}${removed}${left}` +
      `${last ? ` (last output: ${last.trim()})` : ""}; fix the cause and run apply again`,
  );
}
