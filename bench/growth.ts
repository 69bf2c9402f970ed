/**
 * `bun run bench:growth`: how `stats-db diff` (from source) grows with the schema: 100 / 300 / 1,000 / 3,000 tables
 * with histories of 30 / 100 / 300 / 1,000 migration files (bench/lib: the same table shape as `bun run bench`). For
 * each size: the history is checked to replay to the entities, then the command runs cold (caches off), warm (caches
 * primed) and grown (the caches as a diff that wrote the newest file left them: the replay resumes); prints the
 * median wall time, the largest peak memory (the process's max RSS) and the time per table, so the curve's shape
 * shows. Target at 3,000 tables: cold under 1 s and 250 MB.
 *
 *   bun run bench:growth [--runs 3] [--sizes 100:30,300:100,1000:300,3000:1000]
 */
import { mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import type { Shape } from "./lib/entities-source.ts";
import { primeWithoutNewestFile, workspaceDiffArgs, writeWorkspace } from "./lib/history.ts";

const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    sizes: { type: "string", default: "100:30,300:100,1000:300,3000:1000" },
  },
});
const runs = Number(values.runs);
const shapes: Shape[] = values.sizes.split(",").map((s) => {
  const [tables, versions] = s.split(":").map(Number);
  return { tables: tables!, versions: versions! };
});
const PEAK = resolve(import.meta.dir, "lib", "peak.ts");

interface Figures {
  readonly medianMs: number;
  readonly peakMb: number;
}

/**
 * Runs the command `runs` times after one warm-up run, each through bench/lib/peak.ts (`prepare` before each,
 * untimed): median wall, largest peak.
 */
function measure(args: string[], cwd: string, env: Record<string, string | undefined>, prepare?: () => void): Figures {
  const once = () => {
    prepare?.();
    const r = Bun.spawnSync([process.execPath, PEAK, process.execPath, ...args], { cwd, env, stdout: "pipe" });
    const run = JSON.parse(r.stdout.toString()) as { exit: number; ms: number; maxRssBytes: number; stdout: string };
    if (run.exit !== 0 || !run.stdout.includes("synced"))
      throw new Error(`diff did not report the history in sync (exit ${run.exit}): ${r.stdout}`);
    return run;
  };
  once();
  const all = Array.from({ length: runs }, once);
  const times = all.map((r) => r.ms).sort((a, b) => a - b);
  return {
    medianMs: times[Math.floor(times.length / 2)]!,
    peakMb: Math.max(...all.map((r) => r.maxRssBytes)) / 2 ** 20,
  };
}

console.log(`load average ${loadavg()[0]!.toFixed(2)}; ${runs} runs per figure after one warm-up`);
console.log("tables  files   cold ms  cold MB   warm ms  warm MB  grown ms   cold ms/table  generate s");
for (const shape of shapes) {
  const root = mkdtempSync(join(tmpdir(), "stats-db-growth-"));
  try {
    const t0 = performance.now();
    await writeWorkspace(root, shape);
    const generated = (performance.now() - t0) / 1000;
    const args = workspaceDiffArgs(root);
    const cold = measure(args, root, { ...process.env, STATS_DB_CACHE: "off" });
    const cacheDir = join(root, "replay-cache");
    const warm = measure(args, root, { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: cacheDir });
    const grownDir = join(root, "grown-cache");
    const restore = primeWithoutNewestFile(root, args, join(root, "primed-cache"), grownDir);
    const grown = measure(
      args,
      root,
      { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: grownDir },
      restore.run,
    );
    console.log(
      [
        String(shape.tables).padStart(6),
        String(shape.versions).padStart(6),
        cold.medianMs.toFixed(0).padStart(9),
        cold.peakMb.toFixed(0).padStart(8),
        warm.medianMs.toFixed(0).padStart(9),
        warm.peakMb.toFixed(0).padStart(8),
        grown.medianMs.toFixed(0).padStart(9),
        (cold.medianMs / shape.tables).toFixed(2).padStart(15),
        generated.toFixed(1).padStart(11),
      ].join(" "),
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
console.log(`load average ${loadavg()[0]!.toFixed(2)} at the end (figures taken under load are not comparable)`);
