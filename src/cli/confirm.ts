/**
 * The plan and the "Are you sure?" step of `schema apply` and `schema clean`: Atlas's Apply/Abort choice on a
 * terminal, a refusal without one (a script must say --auto-approve).
 */
import process from "node:process";
import { consola } from "consola";
import type { Connection } from "../db/connect.ts";
import { formatMigrationFile } from "../migrate/name.ts";
import type { PlannedStatement } from "../mysql/plan.ts";
import { UsageError } from "./errors.ts";
import { executePlan } from "./live-source.ts";

/** True when the user chose Apply; without --auto-approve and without a terminal, refuses with a UsageError. */
export async function confirmApply(autoApprove: boolean | undefined, command: string): Promise<boolean> {
  if (autoApprove) return true;
  if (process.stdin.isTTY !== true) throw new UsageError(`${command} needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking`);
  const answer = await consola.prompt("Are you sure?", { type: "select", options: ["Apply", "Abort"], cancel: "reject" });
  return answer === "Apply";
}

/** Prints a plan as Atlas does (`-- Planned Changes:`), then, unless a dry run or the user aborts, executes it; true when it ran. */
export async function showAndApply(conn: Connection, statements: readonly PlannedStatement[], opts: { autoApprove: boolean | undefined; command: string; dryRun?: boolean }): Promise<boolean> {
  process.stdout.write("-- Planned Changes:\n" + formatMigrationFile(statements));
  if (opts.dryRun || !(await confirmApply(opts.autoApprove, opts.command))) return false;
  await executePlan(conn, statements);
  return true;
}
