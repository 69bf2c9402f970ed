/**
 * `bun run test:peer`: the peer-suite gate. Runs every in-gate case of the sqldef, Atlas and Skeema suites on a real
 * server (a private MariaDB, or STATS_DB_TEST_URL), prints the cases that did not pass, a per-suite table, totals and
 * the gate; exits 1 below the gate.
 *
 * Two modes, each with its own table and gate: `memory` (A and B replayed from the SQL offline) and `live` (A and B
 * inspected from the loaded databases, planned as `schema diff --from <A url> --to <B url>` does). Both by default.
 *
 * Flags: `--mode memory|live` (repeatable), `--suite sqldef|atlas|skeema` (repeatable), `--case <substring of id>`,
 * `--plan` (print plans of failures), `--quiet` (tables only), `--parallel N`.
 */
import { parseArgs } from "node:util";
import { renderFailures, renderReport, runGate } from "./gate.ts";
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
for (const mode of modes) {
  const started = process.hrtime.bigint();
  const report = await runGate(suites, mode, Number(values.parallel), only);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  if (!values.quiet) {
    const failures = renderFailures(report, values.plan);
    if (failures) console.log(`${failures}\n`);
  }
  console.log(renderReport(report));
  console.log(`(${report.total.total} cases in ${seconds.toFixed(1)} s)\n`);
  passed &&= report.passed;
}
process.exit(passed ? 0 : 1);
