/**
 * Decides, before each statement of an apply run is sent, what it costs and how it runs: the cost from the flavour's
 * rules on the schema as it stands (inspected live once, then advanced statement by statement) and the table's size;
 * then natively as written, natively pinned (`ALGORITHM=…, LOCK=…` appended when the policy asks), or through the
 * online tool (a blocking ALTER above the size threshold, in a file marked `-- stats-db:online`, or with `--online`).
 */
import type { Queryable } from "../../../db/types.ts";
import { goQuote } from "../../../go/quote.ts";
import { alterBody, formatBytes, pinClause, pinStatement, type TableSize, tableSizes } from "../../../mysql/cost.ts";
import type { Flavor } from "../../../mysql/flavor.ts";
import { inspect } from "../../../mysql/inspect.ts";
import { statementKind } from "../../../mysql/parse.ts";
import type { Schema } from "../../../schema/model.ts";
import type { MigrationFile } from "../../dir.ts";
import { fileRunsOnline, statementRunsOnline } from "../../dir/online-directive.ts";
import { splitStatements, type Stmt } from "../../split.ts";
import { costStep } from "./cost-step.ts";
import { OnlinePrerequisiteError } from "./errors.ts";
import { type OnlineEvent, runOnline } from "./online-run.ts";
import type { PlannedCost, StatementPlan } from "./plan.ts";
import { displayCommand, type ToolRun } from "./run-tool.ts";
import type { OnlineCredentials, OnlineJob, OnlineTool } from "./tool.ts";

/** How a run treats costly statements. */
export interface OnlinePolicy {
  /** Append the expected ALGORITHM/LOCK to every ALTER that runs natively. */
  readonly pin: boolean;
  /** Run every blocking ALTER through the tool, whatever the table's size (`--online`). */
  readonly all: boolean;
  /** Blocking ALTERs on tables above this many rows (or bytes) run through the tool. */
  readonly minRows?: number;
  readonly minBytes?: number;
  readonly tool: OnlineTool;
  /** Where the tool connects (the run's own connection settings). */
  readonly credentials: OnlineCredentials;
}

/** Everything the planner needs. */
export interface PlannerOptions {
  readonly conn: Queryable & { readonly threadId?: number };
  readonly flavor: Flavor;
  /** The schema the URL is bound to; without it no cost is computed. */
  readonly schemaName?: string;
  readonly policy: OnlinePolicy;
  readonly dryRun: boolean;
  readonly log: (e: OnlineEvent) => void;
}

/** Plans the statements of one run, in order. */
export class StatementPlanner {
  private schema: Schema | undefined;
  private sizes = new Map<string, TableSize>();
  private stale = true;
  private stmts = new Map<string, Stmt[]>();
  private running: ToolRun | undefined;
  private planned:
    | { readonly version: string; readonly index: number; readonly plan: Promise<StatementPlan> }
    | undefined;

  constructor(private readonly opts: PlannerOptions) {}

  /** Stops a running online tool; false when none runs. */
  cancel(): boolean {
    if (!this.running) return false;
    this.running.stop();
    return true;
  }

  private async state(): Promise<Schema | undefined> {
    const { schemaName, conn, dryRun } = this.opts;
    if (schemaName === undefined) return undefined;
    if (this.stale && (this.schema === undefined || !dryRun)) {
      this.schema = await inspect(conn, schemaName);
      this.sizes = await tableSizes(conn, schemaName);
      this.stale = false;
    }
    return this.stale ? undefined : this.schema;
  }

  private stmtOf(file: MigrationFile, index: number): Stmt | undefined {
    let list = this.stmts.get(file.version);
    if (!list) this.stmts.set(file.version, (list = splitStatements(file.bytes)));
    return list[index];
  }

  /**
   * Plans statement `index` of `file` now, while the server still runs the statement before it (the next `plan` call
   * returns this plan when it asks for the same statement). Its queries, if any, run after that statement.
   */
  ahead(file: MigrationFile, index: number, text: string): void {
    if (this.planned) return;
    const plan = this.plan(file, index, text);
    // Its failure is the statement's, reported when the run reaches it.
    plan.catch(() => undefined);
    this.planned = { version: file.version, index, plan };
  }

  /** The plan of statement `index` of `file` (text `text`); advances the schema past it. */
  async plan(file: MigrationFile, index: number, text: string): Promise<StatementPlan> {
    const ahead = this.planned;
    if (ahead) {
      this.planned = undefined;
      if (ahead.version === file.version && ahead.index === index) return ahead.plan;
      // The schema was advanced past a statement that did not run: inspect it again.
      await ahead.plan.catch(() => undefined);
      this.stale = true;
    }
    const before = await this.state();
    if (before === undefined) return { sent: text };
    const step = costStep(before, text, this.opts.flavor, this.sizes);
    if (!step) {
      // A data statement changes no schema; anything else unknown makes the state unknown until inspected again.
      if (statementKind(text) !== "data") this.stale = true;
      return { sent: text };
    }
    this.schema = step.after;
    const { table } = step;
    let cost = step.cost;
    if (!cost || !table) return { sent: text };
    // Before a costly ALTER a real run reads the sizes again: earlier statements of the run may have filled the table.
    if (!this.opts.dryRun && (cost.rebuild || cost.blocksWriters)) {
      this.sizes = await tableSizes(this.opts.conn, this.opts.schemaName!);
      const size = this.sizes.get(table.name);
      cost = { ...cost, ...(size ? { size } : {}) };
    }
    const reason = this.onlineReason(cost, file, index);
    const body = reason !== undefined ? alterBody(text) : undefined;
    if (reason !== undefined && body && (body.schema === undefined || body.schema === this.opts.schemaName)) {
      const job: OnlineJob = { schema: this.opts.schemaName!, table: body.table, clauses: body.clauses, before: table };
      const { tool, credentials } = this.opts.policy;
      const refusal = await tool.refusal(this.opts.conn, job);
      if (refusal) throw new OnlinePrerequisiteError(`cannot run ${goQuote(table.name)}'s ALTER online: ${refusal}`);
      return {
        sent: text,
        cost,
        online: { tool: tool.name, command: displayCommand(tool, job, credentials), reason },
        run: () => this.runJob(job, { before, after: step.after, changes: step.changes, text }),
      };
    }
    const clause = this.opts.policy.pin ? pinClause(cost, this.opts.flavor) : undefined;
    return { sent: (clause && pinStatement(text, clause)) ?? text, cost };
  }

  private onlineReason(cost: PlannedCost, file: MigrationFile, index: number): string | undefined {
    if (!cost.blocksWriters) return undefined;
    const { all, minRows, minBytes } = this.opts.policy;
    if (all) return "--online";
    const stmt = this.stmtOf(file, index);
    if (fileRunsOnline(file.bytes) || (stmt && statementRunsOnline(stmt))) return "-- stats-db:online";
    const rows = cost.size?.rows ?? 0;
    const bytes = cost.size?.bytes ?? 0;
    if (minRows !== undefined && rows > minRows) return `about ${rows} rows, above min_rows ${minRows}`;
    if (minBytes !== undefined && bytes > minBytes)
      return `${formatBytes(bytes)}, above min_bytes ${formatBytes(minBytes)}`;
    return undefined;
  }

  private async runJob(job: OnlineJob, step: Parameters<typeof runOnline>[2]): Promise<void> {
    await runOnline(
      {
        conn: this.opts.conn,
        tool: this.opts.policy.tool,
        credentials: this.opts.policy.credentials,
        log: this.opts.log,
        started: (run) => (this.running = run),
      },
      job,
      step,
    ).finally(() => (this.running = undefined));
  }
}
