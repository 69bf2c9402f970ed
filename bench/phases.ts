/**
 * `bun run bench:phases`: where a cold `stats-db diff` spends its time, phase by phase, at each size (the workspaces
 * of `bun run bench:growth`). Each run is a fresh process (bench/lib/phase-probe.ts), caches off; medians over the
 * runs. Two columns show what is not the tool's own work: "compile" is the first replay's excess over the same replay
 * run again in that process (code not yet compiled), and "stub module" is the import of the same entities module with
 * the DSL replaced by functions that return at once (the runtime parsing and running a module that size). Columns:
 * runtime (before the first line runs), imports (the diff command's modules), replay, entities (the module's import),
 * to schema (validation and normalisation), diff, their sum, compile, stub.
 *
 *   bun run bench:phases [--runs 7] [--sizes 300:100,3000:1000]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { col } from "../src/entities/index.ts";
import { writeWorkspace } from "./lib/history.ts";
import { median } from "./lib/median.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "7" },
    sizes: { type: "string", default: "300:100,3000:1000" },
  },
});
const PROBE = resolve(import.meta.dir, "lib", "phase-probe.ts");
const PHASES = ["runtime", "imports", "replay", "entities module", "entities to schema", "diff"] as const;

/** The workspace's entities module with its DSL import replaced by builders that build nothing. */
function writeStub(root: string): void {
  const source = readFileSync(join(root, "entities", "index.ts"), "utf8");
  const builders = Object.keys(col)
    .map((k) => `${k}: nothing`)
    .join(", ");
  const head = `const nothing = () => ({});\nconst col = { ${builders} };\nconst sql = nothing;\nconst table = nothing;\n`;
  writeFileSync(join(root, "entities", "stub.ts"), source.replace(/^import .*\n/, head));
}

function probe(root: string, ...extra: string[]): Record<string, number> {
  const r = spawnSync(process.execPath, [PROBE, root, ...extra], {
    encoding: "utf8",
    env: { ...process.env, STATS_DB_CACHE: "off" },
  });
  if (r.status !== 0) throw new Error(`phase probe failed (${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout) as Record<string, number>;
}

console.log(`load average ${loadavg()[0]!.toFixed(2)}; ${values.runs} runs per size, medians in ms`);
// Column heads, in PHASES order and then the sum and the two columns that are not the tool's own work.
const HEADS = ["tables", "runtime", "imports", "replay", "entities", "to schema", "diff", "sum", "compile", "stub"];
console.log(HEADS.map((h) => h.padStart(10)).join(""));
for (const size of values.sizes.split(",")) {
  const [tables, versions] = size.split(":").map(Number) as [number, number];
  const root = mkdtempSync(join(tmpdir(), "stats-db-bench-phases-"));
  try {
    await writeWorkspace(root, { tables, versions });
    writeStub(root);
    const runs = Array.from({ length: Number(values.runs) }, () => ({ ...probe(root), ...probe(root, "--stub") }));
    const m = (k: string) => median(runs.map((r) => r[k]!));
    const compile = median(runs.map((r) => r.replay! - r["replay again"]!));
    const sum = median(runs.map((r) => PHASES.reduce((s, p) => s + r[p]!, 0)));
    console.log(
      [tables, ...PHASES.map(m), sum, compile, m("stub module")].map((v) => v.toFixed(0).padStart(10)).join(""),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`load average ${loadavg()[0]!.toFixed(2)} at the end`);
