/**
 * `bun run bench:inspect`: inspect a 1,000-table database (each table with 8 columns, a primary key, 2 indexes, a
 * foreign key to the previous table, a CHECK and a JSON column) over the library's own connection, as the CLI does,
 * and print the number of queries and the wall time; each run is a fresh connection, the first inspection of a
 * process (what one CLI command does) is reported apart.
 * Uses STATS_DB_BENCH_URL (a server URL without a database) when set, else a private throwaway MariaDB.
 *
 *   bun run bench:inspect [--tables 1000] [--runs 5]
 */
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import { connect, inspect, type Queryable, type Row } from "../src/index.ts";
import { PrivateServer } from "../test/support/private-server.ts";
import { findServerBinaries } from "../test/support/server-binaries.ts";

const { values } = parseArgs({
  options: { tables: { type: "string", default: "1000" }, runs: { type: "string", default: "5" } },
});
const tables = Number(values.tables);
const runs = Number(values.runs);
const server = process.env.STATS_DB_BENCH_URL ? undefined : await PrivateServer.create(findServerBinaries());
const base = (process.env.STATS_DB_BENCH_URL ?? server!.url).replace(/\/$/, "");
const db = `stats_bench_inspect_${process.pid}`;

function tableDdl(k: number): string {
  const fk = k > 0 ? `, CONSTRAINT t${k}_fk FOREIGN KEY (parent_id) REFERENCES t${k - 1} (id) ON DELETE CASCADE` : "";
  return (
    `CREATE TABLE t${k} (id bigint unsigned NOT NULL AUTO_INCREMENT, parent_id bigint unsigned NULL, name varchar(100) NOT NULL DEFAULT '', ` +
    `score decimal(10,2) NOT NULL DEFAULT 0.00, created_at datetime(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), doc json NULL, ` +
    `flag tinyint(1) NOT NULL DEFAULT 0, note text NULL, PRIMARY KEY (id), KEY t${k}_name (name(20), created_at DESC), ` +
    `UNIQUE KEY t${k}_uq (name, parent_id), CONSTRAINT t${k}_score CHECK (score >= 0)${fk}) COMMENT 'bench table ${k}'`
  );
}

const admin = await createConnection({ uri: base });
try {
  await admin.query(`CREATE DATABASE \`${db}\``);
  const conn = await createConnection({ uri: `${base}/${db}` });
  try {
    const t0 = performance.now();
    for (let k = 0; k < tables; k++) await conn.query(tableDdl(k));
    console.log(
      `created ${tables} tables in ${((performance.now() - t0) / 1000).toFixed(1)} s (server ${server ? "private" : "STATS_DB_BENCH_URL"})`,
    );
    let queries = 0;
    const times: number[] = [];
    for (let r = 0; r <= runs; r++) {
      const live = await connect(`${base}/${db}`);
      const q: Queryable = {
        query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
          queries++;
          return live.query<T>(sql, params);
        },
        exec(sql: string, params?: readonly unknown[]): Promise<void> {
          queries++;
          return live.exec(sql, params);
        },
      };
      try {
        queries = 0;
        const start = performance.now();
        const schema = await inspect(q, db);
        times.push(performance.now() - start);
        if (schema.tables.length !== tables)
          throw new Error(`inspected ${schema.tables.length} tables, expected ${tables}`);
      } finally {
        await live.close();
      }
    }
    const first = times.shift()!;
    const sorted = [...times].sort((a, b) => a - b);
    console.log(
      `inspect: ${queries} queries for ${tables} tables; first ${first.toFixed(0)} ms, then median ${sorted[Math.floor(runs / 2)]!.toFixed(0)} ms, min ${sorted[0]!.toFixed(0)} ms over ${runs} runs`,
    );
  } finally {
    await conn.end();
  }
} finally {
  await admin.query(`DROP DATABASE IF EXISTS \`${db}\``);
  await admin.end();
  await server?.stop();
}
