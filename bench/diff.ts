/**
 * `bun run bench`: wall time of `stats-db diff` from source on a 300-table × 20-column entities module against a
 * 100-file migration history (generated in a temp directory by the tool itself). Checks first that the history
 * replays to the entities exactly (the command reports them in sync), then times the command: median and min, cold
 * (replay cache off: every run replays the whole directory) and warm (the replay cache primed), with the load
 * average around each. Targets (issue 13): 150 ms cold, 80 ms warm. Uses hyperfine when installed, else process.hrtime around a spawn.
 *
 *   bun run bench [--runs 15] [--keep]
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { workspaceDiffArgs, writeWorkspace } from "./lib/history.ts";
import { COLUMNS, DEFAULT_SHAPE } from "./lib/entities-source.ts";

const TARGET_MS = { cold: 150, warm: 80 } as const;
const { values } = parseArgs({
  options: { runs: { type: "string", default: "15" }, keep: { type: "boolean", default: false } },
});
const runs = Number(values.runs);

const root = mkdtempSync(join(tmpdir(), "stats-db-bench-"));
try {
  const t0 = process.hrtime.bigint();
  await writeWorkspace(root);
  const files = readdirSync(join(root, "migrations")).filter((f) => f.endsWith(".sql")).length;
  console.log(
    `workspace: ${DEFAULT_SHAPE.tables} tables × ${COLUMNS} columns, ${files} migration files (${ms(t0).toFixed(0)} ms to generate) in ${root}`,
  );
  const args = workspaceDiffArgs(root);
  const cold = { ...process.env, STATS_DB_CACHE: "off" };
  const warm = { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: join(root, "replay-cache") };
  const check = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: cold });
  if (check.status !== 0 || !check.stdout.includes("synced")) {
    throw new Error(
      `the history does not replay to the entities (exit ${check.status}):\n${check.stdout}${check.stderr}`,
    );
  }
  for (const [label, env] of [
    ["cold", cold],
    ["warm", warm],
  ] as const) {
    const before = load();
    const times = hyperfine(args, runs, env) ?? spawnTimes(args, runs, env);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    console.log(
      `stats-db diff (from source, ${label}): median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms over ${times.length} runs ` +
        `(target ≤ ${TARGET_MS[label]} ms: ${median <= TARGET_MS[label] ? "met" : "NOT met"}; load average ${before} before, ${load()} after)`,
    );
  }
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}

/** The 1-minute load average, as uptime prints it. */
function load(): string {
  return loadavg()[0]!.toFixed(2);
}

function ms(since: bigint): number {
  return Number(process.hrtime.bigint() - since) / 1e6;
}

/** Wall times in ms of `runs` spawns (after one warm-up, which also primes the cache of a warm run). */
function spawnTimes(args: string[], n: number, env: NodeJS.ProcessEnv): number[] {
  spawnSync(process.execPath, args, { cwd: root, env });
  return Array.from({ length: n }, () => {
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, env });
    if (r.status !== 0) throw new Error(`diff exited ${r.status}: ${r.stderr}`);
    return ms(t);
  });
}

/** hyperfine's wall times in ms, or undefined when hyperfine is not installed. */
function hyperfine(args: string[], n: number, env: NodeJS.ProcessEnv): number[] | undefined {
  const which = spawnSync("hyperfine", ["--version"]);
  if (which.status !== 0) return undefined;
  const out = join(root, "hyperfine.json");
  const command = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const r = spawnSync("hyperfine", ["-N", "--warmup", "1", "--runs", String(n), "--export-json", out, command], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (r.status !== 0) throw new Error("hyperfine failed");
  const json = JSON.parse(readFileSync(out, "utf8")) as { results: { times: number[] }[] };
  return json.results[0]!.times.map((s) => s * 1000);
}
