/**
 * `bun run bench:online`: one ALTER that copies a roll-up table (`MODIFY hits bigint`), run by `stats-db migrate apply`
 * natively and with `--online` (pt-online-schema-change), each on a fresh table of `--rows` rows while a writer in
 * another process inserts and updates it at a fixed rate (retrying as applications do). Reports per mode the apply's
 * total time, the longest write stall, the writer's retries, and the writes lost — checked row by row afterwards;
 * it must be 0 in both modes (the bench exits 1 otherwise). Uses STATS_DB_BENCH_URL (a server URL without a
 * database) or a private throwaway MariaDB; MariaDB only (the rows come from its SEQUENCE engine).
 *
 *   bun run bench:online [--rows 2000000] [--rate 100] [--modes native,online] [--db-prefix bench_online]
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import process from "node:process";
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import { computeSum, formatSum, memoryDir } from "../src/index.ts";
import { PrivateServer } from "../test/support/private-server.ts";
import { findServerBinaries } from "../test/support/server-binaries.ts";

const { values } = parseArgs({
  options: {
    rows: { type: "string", default: "2000000" },
    rate: { type: "string", default: "100" },
    modes: { type: "string", default: "native,online" },
    "db-prefix": { type: "string", default: "bench_online" },
  },
});
const rows = Number(values.rows);
const main = resolve(import.meta.dir, "..", "src", "cli", "main.ts");
const writerScript = resolve(import.meta.dir, "lib", "online-writer.ts");

const server = process.env.STATS_DB_BENCH_URL ? undefined : await PrivateServer.create(findServerBinaries());
const base = (process.env.STATS_DB_BENCH_URL ?? server!.url).replace(/\/$/, "");

const FILES = {
  "20260101000000_rollup.sql":
    "CREATE TABLE `rollup` (`id` bigint NOT NULL, `day` date NOT NULL, `page_id` int NOT NULL, `hits` int NOT NULL, " +
    "PRIMARY KEY (`id`), UNIQUE KEY `rollup_day_page` (`day`, `page_id`));\n",
  "20260102000000_widen.sql": "ALTER TABLE `rollup` MODIFY `hits` bigint NOT NULL;\n",
};

interface WriterResult {
  writes: number;
  retries: number;
  longestMs: number;
  inserted: [number, number][];
  updated: [number, number][];
  errors: string[];
}

function cli(args: string[], cwd: string): { code: number; out: string; ms: number } {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, [main, ...args], { cwd, encoding: "utf8" });
  return { code: r.status ?? -1, out: `${r.stdout}${r.stderr}`, ms: performance.now() - t0 };
}

async function lostWrites(url: string, w: WriterResult): Promise<number> {
  const conn = await createConnection({ uri: url });
  try {
    let lost = 0;
    const byId = async (ids: number[]) => {
      const out = new Map<number, number>();
      for (let i = 0; i < ids.length; i += 1000) {
        const part = ids.slice(i, i + 1000);
        const [found] = await conn.query(`SELECT id, hits FROM rollup WHERE id IN (${part.join(",")})`);
        for (const r of found as { id: number; hits: number }[]) out.set(Number(r.id), Number(r.hits));
      }
      return out;
    };
    const ins = await byId(w.inserted.map(([id]) => id));
    for (const [id, hits] of w.inserted) if (ins.get(id) !== hits) lost++;
    // A filled row starts with hits = id % 1000; every update adds 1.
    const upd = await byId(w.updated.map(([id]) => id));
    for (const [id, count] of w.updated) if (upd.get(id) !== (id % 1000) + count) lost++;
    return lost;
  } finally {
    await conn.end();
  }
}

async function runMode(mode: string): Promise<Record<string, string | number>> {
  const name = `${values["db-prefix"]}_${mode}_${process.pid}`;
  const url = `${base}/${name}`;
  const admin = await createConnection({ uri: base });
  await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
  await admin.query(`CREATE DATABASE \`${name}\``);
  const root = mkdtempSync(join(tmpdir(), "stats-bench-online-"));
  try {
    mkdirSync(join(root, "migrations"));
    for (const [n, t] of Object.entries(FILES)) writeFileSync(join(root, "migrations", n), t);
    const dir = memoryDir(FILES);
    writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(dir.files())));
    const dirArg = ["--dir", `file://${join(root, "migrations")}`, "--url", url];
    const first = cli(["migrate", "apply", "1", ...dirArg], root);
    if (first.code !== 0) throw new Error(`first apply failed: ${first.out}`);
    // The SEQUENCE engine's tables live in the current database: select it.
    await admin.query(`USE \`${name}\``);
    await admin.query(
      `INSERT INTO \`${name}\`.rollup (id, day, page_id, hits) SELECT seq, '2026-01-01' + INTERVAL (seq % 365) DAY, seq, seq % 1000 FROM seq_1_to_${rows}`,
    );
    await admin.query(`ANALYZE TABLE \`${name}\`.rollup`);
    const writer = spawn(process.execPath, [writerScript, url, String(rows), values.rate!], {
      stdio: ["pipe", "pipe", "inherit"],
    });
    let output = "";
    writer.stdout.on("data", (d) => (output += d));
    const ended = new Promise((r) => writer.on("close", r));
    await new Promise((r) => setTimeout(r, 2000));
    const apply = cli(["migrate", "apply", ...dirArg, ...(mode === "online" ? ["--online"] : [])], root);
    await new Promise((r) => setTimeout(r, 2000));
    writer.stdin.write("stop\n");
    await ended;
    if (apply.code !== 0) throw new Error(`${mode} apply failed: ${apply.out}`);
    const w = JSON.parse(output) as WriterResult;
    const lost = await lostWrites(url, w);
    return {
      mode,
      rows,
      "apply (s)": (apply.ms / 1000).toFixed(1),
      "longest write stall (s)": (w.longestMs / 1000).toFixed(2),
      writes: w.writes,
      retries: w.retries,
      lost,
      ...(w.errors.length ? { "first retried error": w.errors[0]! } : {}),
    };
  } finally {
    await admin.query(`DROP DATABASE IF EXISTS \`${name}\``);
    await admin.end();
    rmSync(root, { recursive: true, force: true });
  }
}

const results: Record<string, string | number>[] = [];
try {
  for (const mode of values.modes!.split(",")) {
    process.stderr.write(`bench:online: ${mode}, ${rows} rows, ${values.rate} writes/s…\n`);
    results.push(await runMode(mode));
  }
} finally {
  await server?.stop();
}
console.table(results);
if (results.some((r) => r.lost !== 0)) {
  process.stderr.write("bench:online: writes were lost\n");
  process.exit(1);
}
