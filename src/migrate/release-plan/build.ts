/**
 * A release plan from a dry run's report and the state observed beside it: the pending files with their hashes and
 * atlas.sum lines, and each statement as the planner said it will be sent, with its cost.
 */
import type { ApplyReport } from "../apply.ts";
import type { AppliedFile } from "../apply/executor.ts";
import type { StatementPlan } from "../apply/online/plan.ts";
import { computeSum } from "../dir/sum.ts";
import type { MigrationFile } from "../dir.ts";
import {
  type ApplyPlan,
  PLAN_FORMAT,
  type PlanFile,
  type PlanOptions,
  type PlanStatement,
  sha256Of,
} from "./document.ts";
import type { ObservedState } from "./observe.ts";

function statement(text: string, plan: StatementPlan | undefined): PlanStatement {
  const c = plan?.cost;
  return {
    sql: plan?.sent ?? text,
    ...(c
      ? {
          cost: {
            table: c.table,
            algorithm: c.algorithm,
            rebuild: c.rebuild,
            blocksWriters: c.blocksWriters,
            ...(c.size ? { rows: c.size.rows, bytes: c.size.bytes } : {}),
          },
        }
      : {}),
    ...(plan?.online ? { online: { ...plan.online } } : {}),
  };
}

/** The plan's files from a dry run's report (`all`: the whole directory, for atlas.sum's lines). */
export function plannedFiles(report: Pick<ApplyReport, "applied">, all: readonly MigrationFile[]): PlanFile[] {
  const sums = new Map(computeSum(all).entries.map((e) => [e.name, e.hash]));
  return report.applied.map((a: AppliedFile) => ({
    name: a.file.name,
    version: a.file.version,
    sha256: sha256Of(a.file.bytes),
    sum: `h1:${sums.get(a.file.name) ?? ""}`,
    skipped: a.skipped,
    statements: a.applied.map((text, i) => statement(text, a.plans?.[i])),
  }));
}

/** The plan of a dry run (`report`) made on the state `observed`, with the run's options. */
export function buildPlan(input: {
  readonly report: Pick<ApplyReport, "applied" | "current" | "target">;
  readonly files: readonly MigrationFile[];
  readonly observed: ObservedState;
  readonly options: PlanOptions;
  readonly toolVersion: string;
  readonly now?: Date;
}): ApplyPlan {
  const { report, observed } = input;
  return {
    format: PLAN_FORMAT,
    createdAt: (input.now ?? new Date()).toISOString(),
    toolVersion: input.toolVersion,
    target: observed.target,
    revisions: observed.revisions,
    directory: observed.directory,
    options: input.options,
    from: report.current,
    to: report.target,
    pending: plannedFiles(report, input.files),
    liveSchema: observed.liveSchema,
  };
}
