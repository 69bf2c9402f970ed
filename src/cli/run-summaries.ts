/**
 * What the run log records of an apply or a down run, read from its report: the statements executed, the planned
 * statements (hashed into the plan hash), the failure, whether a signal stopped it.
 */
import type { ApplyReport } from "../migrate/apply.ts";
import { fileStatements } from "../migrate/apply/executor.ts";
import type { DownReport } from "../migrate/down.ts";
import type { RunSummary } from "./run-audit.ts";

/** An apply run: the pending files' statements are its plan. */
export function applySummary(report: ApplyReport, stopped: boolean): RunSummary {
  return {
    statements: report.applied.reduce((n, a) => n + a.applied.length, 0),
    planned: report.pending.flatMap((f) => fileStatements(f)),
    ...(report.failure ? { failure: report.failure } : {}),
    interrupted: stopped,
  };
}

/** A down run: the revert steps' statements are its plan. */
export function downSummary(report: DownReport, stopped: boolean): RunSummary {
  return {
    statements: report.steps.reduce((n, s) => n + (s.ran ? s.applied.length : 0), 0),
    planned: report.steps.flatMap((s) => s.step.statements.map((x) => x.sql)),
    ...(report.failure ? { failure: report.failure } : {}),
    interrupted: stopped || report.stopped === true,
  };
}
