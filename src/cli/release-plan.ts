/**
 * `migrate apply --dry-run --out FILE` / `--format markdown` (make a release plan) and `migrate apply --plan FILE`
 * (apply exactly a reviewed plan): the flags, their combinations, and the glue between the apply run and the plan model
 * of `migrate/release-plan/`.
 */
import { readFileSync, renameSync, writeFileSync } from "node:fs";
import type { Connection } from "../db/connect.ts";
import { type ApplyOptions, type ApplyReport, migrateApply } from "../migrate/apply.ts";
import type { ExecutorContext } from "../migrate/apply/executor.ts";
import type { MigrationFile } from "../migrate/dir.ts";
import type { TxMode } from "../migrate/dir/directives.ts";
import type { ExecOrder } from "../migrate/apply/pending.ts";
import { buildPlan, plannedFiles } from "../migrate/release-plan/build.ts";
import {
  parsePlan,
  type PlanOptions,
  PlanFileError,
  type ReadPlan,
  serializePlan,
} from "../migrate/release-plan/document.ts";
import { observeState, type TargetPlace } from "../migrate/release-plan/observe.ts";
import {
  PlanMovedError,
  PlanNotMadeError,
  planMoves,
  statementMoves,
  unplannable,
} from "../migrate/release-plan/verify.ts";
import { TOOL_VERSION } from "../project/version.ts";
import { UsageError } from "./errors.ts";
import { err } from "./output.ts";
import { planMarkdown } from "./report/plan-markdown.ts";

/** The flags of release plans. */
export const releasePlanArgs = {
  out: { type: "string", description: "with --dry-run: write the release plan (JSON) to this file" },
  plan: { type: "string", description: "apply exactly this release plan; refused if the target moved since" },
} as const;

/** What a run does with plans: make one (`out` and/or markdown) or apply one. */
export interface PlanMode {
  /** `--out`: where the plan goes. */
  readonly out?: string;
  /** `--format markdown`: the plan as Markdown on stdout instead of the report. */
  readonly markdown: boolean;
  /** `--plan`: the plan read (its path with it). */
  readonly apply?: { readonly path: string; readonly read: ReadPlan };
}

// Flags that choose what a run applies or how: a plan fixes them itself.
const FIXED_BY_PLAN = ["to-version", "baseline", "allow-dirty", "tx-mode", "exec-order", "allow-drift", "out"];

/** Reads and checks the plan flags; a wrong combination is a UsageError (exit 2). */
export function planMode(args: Record<string, unknown>, amount: number | undefined): PlanMode {
  const markdown = args.format === "markdown";
  const dryRun = args["dry-run"] === true;
  const out = typeof args.out === "string" ? args.out : undefined;
  const path = typeof args.plan === "string" ? args.plan : undefined;
  if (out !== undefined && !dryRun) throw new UsageError("--out writes a release plan: use it with --dry-run");
  if (markdown && !dryRun)
    throw new UsageError(
      "--format markdown renders a release plan: use it with --dry-run (and --out to keep the plan)",
    );
  if (path === undefined) return { markdown, ...(out !== undefined ? { out } : {}) };
  const fixed = FIXED_BY_PLAN.filter((f) => args[f] !== undefined);
  if (amount !== undefined) fixed.unshift("[amount]");
  if (fixed.length > 0)
    throw new UsageError(
      `--plan applies exactly the files and options of the plan: drop ${fixed.map((f) => (f.startsWith("[") ? f : `--${f}`)).join(", ")}`,
    );
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new PlanFileError(path, `cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  return { markdown, apply: { path, read: parsePlan(path, text) } };
}

/** The apply options a plan fixes. */
function planApplyOptions(
  read: ReadPlan,
): Pick<ApplyOptions, "txMode" | "execOrder" | "allowDirty" | "allowDrift" | "baseline"> {
  const o = read.plan.options;
  return {
    txMode: o.txMode as TxMode,
    execOrder: o.execOrder as ExecOrder,
    allowDirty: o.allowDirty,
    allowDrift: o.allowDrift,
    ...(o.baseline !== undefined ? { baseline: o.baseline } : {}),
  };
}

/** The options a plan records of the run it was made from. */
function planOptionsOf(opts: ApplyOptions): PlanOptions {
  return {
    txMode: opts.txMode,
    execOrder: opts.execOrder,
    allowDirty: opts.allowDirty,
    allowDrift: opts.allowDrift === true,
    ...(opts.baseline !== undefined ? { baseline: opts.baseline } : {}),
  };
}

/** Where the connection points, without credentials. */
function targetPlace(conn: Connection, revisionsSchema: string): TargetPlace {
  const t = conn.target;
  return {
    driver: conn.flavorName,
    address: t.socketPath ?? `${t.host}:${t.port}`,
    database: t.schema ?? "",
    revisionsSchema,
  };
}

/** Runs `migrate apply` on the session's connection with some options replaced; `quiet` logs nothing. */
type ApplyRun = (
  opts: { dryRun: boolean; quiet?: boolean; planner?: ExecutorContext["planner"] } & Partial<ApplyOptions>,
) => Promise<ApplyReport>;

/**
 * Makes the plan of a dry run's `report` (the apply lock still held): writes it to `mode.out` (through a temporary
 * file, so a reader never sees half a plan) and returns its Markdown when asked for; after `--plan FILE --dry-run`,
 * the Markdown of that plan.
 */
async function makePlan(input: {
  readonly conn: Connection;
  readonly place: TargetPlace;
  readonly files: readonly MigrationFile[];
  readonly report: ApplyReport;
  readonly options: PlanOptions;
  readonly mode: PlanMode;
}): Promise<string | undefined> {
  const { apply } = input.mode;
  // A plan verified by `--plan FILE --dry-run` is rendered as it was written.
  if (apply) return input.mode.markdown ? planMarkdown(apply.read.plan, apply.read.hash, apply.path) : undefined;
  const observed = await observeState(input.conn, input.place, input.files);
  const why = unplannable(observed);
  if (why !== undefined) throw new PlanNotMadeError(why);
  const plan = buildPlan({
    report: input.report,
    files: input.files,
    observed,
    options: input.options,
    toolVersion: TOOL_VERSION,
  });
  const { text, hash } = serializePlan(plan);
  const { out } = input.mode;
  if (out !== undefined) {
    const tmp = `${out}.tmp-${process.pid}`;
    writeFileSync(tmp, text);
    renameSync(tmp, out);
    err(`release plan written to ${out} (${hash}): apply it with --plan ${out}\n`);
  }
  return input.mode.markdown ? planMarkdown(plan, hash, out) : undefined;
}

/**
 * Applies exactly a reviewed plan: re-reads the target and refuses (PlanMovedError, before any write) when the plan
 * file, the target, its revisions, the files or the live schema moved, or when a dry run now would send other
 * statements; then runs those files only, each statement checked against the plan before it is sent. With `dryRun`
 * it verifies and reports the dry run.
 */
async function applyPlan(input: {
  readonly conn: Connection;
  readonly place: TargetPlace;
  readonly files: readonly MigrationFile[];
  readonly path: string;
  readonly read: ReadPlan;
  readonly dryRun: boolean;
  readonly run: ApplyRun;
  readonly planner: NonNullable<ExecutorContext["planner"]>;
  readonly dryPlanner: NonNullable<ExecutorContext["planner"]>;
}): Promise<ApplyReport> {
  const { plan } = input.read;
  const moved = (moves: string[]) => {
    if (moves.length > 0) throw new PlanMovedError(input.path, moves);
  };
  moved(planMoves(input.read, await observeState(input.conn, input.place, input.files), input.files));
  const dry = await input.run({ dryRun: true, quiet: !input.dryRun, planner: input.dryPlanner });
  moved(statementMoves(plan.pending, plannedFiles(dry, input.files)));
  if (input.dryRun || plan.pending.length === 0) return dry;
  const byFile = new Map(plan.pending.map((f) => [f.version, f]));
  const guard: ExecutorContext["planner"] = {
    plan: async (file, index, text) => {
      const decided = await input.planner.plan(file, index, text);
      const planned = byFile.get(file.version);
      const expected = planned?.statements[index - planned.skipped];
      if (expected?.sql !== decided.sent || expected.online?.tool !== decided.online?.tool)
        throw new PlanMovedError(input.path, [
          `statements: ${file.name} #${index + 1} would be sent otherwise than planned`,
        ]);
      return decided;
    },
  };
  return input.run({ dryRun: false, planner: guard, toVersion: plan.to });
}

/**
 * Runs `migrate apply` with `options` (the apply lock held on `conn`) as the plan flags say: applies a plan
 * (`--plan`), or runs as asked and, after a dry run with `--out` or `--format markdown`, makes the plan of it.
 * Returns the run's report and the Markdown to print instead of it, if any.
 */
export async function applyWithPlans(input: {
  readonly conn: Connection;
  readonly options: ApplyOptions;
  readonly mode: PlanMode;
  /** The run's planner, and a dry one for the dry pass that checks a plan's statements. */
  readonly planner: NonNullable<ExecutorContext["planner"]>;
  readonly dryPlanner: () => NonNullable<ExecutorContext["planner"]>;
}): Promise<{ report: ApplyReport; markdown: string | undefined }> {
  const { conn, options, mode } = input;
  const run: ApplyRun = ({ quiet, ...over }) =>
    migrateApply(conn, {
      ...options,
      ...(mode.apply ? planApplyOptions(mode.apply.read) : {}),
      ...over,
      ...(quiet ? { log: () => {} } : {}),
    });
  const place = targetPlace(conn, options.revisionsSchema);
  // Read only when plans are in play: an ordinary run reads its directory once, in migrateApply.
  const files = mode.apply || mode.out !== undefined || mode.markdown ? options.dir.files() : [];
  const report = mode.apply
    ? await applyPlan({
        conn,
        place,
        files,
        ...mode.apply,
        dryRun: options.dryRun,
        run,
        planner: input.planner,
        dryPlanner: input.dryPlanner(),
      })
    : await run({ dryRun: options.dryRun });
  const markdown =
    options.dryRun && (mode.out !== undefined || mode.markdown)
      ? await makePlan({ conn, place, files, report, options: planOptionsOf(options), mode })
      : undefined;
  return { report, markdown };
}
