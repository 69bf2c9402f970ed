/**
 * `bun run test:peer`: the peer-suite gate. Runs every in-gate case of the sqldef, Atlas and Skeema suites on a real
 * server (a private MariaDB, or STATS_DB_TEST_URL), prints one line per case, the reasons of the cases that did not
 * pass, a per-suite table, a per-topic table of the sqldef cases, totals and the gate; exits 1 below the gate.
 *
 * Two modes, each with its own table and gate: `memory` (A and B replayed from the SQL offline) and `live` (A and B
 * inspected from the loaded databases, planned as `schema diff --from <A url> --to <B url>` does). Both by default.
 *
 * Flags: `--mode memory|live` (repeatable), `--suite sqldef|atlas|skeema` (repeatable), `--case <substring of id>`,
 * `--plan` (print plans of failures), `--quiet` (tables only), `--parallel N`, `--json FILE` (every case's outcome and
 * reason, per mode, for scripts).
 */
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { renderCases, renderFailures, renderReport, runGate } from "./gate.ts";
import type { Mode } from "./roundtrip.ts";
import type { SuiteName } from "./suites.ts";

const { values } = parseArgs({
  options: {
    mode: { type: "string", multiple: true },
    suite: { type: "string", multiple: true },
    case: { type: "string" },
    plan: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    parallel: { type: "string", default: "4" },
    json: { type: "string" },
  },
});

const allSuites: SuiteName[] = ["sqldef", "atlas", "skeema"];
const suites = (values.suite ?? allSuites) as SuiteName[];
for (const s of suites)
  if (!allSuites.includes(s)) throw new Error(`unknown suite ${s}; one of ${allSuites.join(", ")}`);
const allModes: Mode[] = ["memory", "live"];
const modes = (values.mode ?? allModes) as Mode[];
for (const m of modes) if (!allModes.includes(m)) throw new Error(`unknown mode ${m}; one of ${allModes.join(", ")}`);

const only = values.case === undefined ? undefined : (c: { id: string }) => c.id.includes(values.case!);
let passed = true;
const outcomes: Record<string, unknown>[] = [];
for (const mode of modes) {
  const started = process.hrtime.bigint();
  const report = await runGate(suites, mode, Number(values.parallel), only);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!values.quiet) {
    console.log(`${renderCases(report)}\n`);
    const failures = renderFailures(report, values.plan);
    if (failures) console.log(`${failures}\n`);
  }
  console.log(renderReport(report));
  console.log(`(${report.total.total} cases in ${seconds.toFixed(1)} s)\n`);
  passed &&= report.passed;
  for (const r of report.results)
    outcomes.push({ mode, suite: r.peerCase.suite, id: r.peerCase.id, outcome: r.outcome, detail: r.detail });
}
if (values.json) writeFileSync(values.json, `${JSON.stringify(outcomes, null, 1)}\n`);
process.exit(passed ? 0 : 1);
