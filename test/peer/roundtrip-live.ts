/**
 * The live mode of a peer case: load current into A and desired into B, inspect both, plan the diff exactly as
 * `stats-db schema diff --from <A url> --to <B url>` does (the CLI's inspectUrl, `diff`, `plan` with A's server
 * flavour and A as the current state), run it on A, compare SHOW CREATE TABLE and the views, triggers, events and
 * routines of A and B (server-objects.ts), then inspect A again: a second diff against B must be empty. Tables that
 * differ only in what information_schema cannot show make the case `known` (live-differences.ts); a difference only in
 * objects the inspections reported as "not managed" makes it `unsupported`.
 */
import { inspectUrl } from "../../src/project/live-source.ts";
import type { Inspection } from "../../src/mysql/inspect.ts";
import { plan, type PlannedStatement } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { type TestDatabase, withTestDatabase } from "../support/mariadb.ts";
import { loadSql, showCreateTables } from "../support/server-tables.ts";
import { isTypedToolError } from "./classify-error.ts";
import type { CaseResult, Outcome } from "./roundtrip.ts";
import { compareTables, errorLine, runPlan } from "./server-steps.ts";
import type { PeerCase } from "./suites.ts";
import { KNOWN_DIFFERENCE, withoutInvisibleIndexWords } from "./live-differences.ts";
import { compareObjects, differingObjects, showObjects } from "./server-objects.ts";
import { unmanagedObjects } from "../../src/schema/unmanaged.ts";

/** The statements `schema diff --from <from> --to <to>` prints for two inspected databases. */
export function livePlan(from: Inspection, to: Inspection): PlannedStatement[] {
  return plan(diff(from.schema, to.schema), from.flavor, { current: from.schema });
}

/** Runs one case in live mode; never throws for the case's own problems (they become a result). */
export async function runLiveCase(peerCase: PeerCase): Promise<CaseResult> {
  let result: CaseResult | undefined;
  await withTestDatabase(async (a) => {
    await withTestDatabase(async (b) => {
      await loadSql(a.conn, peerCase.current);
      await loadSql(b.conn, peerCase.desired);
      result = await roundTrip(peerCase, a, b);
    });
  });
  return result!;
}

async function roundTrip(peerCase: PeerCase, a: TestDatabase, b: TestDatabase): Promise<CaseResult> {
  let to: Inspection;
  let from: Inspection;
  let statements: PlannedStatement[];
  try {
    to = await inspectUrl(b.url);
    from = await inspectUrl(a.url);
    statements = livePlan(from, to);
  } catch (error) {
    return { peerCase, outcome: isTypedToolError(error) ? "unsupported" : "fail", detail: errorLine(error), plan: "" };
  }
  const planSql = statements.map((s) => `${s.sql};\n`).join("");
  const result = (outcome: Outcome, detail: string): CaseResult => ({ peerCase, outcome, detail, plan: planSql });
  const ran = await runPlan(a.conn, statements);
  if (ran !== "") return result("fail", ran);
  const after = await showCreateTables(a.conn);
  const desired = await showCreateTables(b.conn);
  const tables = compareTables(after, desired);
  const known =
    tables !== "" &&
    compareTables(mapValues(after, withoutInvisibleIndexWords), mapValues(desired, withoutInvisibleIndexWords)) === "";
  const unmanaged = unmanagedObjects(from.schema, to.schema);
  if (tables !== "" && !known) return result("fail", tables);
  const objectsAfter = await showObjects(a.conn);
  const objectsDesired = await showObjects(b.conn);
  const objects = compareObjects(objectsAfter, objectsDesired);
  if (objects !== "") {
    // Reported by the tool as "not managed": a clear limit, not a silent wrong plan.
    const names = new Set(unmanaged.map((o) => `${o.kind} ${o.name}`));
    const differing = differingObjects(objectsAfter, objectsDesired);
    return differing.every((key) => names.has(key))
      ? result("unsupported", differing.map((key) => `not managed: ${key}`).join("; "))
      : result("fail", objects);
  }
  try {
    const left = diff((await inspectUrl(a.url)).schema, to.schema);
    if (left.length > 0) return result("fail", `second diff not empty: ${JSON.stringify(left).slice(0, 400)}`);
    return known ? result("known", KNOWN_DIFFERENCE) : result("pass", "");
  } catch (error) {
    return result("fail", `inspecting A after the plan: ${errorLine(error)}`);
  }
}

function mapValues(map: Map<string, string>, fn: (text: string) => string): Map<string, string> {
  return new Map([...map].map(([k, v]) => [k, fn(v)]));
}
