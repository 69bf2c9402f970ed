/**
 * The peer-suite gate inside `bun test`: every in-gate case of the Atlas, Skeema and sqldef suites (the whole run
 * takes ~10 s on the private MariaDB), ≥ 95% must pass, and no case may fail by crashing instead of a typed error.
 * `bun run test:peer` runs the same gate with a per-case report.
 */
import { expect, test } from "bun:test";
import { GATE_RATIO, renderFailures, renderReport, runGate } from "./gate.ts";

test("peer suites: ≥ 95% of the in-scope cases round-trip on MariaDB", async () => {
  const report = await runGate(["atlas", "skeema", "sqldef"]);
  const summary = `${renderReport(report)}\n${renderFailures(report, false)}`;
  expect(report.total.total, "the suites hold their in-gate cases").toBe(249);
  expect(report.total.counts.pass / report.total.total, summary).toBeGreaterThanOrEqual(GATE_RATIO);
  const crashes = report.results.filter((r) => r.outcome === "fail" && r.plan === "");
  expect(crashes.map((r) => `${r.peerCase.suite}:${r.peerCase.id}: ${r.detail}`)).toEqual([]);
}, 180_000);
