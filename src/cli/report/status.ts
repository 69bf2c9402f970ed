/**
 * Atlas's `migrate status` output (`cmdlog.MigrateStatusTemplate`) and its `{{ json . }}` object.
 */
import type { StatusReport } from "../../migrate/status.ts";

/** The report as Atlas prints it by default. */
export function formatStatusText(r: StatusReport): string {
  const partial = r.total > 0;
  const lines = [
    `Migration Status: ${r.status}`,
    `  -- Current Version: ${r.current}${partial ? ` (${r.count} statements applied)` : ""}`,
    `  -- Next Version:    ${r.next}${partial ? ` (${r.total - r.count} statements left)` : ""}`,
    `  -- Executed Files:  ${r.applied.length}${partial ? " (last one partially)" : ""}`,
    `  -- Pending Files:   ${r.pending.length}${r.outOfOrder.length > 0 ? ` (${r.outOfOrder.length} out of order)` : ""}`,
  ];
  // After a killed run there is no error to show: the block is left out (the problems say what happened).
  if (partial && r.error)
    lines.push(
      "",
      "Last migration attempt had errors:",
      ...(r.sql ? [`  -- SQL:   ${r.sql}`] : []),
      `  -- ERROR: ${r.error}`,
    );
  else if (r.outOfOrder.length > 0 && r.error) lines.push("", `ERROR: ${r.error}`);
  if (r.problems.length > 0) lines.push("", "Problems:", ...r.problems.map((p) => `  -- ${p}`));
  return lines.join("\n") + "\n";
}

/** The report as Atlas's `{{ json . }}` prints it (keys as in `cmdlog.MigrateStatus`), plus `Problems` (one line each). */
export function statusJson(r: StatusReport): Record<string, unknown> {
  const file = (f: StatusReport["available"][number]) => ({
    Name: f.name,
    Version: f.version,
    Description: f.description,
  });
  return {
    Available: r.available.map(file),
    Pending: r.pending.map(file),
    Applied: r.applied.map((a) => ({
      Version: a.version,
      Description: a.description,
      Type: a.type,
      Applied: a.applied,
      Total: a.total,
      ExecutedAt: a.executedAt.toISOString(),
      ExecutionTime: a.executionTime,
      Error: a.error,
      ErrorStmt: a.errorStmt,
      Hash: a.hash,
      PartialHashes: a.partialHashes,
      OperatorVersion: a.operatorVersion,
    })),
    Current: r.current,
    Next: r.next,
    Count: r.count,
    Total: r.total,
    Status: r.status,
    Error: r.error,
    SQL: r.sql,
    Problems: r.problems,
  };
}
