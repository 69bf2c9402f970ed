/**
 * The report of `migrate log`: the run log as a table, one run a line (start, command, outcome, statements, who, from
 * where, tool), with each run's first error and plan hash below it; or as JSON, one object per run.
 */
import type { RunRecord } from "../../migrate/run-log.ts";

const pad = (rows: string[][]): string[] => {
  const widths = rows[0]!.map((_, i) => Math.max(...rows.map((r) => r[i]!.length)));
  return rows.map((r) => r.map((c, i) => (i === r.length - 1 ? c : c.padEnd(widths[i]!))).join("  "));
};

/** The log as text; `schema` names where it was read. */
export function runLogText(runs: readonly RunRecord[], schema: string): string {
  if (runs.length === 0) return `No runs recorded in "${schema}".\n`;
  const head = ["STARTED (UTC)", "COMMAND", "OUTCOME", "STATEMENTS", "DB USER", "OS USER@HOST", "TOOL"];
  const rows = runs.map((r) => [
    r.startedAt.replace("T", " ").replace(/\.\d+Z$/, ""),
    r.command,
    r.outcome,
    String(r.statements),
    r.dbUser,
    `${r.osUser}@${r.clientHost}`,
    `v${r.toolVersion}${r.binarySha256 ? ` (binary ${r.binarySha256.slice(0, 12)})` : ""}`,
  ]);
  const lines = pad([head, ...rows]);
  const out = [lines[0]!];
  for (const [i, r] of runs.entries()) {
    out.push(lines[i + 1]!);
    out.push(`  run ${r.runId}${r.planHash ? `, plan ${r.planHash}` : ""}`);
    if (r.firstError) out.push(`  error: ${r.firstError.split("\n")[0]}`);
  }
  return out.join("\n") + "\n";
}

/** The log as JSON (field names capitalised like the other reports'). */
export function runLogJson(runs: readonly RunRecord[]): unknown {
  return runs.map((r) => ({
    RunID: r.runId,
    Command: r.command,
    OSUser: r.osUser,
    DBUser: r.dbUser,
    ClientHost: r.clientHost,
    ToolVersion: r.toolVersion,
    BinarySHA256: r.binarySha256,
    PlanHash: r.planHash,
    StartedAt: r.startedAt,
    EndedAt: r.endedAt,
    Outcome: r.outcome,
    Statements: r.statements,
    FirstError: r.firstError,
  }));
}
