/**
 * `bun run bench:apply`: wall time of `stats-db migrate apply` on 200 files (600 DDL statements) against the `mariadb`
 * client running the same statements from one file, each into its own fresh database. Uses STATS_DB_BENCH_URL
 * (a server URL without a database) or a private throwaway MariaDB. Target: ratio ≤ 1.15.
 *
 *   bun run bench:apply [--runs 3] [--files 200]
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import { computeSum, formatSum } from "../src/migrate/sum.ts";
import { memoryDir } from "../src/migrate/dir.ts";
import { PrivateServer } from "../test/support/private-server.ts";
import { findServerBinaries } from "../test/support/server-binaries.ts";

const TARGET = 1.15;
const { values } = parseArgs({ options: { runs: { type: "string", default: "3" }, files: { type: "string", default: "200" } } });
const main = resolve(import.meta.dir, "..", "src", "cli", "main.ts");

function migrationFiles(n: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (let i = 0; i < n; i++) {
    out[`${String(20240101000000 + i)}_t${i}.sql`] =
      `CREATE TABLE \`t${i}\` (\`id\` bigint NOT NULL AUTO_INCREMENT, \`name\` varchar(255) NOT NULL, PRIMARY KEY (\`id\`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci;\n` +
      `ALTER TABLE \`t${i}\` ADD COLUMN \`created_at\` timestamp NULL;\n` +
      `ALTER TABLE \`t${i}\` ADD INDEX \`t${i}_name\` (\`name\`);\n`;
  }
  return out;
}

function timed(cmd: string, args: string[], input?: string): number {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { encoding: "utf8", ...(input !== undefined ? { input } : {}), env: { ...process.env, NO_COLOR: "1" } });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return ms;
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

const server = process.env.STATS_DB_BENCH_URL ? undefined : await PrivateServer.create(findServerBinaries());
const base = (process.env.STATS_DB_BENCH_URL ?? server!.url).replace(/\/$/, "");
const u = new URL(base.replace(/^[a-z+]+:/, "http:"));
const clientArgs = ["-h", u.hostname, "-P", u.port || "3306", "-u", decodeURIComponent(u.username || "root"), ...(u.password ? [`-p${decodeURIComponent(u.password)}`] : [])];
const root = mkdtempSync(join(tmpdir(), "stats-db-bench-apply-"));
const admin = await createConnection({ uri: base });
try {
  const files = migrationFiles(Number(values.files));
  mkdirSync(join(root, "migrations"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "migrations", name), text);
  writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(memoryDir(files).files())));
  const allSql = Object.values(files).join("");
  console.log(`${Object.keys(files).length} files, ${allSql.split(";\n").length - 1} statements, server ${server ? "private" : "STATS_DB_BENCH_URL"}`);
  const tool: number[] = [];
  const client: number[] = [];
  for (let run = 0; run < Number(values.runs); run++) {
    for (const db of [`bench_apply_tool_${run}`, `bench_apply_client_${run}`]) await admin.query(`DROP DATABASE IF EXISTS \`${db}\`; `).then(() => admin.query(`CREATE DATABASE \`${db}\``));
    tool.push(timed(process.execPath, [main, "migrate", "apply", "--url", `${base}/bench_apply_tool_${run}`, "--dir", `file://${join(root, "migrations")}`]));
    client.push(timed("mariadb", [...clientArgs, `bench_apply_client_${run}`], allSql));
    for (const db of [`bench_apply_tool_${run}`, `bench_apply_client_${run}`]) await admin.query(`DROP DATABASE \`${db}\``);
    console.log(`run ${run + 1}: stats-db ${tool.at(-1)!.toFixed(0)} ms, mariadb client ${client.at(-1)!.toFixed(0)} ms`);
  }
  const ratio = median(tool) / median(client);
  console.log(`median: stats-db migrate apply ${median(tool).toFixed(0)} ms, mariadb client ${median(client).toFixed(0)} ms, ratio ${ratio.toFixed(2)} (target ≤ ${TARGET})`);
} finally {
  await admin.end();
  rmSync(root, { recursive: true, force: true });
  await server?.stop();
}
