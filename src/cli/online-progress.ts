/**
 * What the online path prints: a statement's cost (and the statement as sent when pinning changed it, or the online
 * tool's command), the tool's progress — a bar redrawn in place on a terminal, a line every few seconds on a pipe —
 * and the leftovers of an interrupted tool run that were removed. All on stderr: stdout keeps Atlas's report.
 */
import process from "node:process";
import type { OnlineEvent } from "../migrate/apply/online/online-run.ts";
import type { ProgressEvent } from "../migrate/apply/statement-watch.ts";
import type { PlannedCost, StatementPlan } from "../migrate/apply/online/plan.ts";
import { formatBytes } from "../mysql/cost.ts";
import { err } from "./output.ts";

/** The cost line of a planned statement, e.g. `COPY, writers blocked: table "t" (about 2000000 rows, 160.0 MB)`. */
export function costText(plan: Pick<StatementPlan, "cost">): string | undefined {
  const c = plan.cost;
  if (!c) return undefined;
  const size = c.size ? ` (about ${c.size.rows} rows, ${formatBytes(c.size.bytes)})` : "";
  const how = c.algorithm === "NOCOPY" ? "INPLACE (no rebuild)" : c.algorithm;
  return `${how}, writers ${c.blocksWriters ? "blocked" : "not blocked"}: table \`${c.table}\`${size}`;
}

/**
 * Prints what a planned statement costs and, when it runs online, the tool's command. A dry run shows every ALTER's
 * cost; a real run only the ones that matter (a rebuild, blocked writers, a pinned or online statement).
 */
export function printPlan(plan: StatementPlan, text: string, dryRun: boolean): void {
  const c = plan.cost;
  if (!c || !(dryRun || c.rebuild || c.blocksWriters || plan.online || plan.sent !== text)) return;
  err(`       -- cost: ${costText(plan)}\n`);
  if (plan.online) err(`       -- online (${plan.online.reason}): ${plan.online.command}\n`);
}

/**
 * Prints, under a plan (`schema apply`, `migrate down --dry-run`), the cost of each statement that rebuilds or copies
 * a table or blocks its writers, on stderr; statements that run instantly or in place without a rebuild are not listed.
 */
export function printPlanCosts(statements: readonly string[], costs: readonly (PlannedCost | undefined)[]): void {
  const lines = costs.flatMap((cost, i) => {
    if (!cost || !(cost.rebuild || cost.blocksWriters)) return [];
    const first = statements[i]!.replace(/\s+/g, " ");
    const short = first.length > 60 ? `${first.slice(0, 60)}…` : first;
    return [`--   ${i + 1}. ${short}\n--      ${costText({ cost })}\n`];
  });
  if (lines.length > 0) err(`-- Cost before it runs:\n${lines.join("")}`);
}

let lastLine = 0;
let barShown = false;
const PIPE_EVERY_MS = 5000;

function bar(percent: number): string {
  const width = 30;
  const full = Math.round((percent / 100) * width);
  return `[${"#".repeat(full)}${".".repeat(width - full)}]`;
}

/** Ends a progress bar drawn in place (before other output follows it). */
export function endProgressLine(): void {
  if (barShown) err("\n");
  barShown = false;
}

/** Prints a long native statement's progress: a bar on a terminal, a line every few seconds on a pipe. */
export function printStatementProgress(e: ProgressEvent): void {
  const percent = Math.floor(e.percent);
  const stage = e.stage ? `, ${e.stage}` : "";
  if (process.stderr.isTTY === true) {
    barShown = true;
    return err(`\r       ${bar(percent)} ${String(percent).padStart(3)}% after ${e.seconds}s${stage}  `);
  }
  const now = Date.now();
  if (now - lastLine < PIPE_EVERY_MS) return;
  lastLine = now;
  err(`       -- ${percent}% done after ${e.seconds}s${stage}\n`);
}

/** Prints one event of the online tool. */
export function printOnlineEvent(e: OnlineEvent): void {
  const tty = process.stderr.isTTY === true;
  switch (e.kind) {
    case "online-start":
      return err(`       -- ${e.tool} started on \`${e.table}\`${e.pid ? ` (pid ${e.pid})` : ""}\n`);
    case "online-progress": {
      if (tty) {
        barShown = true;
        return err(`\r       ${bar(e.percent)} ${String(e.percent).padStart(3)}% copied, ${e.eta} left  `);
      }
      const now = Date.now();
      if (now - lastLine < PIPE_EVERY_MS) return;
      lastLine = now;
      return err(`       -- \`${e.table}\`: ${e.percent}% copied, ${e.eta} left\n`);
    }
    case "online-output":
      endProgressLine();
      return err(`       | ${e.line}\n`);
    case "online-cleanup": {
      const parts = [
        ...(e.dropped.length ? [`removed ${e.dropped.join(", ")}`] : []),
        ...(e.kept.length ? [`kept ${e.kept.join(", ")} (the original table: check it, then drop it)`] : []),
      ];
      return err(`       -- leftovers of an interrupted online run on \`${e.table}\`: ${parts.join("; ")}\n`);
    }
  }
}
