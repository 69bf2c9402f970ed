/**
 * Start-up of the compiled binary: size, `--version`, `version` (verifies the embedded atlas.sum) and `migrate status`
 * against a local server, after the floor (a binary of the same Bun that only prints). Targets (issue 13): start-up at
 * most 30 ms, `migrate status` at most 100 ms.
 *
 *   bun run bench:startup [--binary dist/stats-db] [--url mysql://root@127.0.0.1:3306] [--runs 30] [--out file.json]
 *
 * Without --binary it builds dist/stats-db from the current sources first. `migrate status` runs on a scratch database created and dropped here.
 */
import { spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import { buildBinary, defaultBuildOptions } from "../scripts/build.ts";

interface Timing {
  readonly name: string;
  readonly args: readonly string[];
  readonly target?: number;
  readonly medianMs?: number;
  readonly p90Ms?: number;
  readonly minMs?: number;
  readonly note?: string;
}

const { values } = parseArgs({
  options: { binary: { type: "string" }, url: { type: "string" }, runs: { type: "string" }, out: { type: "string" } },
});
const runs = Number(values.runs ?? 30);
const exe = resolve(values.binary ?? defaultBuildOptions().outfile);
// Without --binary the measured binary is built from the current sources (a stale dist/ would measure old code).
if (!values.binary) await buildBinary(defaultBuildOptions());
if (!existsSync(exe)) throw new Error(`no binary at ${exe}`);
const serverUrl = values.url ?? process.env.STATS_DB_URL ?? "mysql://root@127.0.0.1:3306";

function once(bin: string, args: readonly string[]): { ms: number; code: number; stderr: string } {
  const t0 = performance.now();
  const r = spawnSync(bin, args, { encoding: "utf8", env: { PATH: "/usr/bin:/bin" } });
  return { ms: performance.now() - t0, code: r.status ?? -1, stderr: r.stderr };
}

function measure(name: string, args: readonly string[], target?: number, bin = exe): Timing {
  const first = once(bin, args);
  if (first.code !== 0)
    return {
      name,
      args,
      ...(target ? { target } : {}),
      note: `exit ${first.code}: ${first.stderr.trim().split("\n")[0]}`,
    };
  const ms = Array.from({ length: runs }, () => once(bin, args).ms).sort((a, b) => a - b);
  const at = (q: number) => Number(ms[Math.min(ms.length - 1, Math.floor(q * ms.length))]!.toFixed(1));
  return { name, args, ...(target ? { target } : {}), medianMs: at(0.5), p90Ms: at(0.9), minMs: at(0) };
}

async function withScratchDb<T>(fn: (url: string) => T): Promise<T> {
  const name = `p5_bench_${randomBytes(4).toString("hex")}`;
  const admin = await createConnection({ uri: serverUrl });
  await admin.query(`CREATE DATABASE \`${name}\``);
  try {
    return fn(`${serverUrl.replace(/\/$/, "")}/${name}`);
  } finally {
    await admin.query(`DROP DATABASE \`${name}\``);
    await admin.end();
  }
}

/** The runtime's own start-up: a binary compiled the same way that only prints a line (what no command can beat). */
async function floorBinary(dir: string): Promise<string> {
  const entry = join(dir, "floor.ts");
  writeFileSync(entry, 'process.stdout.write("0.0.0\\n");\n');
  const outfile = join(dir, "floor");
  const compile = { outfile, autoloadDotenv: false, autoloadBunfig: false };
  const built = await Bun.build({
    entrypoints: [entry],
    target: "bun",
    minify: true,
    bytecode: true,
    format: "esm",
    compile,
  });
  if (!built.success) throw new Error(`floor binary: ${built.logs.join("\n")}`);
  return outfile;
}

const floorDir = mkdtempSync(join(tmpdir(), "stats-db-floor-"));
const timings: Timing[] = [
  measure("floor: a Bun binary that only prints", [], undefined, await floorBinary(floorDir)),
  measure("--version", ["--version"], 30),
  measure("version (verifies embedded atlas.sum)", ["version"], 30),
];
try {
  timings.push(
    await withScratchDb((url) => measure("migrate status (local server)", ["migrate", "status", "--url", url], 100)),
  );
} catch (e) {
  timings.push({
    name: "migrate status (local server)",
    args: ["migrate", "status"],
    target: 100,
    note: `no server: ${(e as Error).message}`,
  });
}

rmSync(floorDir, { recursive: true, force: true });

const report = { binary: exe, bytes: statSync(exe).size, runs, bun: process.versions.bun, timings };
process.stdout.write(`binary ${exe}: ${(report.bytes / 1048576).toFixed(1)} MiB, ${runs} runs each\n`);
for (const t of timings) {
  const verdict =
    t.medianMs === undefined
      ? t.note
      : `median ${t.medianMs} ms, p90 ${t.p90Ms} ms, min ${t.minMs} ms${t.target ? (t.medianMs <= t.target ? ` (target ≤ ${t.target} ms: met)` : ` (target ≤ ${t.target} ms: MISSED)`) : ""}`;
  process.stdout.write(`  ${t.name.padEnd(40)} ${verdict}\n`);
}
if (values.out) {
  mkdirSync(dirname(resolve(values.out)), { recursive: true });
  writeFileSync(values.out, JSON.stringify(report, null, 2) + "\n");
}
