/**
 * The text of a multi-target run around each target's own report: the header naming a target before its output, and
 * the summary table at the end (target, version, outcome, duration, first line of the error). Targets are named by
 * their redacted URL: a password never appears.
 */
import { ReportedError } from "../errors.ts";
import type { TargetResult } from "./run-targets.ts";

/** The line printed before a target's output. */
export function targetHeader(r: TargetResult, count: number): string {
  return `=== target ${r.index + 1}/${count}: ${r.label} ===\n`;
}

/** The first line of a failed target's error, as the summary shows it. */
export function firstErrorLine(e: unknown): string {
  const message = e instanceof Error ? e.message : String(e);
  const line = message.split("\n")[0]!.trim();
  return e instanceof ReportedError || line.startsWith("Error") ? line : `Error: ${line}`;
}

function seconds(ms: number | undefined): string {
  return ms === undefined ? "" : `${(ms / 1000).toFixed(2)}s`;
}

function version(r: TargetResult, changes: boolean): string {
  if (r.outcome === "skipped") return "";
  const from = r.from ?? "-";
  return changes ? `${from} → ${r.to ?? "-"}` : from;
}

/** The summary: a count line and one row per target; `changes` shows versions as from → to, else the current one. */
export function summaryText(command: string, results: readonly TargetResult[], changes: boolean): string {
  const count = (o: TargetResult["outcome"]) => results.filter((r) => r.outcome === o).length;
  const rows = results.map((r) => [
    r.label,
    version(r, changes),
    r.outcome,
    seconds(r.ms),
    r.outcome === "failed" ? firstErrorLine(r.error) : "",
  ]);
  const head = ["TARGET", changes ? "FROM → TO" : "VERSION", "OUTCOME", "DURATION", "ERROR"];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!)))
      .join("  ")
      .trimEnd();
  const totals = `${count("ok")} ok, ${count("failed")} failed, ${count("skipped")} skipped`;
  return [`=== ${command}: ${results.length} targets, ${totals} ===`, line(head), ...rows.map(line)].join("\n") + "\n";
}
