/**
 * Atlas's `migrate apply` report: the default text (`cmdlog.MigrateApplyTemplate`, `MigrateApply.Summary`) and the
 * `{{ json . }}` object.
 */
import { formatGoDuration } from "../../go/duration.ts";
import type { ApplyReport } from "../../migrate/apply.ts";
import type { AppliedFile } from "../../migrate/apply/executor.ts";
import type { StatementPlan } from "../../migrate/apply/online/plan.ts";

const plural = (n: number): string => (n > 1 ? "s" : "");

/** A footer count line, e.g. `2 migrations`, `1 migration ok, 1 with errors`, `1 sql statement with errors`. */
export function counts(ok: number, failed: number, noun: string): string | undefined {
  if (ok > 0 && failed > 0) return `${ok} ${noun}${plural(ok)} ok, ${failed} with errors`;
  if (ok > 0) return `${ok} ${noun}${plural(ok)}`;
  if (failed > 0) return `${failed} ${noun}${plural(failed)} with errors`;
  return undefined;
}

/** The footer lines after the dashes: total time, files, statements. */
export function applySummary(report: ApplyReport): string[] {
  let okFiles = 0;
  let failedFiles = 0;
  let okStmts = 0;
  let failedStmts = 0;
  for (const f of report.applied) {
    okStmts += f.applied.length;
    if (f.error) {
      failedFiles++;
      okStmts--;
      failedStmts++;
    } else okFiles++;
  }
  const lines = [
    formatGoDuration(report.durationNs),
    counts(okFiles, failedFiles, "migration"),
    counts(okStmts, failedStmts, "sql statement"),
  ];
  return lines.filter((l): l is string => l !== undefined);
}

/** The header line: `Migrating to version <to>[ from <from>] (<N> migrations in total):`. */
export function applyHeader(report: Pick<ApplyReport, "target" | "current" | "pending">): string {
  return `Migrating to version ${report.target}${report.current ? ` from ${report.current}` : ""} (${report.pending.length} migrations in total):`;
}

/** The lines that open a file's block (a blank line, then `-- migrating version V`). */
export function fileStartText(version: string): string {
  return `\n  -- migrating version ${version}\n`;
}

/** A statement's line (`-> …`, continuation lines indented). */
export function statementText(stmt: string): string {
  return `    -> ${stmt.replaceAll("\n", "\n       ")}\n`;
}

/** A failed statement's error line. */
export function errorText(text: string): string {
  return `    ${text}\n`;
}

/** The line that closes a file that ran to its end. */
export function fileOkText(durationNs: bigint): string {
  return `  -- ok (${formatGoDuration(durationNs)})\n`;
}

function fileBlock(f: AppliedFile): string {
  const body = f.applied.map(statementText).join("");
  const end = f.error ? errorText(f.error.text) : f.stopped ? "" : fileOkText(f.durationNs);
  return fileStartText(f.file.version) + body + end;
}

/** The footer: the dashes, the total time and the counts. */
export function applyFooter(report: ApplyReport): string {
  return ["", "  -------------------------", ...applySummary(report).map((l) => `  -- ${l}`)].join("\n") + "\n";
}

/** The report as Atlas prints it by default. */
export function formatApplyText(report: ApplyReport): string {
  if (report.pending.length === 0) return "No migration files to execute\n";
  return applyHeader(report) + "\n" + report.applied.map(fileBlock).join("") + applyFooter(report);
}

/** How one statement runs, for JSON: its cost, the text sent, the online command (stats-db's own key `Plans`). */
function planJson(plan: StatementPlan | undefined): Record<string, unknown> | null {
  if (!plan?.cost) return null;
  const c = plan.cost;
  return {
    Table: c.table,
    Algorithm: c.algorithm,
    Rebuild: c.rebuild,
    BlocksWriters: c.blocksWriters,
    Changes: c.changes.map((x) => ({ Algorithm: x.algorithm, Lock: x.lock, What: x.what })),
    ...(c.size ? { Rows: c.size.rows, Bytes: c.size.bytes } : {}),
    Sent: plan.sent,
    ...(plan.online
      ? { Online: { Tool: plan.online.tool, Command: plan.online.command, Reason: plan.online.reason } }
      : {}),
  };
}

/** The report as Atlas's `{{ json . }}` prints it (keys as in `cmdlog.MigrateApply`), plus `DryRun`; a dry run's message claims no migration. */
export function applyJson(
  report: ApplyReport,
  context: { driver: string; url: string; dir: string; dryRun?: boolean },
): Record<string, unknown> {
  const file = (f: AppliedFile["file"]) => ({ Name: f.name, Version: f.version, Description: f.description });
  return {
    Driver: context.driver,
    URL: context.url,
    Dir: context.dir,
    Pending: report.pending.map(file),
    Applied: report.applied.map((a) => ({
      ...file(a.file),
      Start: a.start.toISOString(),
      End: a.end.toISOString(),
      Skipped: a.skipped,
      Applied: a.applied,
      ...(a.plans?.some((p) => p?.cost) ? { Plans: a.plans.map(planJson) } : {}),
      ...(a.error ? { Error: { Stmt: a.error.stmt, Text: a.error.text } } : {}),
    })),
    Current: report.current,
    Target: report.target,
    Start: report.start.toISOString(),
    End: report.end.toISOString(),
    ...(report.failure ? { Error: report.failure.message } : {}),
    Message:
      context.dryRun && report.pending.length > 0
        ? `Dry run: would migrate to version ${report.target}${report.current ? ` from ${report.current}` : ""} (${report.pending.length} migrations in total); nothing was executed`
        : report.message,
    DryRun: context.dryRun === true,
  };
}
