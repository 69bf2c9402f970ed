/**
 * The peer-suite gate inside `bun test`, in both modes (A and B replayed in memory, and inspected from the loaded
 * databases): every in-gate case of the Atlas, Skeema and sqldef suites, ≥ 95% must pass in each mode, and no case may
 * fail by crashing instead of a typed error. Only the live mode may report documented differences (`known`).
 * `bun run test:peer` runs the same gates with a per-case report.
 */
import { expect, test } from "bun:test";
import { GATE_RATIO, gated, renderFailures, renderReport, runGate } from "./gate.ts";
import type { Mode } from "./roundtrip.ts";
import { sharedSet } from "../support/shared.ts";
import { peerSuitesDir } from "./suites.ts";

const modes: Mode[] = ["memory", "live"];

if (sharedSet("peer suites", peerSuitesDir) !== undefined)
  test.each(modes)(
    "peer suites (%s): ≥ 95% of the in-scope cases round-trip on MariaDB",
    async (mode) => {
      const report = await runGate(["atlas", "skeema", "sqldef"], mode);
      const summary = `${renderReport(report)}\n${renderFailures(report, false)}`;
      expect(report.total.total, "the suites hold their in-gate cases").toBe(249);
      expect(report.total.counts.pass / gated(report.total), summary).toBeGreaterThanOrEqual(GATE_RATIO);
      const crashes = report.results.filter((r) => r.outcome === "fail" && r.plan === "");
      expect(crashes.map((r) => `${r.peerCase.suite}:${r.peerCase.id}: ${r.detail}`)).toEqual([]);
      const known = report.results
        .filter((r) => r.outcome === "known")
        .map((r) => `${r.peerCase.suite}:${r.peerCase.id}`);
      if (mode === "memory") expect(known).toEqual([]);
      else expect(known.length, "documented differences stay few").toBeLessThanOrEqual(10);
    },
    180_000,
  );
