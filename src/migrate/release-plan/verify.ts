/**
 * What moved between a release plan and the target as it is now: the plan file itself, the target, the revisions,
 * the directory, the live schema, and the statements a run would send. One line per move; none means the plan still
 * holds and may be applied exactly.
 */
import type { MigrationFile } from "../dir.ts";
import { type ApplyPlan, type PlanFile, sha256Of } from "./document.ts";
import type { ObservedState } from "./observe.ts";

/** The target differs from what the plan was reviewed on: apply refused before any write (exit 1). */
export class PlanMovedError extends Error {
  constructor(
    readonly path: string,
    /** One line per move, e.g. `revisions: last version "001" is now "002"`. */
    readonly moves: readonly string[],
  ) {
    super(
      `the plan ${path} no longer matches the target; nothing was executed (make and review a new plan):\n` +
        moves.map((m) => `  ${m}`).join("\n"),
    );
    this.name = "PlanMovedError";
  }
}

/** No plan was made: the target is in a state a plan cannot describe (exit 1). */
export class PlanNotMadeError extends Error {
  constructor(reason: string) {
    super(`no release plan was written: ${reason}`);
    this.name = "PlanNotMadeError";
  }
}

/** Why no plan can be made of the observed state, or undefined. */
export function unplannable(now: ObservedState): string | undefined {
  if (now.inDoubt.length === 0) return undefined;
  return `${now.inDoubt.join(", ")} ${now.inDoubt.length === 1 ? "is" : "are"} in doubt (left by an interrupted run); run \`migrate apply\` (or \`migrate resolve\`) first`;
}

const q = JSON.stringify;

function targetMoves(plan: ApplyPlan, now: ObservedState): string[] {
  const out: string[] = [];
  const was = plan.target;
  const is = now.target;
  for (const key of ["driver", "address", "server", "version", "database", "revisionsSchema"] as const)
    if (was[key] !== is[key]) out.push(`target: ${key} was ${q(was[key])}, is ${q(is[key])}`);
  return out;
}

function revisionMoves(plan: ApplyPlan, now: ObservedState): string[] {
  const was = plan.revisions;
  const is = now.revisions;
  if (was.digest === is.digest) return [];
  const added = is.versions.filter((v) => !was.versions.includes(v));
  const removed = was.versions.filter((v) => !is.versions.includes(v));
  const parts = [
    ...(was.last !== is.last ? [`last version was ${q(was.last)}, is ${q(is.last)}`] : []),
    ...(added.length > 0 ? [`applied since the plan: ${added.join(", ")}`] : []),
    ...(removed.length > 0 ? [`removed since the plan: ${removed.join(", ")}`] : []),
  ];
  return [`revisions: ${parts.length > 0 ? parts.join("; ") : "rows changed since the plan"} (another run?)`];
}

function directoryMoves(plan: ApplyPlan, now: ObservedState, files: readonly MigrationFile[]): string[] {
  const out: string[] = [];
  const was = new Set(plan.directory.files);
  const is = new Set(now.directory.files);
  for (const f of now.directory.files) if (!was.has(f)) out.push(`directory: new file ${f}`);
  for (const f of plan.directory.files) if (!is.has(f)) out.push(`directory: file ${f} removed`);
  const byName = new Map(files.map((f) => [f.name, f]));
  for (const p of plan.pending) {
    const file = byName.get(p.name);
    if (file && sha256Of(file.bytes) !== p.sha256) out.push(`directory: file ${p.name} changed`);
  }
  if (plan.directory.sumTotal !== now.directory.sumTotal)
    out.push(`directory: atlas.sum total was ${plan.directory.sumTotal}, is ${now.directory.sumTotal}`);
  return out;
}

/** The moves between the plan and the state observed now (`files`: the directory's files now). */
export function planMoves(
  read: { readonly plan: ApplyPlan; readonly edited: boolean },
  now: ObservedState,
  files: readonly MigrationFile[],
): string[] {
  const { plan } = read;
  return [
    ...(read.edited ? ["plan file: its content was changed after it was written (digest mismatch)"] : []),
    ...targetMoves(plan, now),
    ...revisionMoves(plan, now),
    ...(now.inDoubt.length > 0 ? [`revisions: ${unplannable(now)}`] : []),
    ...directoryMoves(plan, now, files),
    ...(plan.liveSchema !== now.liveSchema
      ? [
          `live schema: fingerprint was ${plan.liveSchema}, is ${now.liveSchema} (changed since the plan; \`migrate drift\` lists how it differs from the directory)`,
        ]
      : []),
  ];
}

const short = (sql: string) => {
  const line = sql.replace(/\s+/g, " ").trim();
  return line.length > 80 ? line.slice(0, 77) + "..." : line;
};

/** The moves between the planned statements and those a run would send now (`fresh`, from a dry run). */
export function statementMoves(planned: readonly PlanFile[], fresh: readonly PlanFile[]): string[] {
  const names = (fs: readonly PlanFile[]) => fs.map((f) => f.name).join(", ") || "none";
  if (names(planned) !== names(fresh))
    return [`statements: the plan runs ${names(planned)}, a run now would run ${names(fresh)}`];
  const out: string[] = [];
  for (const [i, p] of planned.entries()) {
    const f = fresh[i]!;
    const n = Math.max(p.statements.length, f.statements.length);
    for (let j = 0; j < n; j++) {
      const a = p.statements[j];
      const b = f.statements[j];
      const where = `statements: ${p.name} #${j + p.skipped + 1}`;
      if (a?.sql !== b?.sql)
        out.push(`${where} was ${a ? q(short(a.sql)) : "absent"}, is ${b ? q(short(b.sql)) : "absent"}`);
      else if (a?.online?.tool !== b?.online?.tool)
        out.push(
          `${where} ran ${a?.online ? `through ${a.online.tool}` : "natively"}, would run ${b?.online ? `through ${b.online.tool}` : "natively"}`,
        );
    }
  }
  return out;
}
