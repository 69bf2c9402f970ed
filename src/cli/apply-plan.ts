/**
 * A plan run on a live database (`schema apply`, `schema clean`): shown as Atlas shows it, confirmed, then executed
 * statement by statement.
 */
import process from "node:process";
import type { Connection } from "../db/connect.ts";
import { formatMigrationFile } from "../migrate/name.ts";
import type { PlannedStatement } from "../mysql/plan.ts";
import type { Schema } from "../schema/model.ts";
import type { Change } from "../schema/changes.ts";
import { confirmPlan } from "./confirm.ts";

/** A planned statement failed on the target database; earlier statements of the plan stay applied. */
export class PlanExecutionError extends Error {
  constructor(
    readonly statement: string,
    readonly applied: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`executing statement ${JSON.stringify(statement)}: ${reason} (${applied} statement${applied === 1 ? "" : "s"} applied before it)`, options);
    this.name = "PlanExecutionError";
  }
}

/** Runs planned statements one by one, in order; stops at the first failure with PlanExecutionError. */
export async function executePlan(conn: Connection, statements: readonly PlannedStatement[]): Promise<void> {
  for (const [i, s] of statements.entries()) {
    try {
      await conn.exec(s.sql);
    } catch (e) {
      throw new PlanExecutionError(s.sql, i, (e as Error).message, { cause: e });
    }
  }
}

/** Whether changes drop every table of a schema that has tables (what `schema clean` does): then the name is asked for. */
export function dropsEveryTable(current: Schema, changes: readonly Change[]): boolean {
  const dropped = new Set(changes.flatMap((c) => (c.kind === "DropTable" ? [c.table.name] : [])));
  return current.tables.length > 0 && current.tables.every((t) => dropped.has(t.name));
}

/**
 * Prints a plan as Atlas does (`-- Planned Changes:`), then, unless a dry run, asks (confirmPlan: an abort fails the
 * command) and executes it; true when it ran.
 */
export async function showAndApply(conn: Connection, statements: readonly PlannedStatement[], opts: { autoApprove: boolean | undefined; command: string; dryRun?: boolean; dropsSchema?: string }): Promise<boolean> {
  process.stdout.write("-- Planned Changes:\n" + formatMigrationFile(statements));
  if (opts.dryRun) return false;
  await confirmPlan({ autoApprove: opts.autoApprove, command: opts.command, ...(opts.dropsSchema !== undefined ? { dropsSchema: opts.dropsSchema } : {}) });
  await executePlan(conn, statements);
  return true;
}
