/**
 * Runs the gate's suites and sums them up: per-suite counts, totals, and whether ≥ 95% of the cases pass.
 */
import { type CaseResult, type Outcome, runCase } from "./roundtrip.ts";
import { loadSuite, type PeerCase, type SuiteName } from "./suites.ts";

/** The share of in-scope cases that must pass. */
export const GATE_RATIO = 0.95;

/** Counts of one suite (or the total). */
export interface Tally {
  readonly name: string;
  readonly counts: Readonly<Record<Outcome, number>>;
  readonly total: number;
}

/** The result of a gate run: every case, the tallies, and the verdict. */
export interface GateReport {
  readonly results: readonly CaseResult[];
  readonly tallies: readonly Tally[];
  readonly total: Tally;
  readonly passed: boolean;
}

/** Runs every in-gate case of the given suites, `parallel` at a time, and returns the report. */
export async function runGate(suites: readonly SuiteName[], parallel = 4, only?: (c: PeerCase) => boolean): Promise<GateReport> {
  const cases = suites.flatMap((suite) => loadSuite(suite)).filter((c) => only?.(c) ?? true);
  const results: CaseResult[] = new Array(cases.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < cases.length) {
      const i = next++;
      results[i] = await runCase(cases[i]!);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const tallies = suites.map((suite) => tally(suite, results.filter((r) => r.peerCase.suite === suite)));
  const total = tally("total", results);
  return { results, tallies, total, passed: total.total > 0 && total.counts.pass >= GATE_RATIO * total.total };
}

function tally(name: string, results: readonly CaseResult[]): Tally {
  const counts: Record<Outcome, number> = { pass: 0, fail: 0, unsupported: 0 };
  for (const r of results) counts[r.outcome]++;
  return { name, counts, total: results.length };
}

/** The per-suite table, the totals and the gate line, as text. */
export function renderReport(report: GateReport): string {
  const row = (t: Tally): string => {
    const pct = t.total === 0 ? "-" : `${((100 * t.counts.pass) / t.total).toFixed(1)}%`;
    return [t.name.padEnd(8), ...[t.counts.pass, t.counts.fail, t.counts.unsupported, t.total].map((n) => String(n).padStart(6)), pct.padStart(8)].join(" ");
  };
  const header = ["suite".padEnd(8), ..."pass fail unsup cases".split(" ").map((h) => h.padStart(6)), "passed".padStart(8)].join(" ");
  const verdict = `gate (≥ ${GATE_RATIO * 100}% pass): ${report.passed ? "PASSED" : "FAILED"}`;
  return [header, ...report.tallies.map(row), row(report.total), verdict].join("\n");
}

/** One line (or block) per case that did not pass. */
export function renderFailures(report: GateReport, withPlan: boolean): string {
  return report.results
    .filter((r) => r.outcome !== "pass")
    .map((r) => `${r.outcome.toUpperCase()} ${r.peerCase.suite}:${r.peerCase.id}\n  ${r.detail.replaceAll("\n", "\n  ")}${withPlan && r.plan ? `\n  --- plan ---\n  ${r.plan.trimEnd().replaceAll("\n", "\n  ")}` : ""}`)
    .join("\n");
}
