/**
 * The peer-suite gate inside `bun test`, in both modes (A and B replayed in memory, and inspected from the loaded
 * databases): the 236 sqldef cases must reach today's floor (SQLDEF_FLOOR; the goal is SQLDEF_TARGET, 231), the Atlas
 * and Skeema in-gate cases ≥ 95%, and no case may fail by crashing instead of a typed error. Only the live mode may
 * report documented differences (`known`). `bun run test:peer` runs the same gates with a per-case report.
 */
import { expect, test } from "bun:test";
import { GATE_RATIO, gated, renderFailures, renderReport, runGate, SQLDEF_CASES, SQLDEF_FLOOR } from "./gate.ts";
import type { Mode } from "./roundtrip.ts";
import { sharedSet } from "../support/shared.ts";
import { peerSuitesDir } from "./suites.ts";

const modes: Mode[] = ["memory", "live"];

if (sharedSet("peer suites", peerSuitesDir) !== undefined)
  test.each(modes)(
    "peer suites (%s): the sqldef cases reach the floor, the Atlas and Skeema cases ≥ 95%",
    async (mode) => {
      const report = await runGate(["atlas", "skeema", "sqldef"], mode);
      const summary = `${renderReport(report)}\n${renderFailures(report, false)}`;
      console.log(renderReport(report));
      const tally = (name: string) => report.tallies.find((t) => t.name === name)!;
      expect(tally("sqldef").total, "the sqldef suite holds its 236 gate cases").toBe(SQLDEF_CASES);
      expect(report.total.total, "the suites hold their in-gate cases").toBe(SQLDEF_CASES + 46 + 14);
      expect(tally("sqldef").counts.pass, summary).toBeGreaterThanOrEqual(SQLDEF_FLOOR[mode]);
      const others = ["atlas", "skeema"].map(tally);
      const pass = others.reduce((n, t) => n + t.counts.pass, 0);
      expect(pass / others.reduce((n, t) => n + gated(t), 0), summary).toBeGreaterThanOrEqual(GATE_RATIO);
      expect(report.passed, summary).toBe(true);
      const crashes = report.results.filter((r) => r.outcome === "fail" && r.plan === "");
      expect(crashes.map((r) => `${r.peerCase.suite}:${r.peerCase.id}: ${r.detail}`)).toEqual([]);
      const known = report.results
        .filter((r) => r.outcome === "known")
        .map((r) => `${r.peerCase.suite}:${r.peerCase.id}`);
      if (mode === "memory") expect(known).toEqual([]);
      else expect(known.length, "documented differences stay few").toBeLessThanOrEqual(10);
    },
    600_000,
  );
