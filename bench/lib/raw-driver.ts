/**
 * The project's driver with nothing of stats-db: reads SQL statements (one per `;\n`) from stdin and sends them over
 * one mysql2 connection in order, each awaited, as an apply sends them. `bun run bench:apply --floor` times it as the
 * floor of any tool on this driver and runtime.
 *
 *   bun bench/lib/raw-driver.ts mysql://user@host:port/db < statements.sql
 */
import { createConnection } from "mysql2/promise";

const url = process.argv[2];
if (!url) throw new Error("usage: bun bench/lib/raw-driver.ts URL < statements.sql");
const statements = (await new Response(Bun.stdin.stream()).text()).split(/(?<=;)\n/).filter((s) => s.trim() !== "");
const conn = await createConnection({ uri: url });
try {
  for (const sql of statements) await conn.query(sql);
} finally {
  await conn.end();
}
