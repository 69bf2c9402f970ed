/**
 * Runs the gate's suites and sums them up: per-suite counts, totals, and whether ≥ 95% of the cases pass.
 */
import { type CaseResult, type Mode, type Outcome, runCase } from "./roundtrip.ts";
import { loadSuite, type PeerCase, type SuiteName } from "./suites.ts";

/** The share of in-scope cases that must pass (documented differences, `known`, are left out of the count). */
export const GATE_RATIO = 0.95;

/** Counts of one suite (or the total). */
export interface Tally {
  readonly name: string;
  readonly counts: Readonly<Record<Outcome, number>>;
  readonly total: number;
}

/** The result of a gate run in one mode: every case, the tallies, and the verdict. */
export interface GateReport {
  readonly mode: Mode;
  readonly results: readonly CaseResult[];
  readonly tallies: readonly Tally[];
  readonly total: Tally;
  readonly passed: boolean;
}

/** Runs every in-gate case of the given suites in one mode, `parallel` at a time, and returns the report. */
export async function runGate(
  suites: readonly SuiteName[],
  mode: Mode,
  parallel = 4,
  only?: (c: PeerCase) => boolean,
): Promise<GateReport> {
  const cases = suites.flatMap((suite) => loadSuite(suite)).filter((c) => only?.(c) ?? true);
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(cases[i]!, mode);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const tallies = suites.map((suite) =>
    tally(
      suite,
      results.filter((r) => r.peerCase.suite === suite),
    ),
  );
  const total = tally("total", results);
  return { mode, results, tallies, total, passed: total.total > 0 && total.counts.pass >= GATE_RATIO * gated(total) };
}

/** The cases a tally's pass ratio is taken over: all but the documented differences. */
export function gated(t: Tally): number {
  return t.total - t.counts.known;
}

function tally(name: string, results: readonly CaseResult[]): Tally {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, unsupported: 0, known: 0 };
  for (const r of results) counts[r.outcome]++;
  return { name, counts, total: results.length };
}

/** The mode's title, the per-suite table, the totals and the gate line, as text. */
export function renderReport(report: GateReport): string {
  const row = (t: Tally): string => {
    const pct = gated(t) === 0 ? "-" : `${((100 * t.counts.pass) / gated(t)).toFixed(1)}%`;
    return [
      t.name.padEnd(8),
      ...[t.counts.pass, t.counts.fail, t.counts.unsupported, t.counts.known, t.total].map((n) =>
        String(n).padStart(6),
      ),
      pct.padStart(8),
    ].join(" ");
  };
  const header = [
    "suite".padEnd(8),
    ..."pass fail unsup known cases".split(" ").map((h) => h.padStart(6)),
    "passed".padStart(8),
  ].join(" ");
  const verdict = `gate (≥ ${GATE_RATIO * 100}% of cases − known pass): ${report.passed ? "PASSED" : "FAILED"}`;
  return [`mode: ${report.mode}`, header, ...report.tallies.map(row), row(report.total), verdict].join("\n");
}

/** One line (or block) per case that did not pass. */
export function renderFailures(report: GateReport, withPlan: boolean): string {
  return report.results
    .filter((r) => r.outcome !== "pass")
    .map(
      (r) =>
        `${r.outcome.toUpperCase()} [${report.mode}] ${r.peerCase.suite}:${r.peerCase.id}\n  ${r.detail.replaceAll("\n", "\n  ")}${withPlan && r.plan ? `\n  --- plan ---\n  ${r.plan.trimEnd().replaceAll("\n", "\n  ")}` : ""}`,
    )
    .join("\n");
}
