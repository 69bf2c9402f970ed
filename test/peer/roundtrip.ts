/**
 * One peer case through the round trip on a real server: load current into A and desired into B, plan the diff
 * computed offline, run it on A, compare SHOW CREATE TABLE of A and B, and check that a second diff is empty.
 */
import type { Connection } from "mysql2/promise";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { plan, type PlannedStatement } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { loadSql, showCreateTables } from "../support/server-tables.ts";
import { isTypedToolError } from "./classify-error.ts";
import type { PeerCase } from "./suites.ts";

/** The outcome of one case: pass, fail (a wrong or failing plan, or a crash), or unsupported (a typed, clear error). */
export type Outcome = "pass" | "fail" | "unsupported";

/** A case's outcome with a one-paragraph reason when it did not pass. */
export interface CaseResult {
  readonly peerCase: PeerCase;
  readonly outcome: Outcome;
  readonly detail: string;
  /** The planned SQL, when planning got that far. */
  readonly plan: string;
}

/** Runs one case; never throws for the case's own problems (they become a result). */
export async function runCase(peerCase: PeerCase): Promise<CaseResult> {
  let statements: PlannedStatement[];
  try {
    const current = replaySql(peerCase.current, mariadb, undefined, "current");
    const desired = replaySql(peerCase.desired, mariadb, undefined, "desired");
    statements = plan(diff(current, desired), mariadb, { current });
  } catch (error) {
    const outcome = isTypedToolError(error) ? "unsupported" : "fail";
    return { peerCase, outcome, detail: errorLine(error), plan: "" };
  }
  const planSql = statements.map((s) => `${s.sql};\n`).join("");
  const result = (outcome: Outcome, detail: string): CaseResult => ({ peerCase, outcome, detail, plan: planSql });
  let serverDetail = "";
  await withTestDatabase(async (a) => {
    await withTestDatabase(async (b) => {
      await loadSql(a.conn, peerCase.current);
      await loadSql(b.conn, peerCase.desired);
      serverDetail = await runPlan(a.conn, statements);
      if (serverDetail !== "") return;
      serverDetail = compareTables(await showCreateTables(a.conn), await showCreateTables(b.conn));
    });
  });
  if (serverDetail !== "") return result("fail", serverDetail);
  return result(...secondDiff(peerCase, planSql));
}

function secondDiff(peerCase: PeerCase, planSql: string): [Outcome, string] {
  try {
    const replayed = replaySql(`${peerCase.current}\n${planSql}`, mariadb, undefined, "current + plan");
    const left = diff(replayed, replaySql(peerCase.desired, mariadb, undefined, "desired"));
    return left.length === 0 ? ["pass", ""] : ["fail", `second diff not empty: ${JSON.stringify(left).slice(0, 400)}`];
  } catch (error) {
    return ["fail", `replaying current + plan: ${errorLine(error)}`];
  }
}

/** Runs the plan; returns "" or the first failing statement with the server's message. */
async function runPlan(conn: Connection, statements: readonly PlannedStatement[]): Promise<string> {
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
function compareTables(a: Map<string, string>, b: Map<string, string>): string {
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

function errorLine(error: unknown): string {
  const e = error as Error;
  return `${e?.name ?? "Error"}: ${e?.message ?? String(error)}`.split("\n")[0]!;
}
