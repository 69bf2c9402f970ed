/**
 * The report of `migrate down`: Atlas's text (docs/atlas-compat.md §5: header, a checks block and a reverting block per
 * version, the footer) and the `{{ json . }}` object (Atlas's `MigrateDown`, plus the checks that ran).
 */
import { formatGoDuration } from "../../go/duration.ts";
import { counts } from "./apply.ts";
import type { DownReport, StepResult } from "../../migrate/down.ts";
import { DataLossError } from "../../migrate/down/errors.ts";
import type { Revision } from "../../migrate/revisions.ts";

/** Printed when no revision is after the target. */
export const NOTHING_TO_REVERT = "No migration files to revert";

/** The header: `Migrating down from version X to Y (N migration[s] in total):` (` to Y` left out when none is left). */
export function downHeader(report: DownReport): string {
  const n = report.planned.length;
  return `Migrating down from version ${report.current}${report.target ? ` to ${report.target}` : ""} (${n} migration${n > 1 ? "s" : ""} in total):`;
}

function statementLine(sql: string): string {
  return `    -> ${sql.replaceAll("\n", "\n       ")}`;
}

function checksBlock(r: StepResult, failure: Error | undefined): string[] {
  if (r.checks.length === 0) return [];
  const lines = [
    "",
    `  -- checks before reverting version ${r.step.revision.version}`,
    ...r.checks.map((c) => statementLine(c.stmt)),
  ];
  const failed = r.checks.some((c) => !c.passed);
  lines.push(
    failed
      ? `    ${failure instanceof DataLossError ? failure.reason : "check failed"}`
      : `  -- ok (${formatGoDuration(r.checksNs)})`,
  );
  return lines;
}

// The line that ends a step's revert block: its error, or ok.
function revertEnd(r: StepResult): string {
  if (r.error) return `    ${r.error.text}`;
  return r.step.alreadyReverted
    ? "  -- ok (already reverted by an earlier, unfinished run)"
    : `  -- ok (${formatGoDuration(r.durationNs)})`;
}

function revertBlock(r: StepResult): string[] {
  if (!r.ran) return [];
  return ["", `  -- reverting version ${r.step.revision.version}`, ...r.applied.map(statementLine), revertEnd(r)];
}

const text = (lines: readonly string[]): string => lines.map((l) => l + "\n").join("");

/**
 * The report printed as the revert runs (the same text as formatDownText, in pieces): the header once every check
 * passed, then per step its checks block and revert header, each statement before it is sent, and its end line; the
 * rest (steps never reached, the footer) at the end.
 */
export const downProgress = {
  header: (report: DownReport): string => text([downHeader(report), ...unmanagedBlock(report)]),
  stepStart: (r: StepResult): string =>
    text([...checksBlock(r, undefined), "", `  -- reverting version ${r.step.revision.version}`]),
  statement: (sql: string): string => text([statementLine(sql)]),
  stepEnd: (r: StepResult): string => text([revertEnd(r)]),
  rest: (report: DownReport): string =>
    text([...report.steps.filter((r) => !r.ran).flatMap((r) => checksBlock(r, report.failure)), ...downFooter(report)]),
};

function downFooter(report: DownReport): string[] {
  return ["", "  -------------------------", ...downSummary(report).map((l) => `  -- ${l}`)];
}

/** The footer lines after the dashes: total time, reverted files, statements. */
export function downSummary(report: DownReport): string[] {
  const ran = report.steps.filter((s) => s.ran);
  const failed = ran.filter((s) => s.error).length;
  const stmts = ran.reduce((n, s) => n + s.applied.length, 0);
  const lines = [
    formatGoDuration(report.durationNs),
    counts(ran.length - failed, failed, "migration"),
    counts(stmts - failed, failed, "sql statement"),
  ];
  return lines.filter((l): l is string => l !== undefined);
}

function driftBlock(report: DownReport): string[] {
  if (!report.drift) return [];
  return [
    "",
    `  -- the database has drifted from the migration directory at version ${report.current}:`,
    ...report.drift.map((d) => `    ${d}`),
  ];
}

function unmanagedBlock(report: DownReport): string[] {
  if (!report.unmanaged) return [];
  return ["", "  -- left as they are (the model does not cover them):", ...report.unmanaged.map((d) => `    ${d}`)];
}

/** The report as text, shaped like Atlas's (plus the drift that stopped it, one line per difference). */
export function formatDownText(report: DownReport): string {
  if (report.planned.length === 0) return NOTHING_TO_REVERT + "\n";
  const body = [
    ...unmanagedBlock(report),
    ...driftBlock(report),
    ...report.steps.flatMap((r) => [...checksBlock(r, report.failure), ...revertBlock(r)]),
  ];
  return [downHeader(report), ...body, ...downFooter(report)].join("\n") + "\n";
}

function file(rev: Revision): { Name: string; Version: string; Description: string } {
  return {
    Name: `${rev.version}${rev.description ? `_${rev.description}` : ""}.sql`,
    Version: rev.version,
    Description: rev.description,
  };
}

/** The report as Atlas's `{{ json . }}` prints it (keys as in `MigrateDown`; `Checks` and `Drift` added). */
export function downJson(report: DownReport): Record<string, unknown> {
  return {
    Planned: report.planned.map(file),
    Reverted: report.steps
      .filter((s) => s.ran)
      .map((s) => ({
        ...file(s.step.revision),
        Start: s.start?.toISOString(),
        End: s.end?.toISOString(),
        Skipped: 0,
        Applied: s.applied,
        Scope: "versions",
        ...(s.error ? { Error: { Stmt: s.error.stmt, Text: s.error.text } } : {}),
      })),
    Checks: report.steps.flatMap((s) =>
      s.checks.map((c) => ({ Version: s.step.revision.version, Stmt: c.stmt, Passed: c.passed })),
    ),
    Current: report.current,
    Target: report.target,
    Total: report.planned.length,
    Start: report.start.toISOString(),
    End: report.end.toISOString(),
    DryRun: report.dryRun,
    ...(report.drift ? { Drift: report.drift } : {}),
    ...(report.unmanaged ? { Unmanaged: report.unmanaged } : {}),
    ...(report.failure ? { Error: report.failure.message } : {}),
  };
}
