/**
 * `bun run bench:peers`: stats-db `diff` beside drizzle-kit `generate` on the same schema (300 tables × 20 columns,
 * bench/lib) with the same one change (a column added to t0), in one run, so the ratio holds on a noisy machine.
 * drizzle-kit is installed from the npm registry into a temporary directory (never into the project). stats-db replays
 * its 100-file history (cold: caches off; warm: the replay and entities caches primed) and prints the file (`--dry-run`); drizzle-kit
 * diffs its JSON snapshot and writes a migration, so its directory is restored before each run (untimed). The runs
 * alternate (stats-db cold, stats-db warm, drizzle-kit, …); each ratio is the median of the per-round ratios.
 *
 *   bun run bench:peers [--runs 7] [--keep]
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { drizzleSource } from "./lib/drizzle-source.ts";
import { writeWorkspace } from "./lib/history.ts";
import { median } from "./lib/median.ts";

const DRIZZLE_KIT = "drizzle-kit@0.31.11";
const DRIZZLE_ORM = "drizzle-orm@0.45.4";
const { values } = parseArgs({
  options: { runs: { type: "string", default: "7" }, keep: { type: "boolean", default: false } },
});
const runs = Number(values.runs);
const main = resolve(import.meta.dir, "..", "src", "cli", "main.ts");
const root = mkdtempSync(join(tmpdir(), "stats-db-peers-"));

/** Runs a command, throws with its output when it fails; returns its stdout and wall time in ms. */
function run(cmd: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const t = performance.now();
  const r = spawnSync(cmd, args, { cwd, env, encoding: "utf8", maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(" ")} exited ${r.status}:\n${r.stdout}${r.stderr}`);
  return { stdout: r.stdout, ms };
}

try {
  const peer = join(root, "drizzle");
  mkdirSync(peer);
  writeFileSync(join(peer, "package.json"), `{ "name": "peer", "private": true }\n`);
  console.log(`installing ${DRIZZLE_KIT} ${DRIZZLE_ORM} into ${peer} (npm registry)`);
  run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error", DRIZZLE_KIT, DRIZZLE_ORM], peer);
  const kit = join(peer, "node_modules", "drizzle-kit", "bin.cjs");
  const generate = ["generate", "--dialect=mysql", "--schema=./schema.ts", "--out=./out"];

  const stats = join(root, "stats");
  await writeWorkspace(stats);
  const entities = join(stats, "entities", "index.ts");
  const text = readFileSync(entities, "utf8");
  const t0End = text.indexOf("}, { primaryKey");
  writeFileSync(
    entities,
    `${text.slice(0, t0End)}  extra2: col.varchar(32, { nullable: true }),\n${text.slice(t0End)}`,
  );

  // drizzle-kit's baseline: the same schema without the change, generated once (its snapshot is its "history").
  writeFileSync(join(peer, "schema.ts"), drizzleSource());
  run(process.env.NODE ?? "node", [kit, ...generate], peer);
  cpSync(join(peer, "out"), join(peer, "out.base"), { recursive: true });
  writeFileSync(join(peer, "schema.ts"), drizzleSource(`extra2: varchar("extra2", { length: 32 })`));

  const args = [
    main,
    "diff",
    "--dry-run",
    "--dir",
    `file://${join(stats, "migrations")}`,
    "--to",
    `file://${entities}`,
  ];
  const cold = { ...process.env, STATS_DB_CACHE: "off" };
  const warm = { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: join(root, "replay-cache") };
  const drizzleRun = () => {
    rmSync(join(peer, "out"), { recursive: true, force: true });
    cpSync(join(peer, "out.base"), join(peer, "out"), { recursive: true });
    const r = run(process.env.NODE ?? "node", [kit, ...generate], peer);
    const files = readdirSync(join(peer, "out")).filter((f) => f.endsWith(".sql"));
    if (files.length !== 2 || !readFileSync(join(peer, "out", files.sort()[1]!), "utf8").includes("extra2"))
      throw new Error(`drizzle-kit did not write the change:\n${r.stdout}`);
    return r.ms;
  };
  const statsRun = (env: NodeJS.ProcessEnv) => {
    const r = run(process.execPath, args, stats, env);
    if (!r.stdout.includes("`extra2`")) throw new Error(`stats-db diff did not plan the change:\n${r.stdout}`);
    return r.ms;
  };
  statsRun(cold);
  statsRun(warm);
  drizzleRun();
  const rounds = Array.from({ length: runs }, () => ({
    cold: statsRun(cold),
    warm: statsRun(warm),
    drizzle: drizzleRun(),
  }));
  const load = loadavg()[0]!.toFixed(2);
  console.log(`300 tables × 20 columns, one column added; ${runs} rounds after one warm-up; load average ${load}`);
  console.log(`stats-db diff, cold (replays 100 files): median ${median(rounds.map((r) => r.cold)).toFixed(0)} ms`);
  console.log(`stats-db diff, warm (caches primed):     median ${median(rounds.map((r) => r.warm)).toFixed(0)} ms`);
  console.log(`drizzle-kit generate (JSON snapshot):    median ${median(rounds.map((r) => r.drizzle)).toFixed(0)} ms`);
  console.log(
    `ratio stats-db / drizzle-kit: cold ${median(rounds.map((r) => r.cold / r.drizzle)).toFixed(2)}, ` +
      `warm ${median(rounds.map((r) => r.warm / r.drizzle)).toFixed(2)} (target ≤ 0.15)`,
  );
} finally {
  if (values.keep) console.log(`kept ${root}`);
  else rmSync(root, { recursive: true, force: true });
}
