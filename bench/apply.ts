/**
 * `bun run bench:apply`: wall time of `stats-db migrate apply` on 200 files (600 DDL statements) against the `mariadb`
 * client running the same statements from one file, each into its own fresh database. Uses STATS_DB_BENCH_URL
 * (a server URL without a database) or a private throwaway MariaDB. Target (issue 13): ratio ≤ 1.10 (the median of
 * each run's ratio to the client's run beside it).
 *
 *   bun run bench:apply [--runs 3] [--files 200] [--binary] [--breakdown] [--floor]
 *
 * --binary times a binary compiled from the current sources (into the bench's temp dir) instead of `bun src/cli/main.ts`.
 * --breakdown also reports, per run, the tool's fixed cost (the same command again with nothing pending: process
 * start-up, imports, connections, lock, revisions read) and an in-process apply split into migration statements,
 * bookkeeping writes (revision rows and journal intents), other queries and the rest (JavaScript).
 * --floor also times the floors under any tool: the `mariadb` client running the same statements with the least
 * bookkeeping a resumable apply needs (one durable revision write after each statement, autocommit) and with
 * stats-db's two (a journal intent before, the revision row after); and the project's driver (mysql2 under Bun,
 * bench/lib/raw-driver.ts) sending the statements alone, and with one durable write after each.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import {
  computeSum,
  connect,
  flavorByName,
  formatSum,
  memoryDir,
  migrateApply,
  mysql8,
  type Queryable,
  REVISIONS_TABLE,
} from "../src/index.ts";
import { JOURNAL_TABLE } from "../src/mysql/queries/journal.ts";
import { buildBinary, defaultBuildOptions } from "../scripts/build.ts";
import { benchStatements } from "./lib/statements.ts";
import { median } from "./lib/median.ts";
import { PrivateServer } from "../test/support/private-server.ts";
import { findServerBinaries } from "../test/support/server-binaries.ts";

const TARGET = 1.1;
const { values } = parseArgs({
  options: {
    runs: { type: "string", default: "3" },
    files: { type: "string", default: "200" },
    binary: { type: "boolean", default: false },
    breakdown: { type: "boolean", default: false },
    floor: { type: "boolean", default: false },
  },
});
const main = resolve(import.meta.dir, "..", "src", "cli", "main.ts");
const RAW_DRIVER = resolve(import.meta.dir, "lib", "raw-driver.ts");

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
  const r = spawnSync(cmd, args, {
    encoding: "utf8",
    ...(input !== undefined ? { input } : {}),
    env: { ...process.env, NO_COLOR: "1" },
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0) throw new Error(`${cmd} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** The statements with SQL upserts of a bookkeeping table around each: after it (`writes` 1), or before and after (2). */
function withBookkeeping(sql: string, writes: 1 | 2): string {
  const upsert = (table: string, k: number) =>
    `INSERT INTO \`${table}\` (\`version\`, \`n\`) VALUES ('v', ${k}) ON DUPLICATE KEY UPDATE \`n\` = VALUES(\`n\`);\n`;
  const table = (name: string) =>
    `CREATE TABLE \`${name}\` (\`version\` varchar(255) NOT NULL, \`n\` bigint NOT NULL, PRIMARY KEY (\`version\`));\n`;
  const stmts = benchStatements(sql);
  return (
    table("floor_revisions") +
    table("floor_journal") +
    stmts
      .map((s, k) => (writes === 2 ? upsert("floor_journal", k) : "") + `${s}\n` + upsert("floor_revisions", k))
      .join("")
  );
}

/** Milliseconds an in-process apply spends per kind of round trip, and in total. */
type Breakdown = Record<"statements" | "bookkeeping" | "otherQueries" | "total", number>;

// Times every call on `conn` by kind: a migration statement, a write of a revision row or a journal intent, anything else.
function timing(conn: Queryable, statements: ReadonlySet<string>, into: Breakdown): Queryable {
  const kind = (sql: string): keyof Breakdown =>
    statements.has(sql)
      ? "statements"
      : sql.startsWith("INSERT INTO") && (sql.includes(REVISIONS_TABLE) || sql.includes(JOURNAL_TABLE))
        ? "bookkeeping"
        : "otherQueries";
  const time = async <T>(sql: string, run: () => Promise<T>): Promise<T> => {
    const t0 = performance.now();
    try {
      return await run();
    } finally {
      into[kind(sql)] += performance.now() - t0;
    }
  };
  return {
    query: (sql, params) => time(sql, () => conn.query(sql, params)),
    exec: (sql, params) => time(sql, () => conn.exec(sql, params)),
    ...(conn.execPrepared ? { execPrepared: (sql, params) => time(sql, () => conn.execPrepared!(sql, params)) } : {}),
  };
}

async function inProcess(url: string, schema: string, files: Record<string, string>): Promise<Breakdown> {
  const dir = memoryDir(files);
  dir.writeSum(formatSum(computeSum(dir.files())));
  const statements = new Set(Object.values(files).flatMap(benchStatements));
  const out: Breakdown = { statements: 0, bookkeeping: 0, otherQueries: 0, total: 0 };
  const conn = await connect(url);
  try {
    const t0 = performance.now();
    const report = await migrateApply(timing(conn, statements, out), {
      dir,
      flavor: flavorByName(conn.flavorName) ?? mysql8,
      urlSchema: schema,
      revisionsSchema: schema,
      revisionsSchemaExplicit: false,
      dryRun: false,
      allowDirty: false,
      txMode: "file",
      execOrder: "linear",
      operatorVersion: "stats-db bench",
    });
    out.total = performance.now() - t0;
    if (report.failure) throw report.failure;
    return out;
  } finally {
    await conn.close();
  }
}

const server = process.env.STATS_DB_BENCH_URL ? undefined : await PrivateServer.create(findServerBinaries());
const base = (process.env.STATS_DB_BENCH_URL ?? server!.url).replace(/\/$/, "");
const u = new URL(base.replace(/^[a-z+]+:/, "http:"));
const clientArgs = [
  "-h",
  u.hostname,
  "-P",
  u.port || "3306",
  "-u",
  decodeURIComponent(u.username || "root"),
  ...(u.password ? [`-p${decodeURIComponent(u.password)}`] : []),
];
const root = mkdtempSync(join(tmpdir(), "stats-db-bench-apply-"));
const admin = await createConnection({ uri: base });
try {
  const tool = values.binary
    ? [(await buildBinary({ ...defaultBuildOptions(), outfile: join(root, "stats-db") })).outfile]
    : [process.execPath, main];
  const files = migrationFiles(Number(values.files));
  mkdirSync(join(root, "migrations"));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "migrations", name), text);
  writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(memoryDir(files).files())));
  const allSql = Object.values(files).join("");
  console.log(
    `${Object.keys(files).length} files, ${allSql.split(";\n").length - 1} statements, server ${server ? "private" : "STATS_DB_BENCH_URL"}, stats-db ${values.binary ? "binary" : "from source"}`,
  );
  const toolMs: number[] = [];
  const client: number[] = [];
  const floors: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const driver: Record<0 | 1, number[]> = { 0: [], 1: [] };
  for (let run = 0; run < Number(values.runs); run++) {
    const dbs = [
      `bench_apply_tool_${run}`,
      `bench_apply_client_${run}`,
      `bench_apply_inproc_${run}`,
      `bench_apply_floor1_${run}`,
      `bench_apply_floor2_${run}`,
      `bench_apply_driver0_${run}`,
      `bench_apply_driver1_${run}`,
    ];
    for (const db of dbs)
      await admin.query(`DROP DATABASE IF EXISTS \`${db}\``).then(() => admin.query(`CREATE DATABASE \`${db}\``));
    const applyArgs = [
      ...tool.slice(1),
      "migrate",
      "apply",
      "--url",
      `${base}/${dbs[0]}`,
      "--dir",
      `file://${join(root, "migrations")}`,
    ];
    toolMs.push(timed(tool[0]!, applyArgs));
    client.push(timed("mariadb", [...clientArgs, dbs[1]!], allSql));
    let line = `run ${run + 1}: stats-db ${toolMs.at(-1)!.toFixed(0)} ms, mariadb client ${client.at(-1)!.toFixed(0)} ms`;
    if (values.breakdown) {
      const fixed = timed(tool[0]!, applyArgs);
      const b = await inProcess(`${base}/${dbs[2]}`, dbs[2]!, files);
      const rest = b.total - b.statements - b.bookkeeping - b.otherQueries;
      line += `; fixed cost ${fixed.toFixed(0)} ms; in-process ${b.total.toFixed(0)} ms = statements ${b.statements.toFixed(0)} + bookkeeping writes ${b.bookkeeping.toFixed(0)} + other queries ${b.otherQueries.toFixed(0)} + rest ${rest.toFixed(0)}`;
    }
    if (values.floor) {
      for (const writes of [1, 2] as const)
        floors[writes].push(timed("mariadb", [...clientArgs, dbs[2 + writes]!], withBookkeeping(allSql, writes)));
      for (const writes of [0, 1] as const)
        driver[writes].push(
          timed(process.execPath, [RAW_DRIVER, `${base}/${dbs[5 + writes]}`, "--writes", String(writes)], allSql),
        );
      line += `; client with 1 write per statement ${floors[1].at(-1)!.toFixed(0)} ms, with 2 ${floors[2].at(-1)!.toFixed(0)} ms; mysql2 alone ${driver[0].at(-1)!.toFixed(0)} ms, with 1 write ${driver[1].at(-1)!.toFixed(0)} ms`;
    }
    for (const db of dbs) await admin.query(`DROP DATABASE \`${db}\``);
    console.log(line);
  }
  // Each run's ratio to the client of the same run, then their median: the server slows as a set of runs goes on.
  const ratio = (xs: number[]) => median(xs.map((x, i) => x / client[i]!)).toFixed(2);
  console.log(
    `median: stats-db migrate apply ${median(toolMs).toFixed(0)} ms, mariadb client ${median(client).toFixed(0)} ms, ratio ${ratio(toolMs)} (target ≤ ${TARGET})`,
  );
  if (values.floor)
    console.log(
      `floor: the client with 1 durable write per statement ${median(floors[1]).toFixed(0)} ms (ratio ${ratio(floors[1])}), ` +
        `with 2 (stats-db's pattern) ${median(floors[2]).toFixed(0)} ms (ratio ${ratio(floors[2])}); ` +
        `mysql2 under Bun with the statements alone ${median(driver[0]).toFixed(0)} ms (ratio ${ratio(driver[0])}), ` +
        `with 1 durable write per statement ${median(driver[1]).toFixed(0)} ms (ratio ${ratio(driver[1])})`,
    );
} finally {
  await admin.end();
  rmSync(root, { recursive: true, force: true });
  await server?.stop();
}
