/**
 * The server-side steps both peer modes share: run a plan on a database, compare two sets of SHOW CREATE TABLE texts,
 * and turn an error into one line.
 */
import type { Connection } from "mysql2/promise";
import type { PlannedStatement } from "../../src/mysql/plan.ts";

/** Runs the plan; returns "" or the first failing statement with the server's message. */
export async function runPlan(conn: Connection, statements: readonly PlannedStatement[]): Promise<string> {
  for (const [i, statement] of statements.entries()) {
    try {
      await conn.query(statement.sql);
    } catch (error) {
      return `planned statement ${i + 1} failed: ${errorLine(error)}: ${statement.sql}`;
    }
  }
  return "";
}

/** "" when both sides show the same tables, else the first difference. */
export function compareTables(a: Map<string, string>, b: Map<string, string>): string {
  const names = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const name of names) {
    const left = a.get(name);
    const right = b.get(name);
    if (left === right) continue;
    if (left === undefined) return `table ${name} missing after the plan`;
    if (right === undefined) return `table ${name} left over after the plan`;
    return `table ${name} differs:\n--- after plan ---\n${left}\n--- desired ---\n${right}`;
  }
  return "";
}

/** The error's name and the first line of its message. */
export function errorLine(error: unknown): string {
  const e = error as Error;
  return `${e?.name ?? "Error"}: ${e?.message ?? String(error)}`.split("\n")[0]!;
}
