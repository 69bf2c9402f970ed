/**
 * One peer case through the round trip on a real server: load current into A and desired into B, plan the diff, run
 * it on A, compare SHOW CREATE TABLE and the views, triggers, events and routines of A and B, and check that a second
 * diff is empty. In memory mode A and B are
 * replayed from the SQL offline (this file); in live mode they are inspected from the databases (roundtrip-live.ts).
 */
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { plan, type PlannedStatement } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { loadSql, showCreateTables } from "../support/server-tables.ts";
import { isTypedToolError } from "./classify-error.ts";
import { runLiveCase } from "./roundtrip-live.ts";
import { compareTables, errorLine, runPlan } from "./server-steps.ts";
import { compareObjects, showObjects } from "./server-objects.ts";
import type { PeerCase } from "./suites.ts";

/**
 * The outcome of one case: pass, fail (a wrong or failing plan, or a crash), unsupported (a typed, clear error), or
 * known (live mode only: a documented difference, see live-differences.ts).
 */
export type Outcome = "pass" | "fail" | "unsupported" | "known";

/** A case's outcome with a one-paragraph reason when it did not pass. */
export interface CaseResult {
  readonly peerCase: PeerCase;
  readonly outcome: Outcome;
  readonly detail: string;
  /** The planned SQL, when planning got that far. */
  readonly plan: string;
}

/** How a case builds A and B: replayed in memory (`memory`) or inspected from the loaded databases (`live`). */
export type Mode = "memory" | "live";

/** Runs one case in the given mode; never throws for the case's own problems (they become a result). */
export async function runCase(peerCase: PeerCase, mode: Mode): Promise<CaseResult> {
  return mode === "live" ? runLiveCase(peerCase) : runMemoryCase(peerCase);
}

async function runMemoryCase(peerCase: PeerCase): Promise<CaseResult> {
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
      if (serverDetail !== "") return;
      serverDetail = compareObjects(await showObjects(a.conn), await showObjects(b.conn));
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
