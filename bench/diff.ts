/**
 * `bun run bench`: wall time of `stats-db diff` from source on a 300-table × 20-column entities module against a
 * 100-file migration history (generated in a temp directory by the tool itself). Checks first that the history
 * replays to the entities exactly (the command reports them in sync), then times the command: median and min, cold
 * (caches off: every run replays the whole directory and evaluates the entities), warm (the replay and entities caches
 * primed), grown (the caches as a diff that wrote the newest migration file left them: the replay resumes from the
 * directory without that file) and edited (a developer's loop: the replay cache primed, the entities module changed
 * before each run, so it is evaluated), with the load average around each. Targets (issue 13): 150 ms cold, 80 ms
 * warm; none for grown and edited.
 * Uses hyperfine when installed, else process.hrtime around a spawn.
 *
 *   bun run bench [--runs 15] [--keep]
 */
import { spawnSync } from "node:child_process";
import { appendFileSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { type Prepare, primeWithoutNewestFile, workspaceDiffArgs, writeWorkspace } from "./lib/history.ts";
import { COLUMNS, DEFAULT_SHAPE } from "./lib/entities-source.ts";

const TARGET_MS: Readonly<Record<string, number>> = { cold: 150, warm: 80 };
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
  // A comment line that differs on every run: a new text for the entities cache, the same schema.
  const entities = join(root, "entities", "index.ts");
  const edit: Prepare = {
    shell: `printf '// edit %s\\n' "$(date +%s%N)" >> '${entities}'`,
    run: () => editEntities(entities),
  };
  const grownCache = join(root, "grown-cache");
  const grown = { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: grownCache };
  const restore = primeWithoutNewestFile(root, args, join(root, "primed-cache"), grownCache);
  for (const [label, env, prepare] of [
    ["cold", cold, undefined],
    ["warm", warm, undefined],
    ["grown", grown, restore],
    ["edited", warm, edit],
  ] as const) {
    const before = load();
    const times = hyperfine(args, runs, env, prepare?.shell) ?? spawnTimes(args, runs, env, prepare?.run);
    const sorted = [...times].sort((a, b) => a - b);
    const median = sorted[Math.floor(sorted.length / 2)]!;
    const target = TARGET_MS[label];
    const verdict =
      target === undefined ? "no target" : `target ≤ ${target} ms: ${median <= target ? "met" : "NOT met"}`;
    console.log(
      `stats-db diff (from source, ${label}): median ${median.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms over ${times.length} runs ` +
        `(${verdict}; load average ${before} before, ${load()} after)`,
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

/** Appends a comment line that no earlier run saw to the entities module. */
function editEntities(path: string): void {
  appendFileSync(path, `// edit ${process.hrtime.bigint()}\n`);
}

/**
 * Wall times in ms of `runs` spawns (after one warm-up, which also primes the caches of a warm run); `prepare` runs
 * before each, untimed.
 */
function spawnTimes(args: string[], n: number, env: NodeJS.ProcessEnv, prepare?: () => void): number[] {
  spawnSync(process.execPath, args, { cwd: root, env });
  return Array.from({ length: n }, () => {
    prepare?.();
    const t = process.hrtime.bigint();
    const r = spawnSync(process.execPath, args, { cwd: root, env });
    if (r.status !== 0) throw new Error(`diff exited ${r.status}: ${r.stderr}`);
    return ms(t);
  });
}

/** hyperfine's wall times in ms (`prepare`: a shell command run before each, untimed), or undefined without hyperfine. */
function hyperfine(args: string[], n: number, env: NodeJS.ProcessEnv, prepare?: string): number[] | undefined {
  const which = spawnSync("hyperfine", ["--version"]);
  if (which.status !== 0) return undefined;
  const out = join(root, "hyperfine.json");
  const command = [process.execPath, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(" ");
  const options = [
    "--warmup",
    "1",
    "--runs",
    String(n),
    "--export-json",
    out,
    ...(prepare ? ["--prepare", prepare] : ["-N"]),
  ];
  const r = spawnSync("hyperfine", [...options, command], {
    cwd: root,
    stdio: "inherit",
    env,
  });
  if (r.status !== 0) throw new Error("hyperfine failed");
  const json = JSON.parse(readFileSync(out, "utf8")) as { results: { times: number[] }[] };
  return json.results[0]!.times.map((s) => s * 1000);
}
