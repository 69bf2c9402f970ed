/**
 * The project's driver with nothing of stats-db: reads SQL statements (one per `;\n`) from stdin and sends them over
 * one mysql2 connection in order, each awaited, as an apply sends them; with `--writes 1`, each followed by an
 * autocommit upsert of a one-row progress table (the least bookkeeping a resumable apply needs). `bun run
 * bench:apply --floor` times it as the floor of any tool on this driver and runtime.
 *
 *   bun bench/lib/raw-driver.ts mysql://user@host:port/db [--writes 1] < statements.sql
 */
import { parseArgs } from "node:util";
import { createConnection } from "mysql2/promise";
import { benchStatements } from "./statements.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { writes: { type: "string", default: "0" } },
});
const url = positionals[0];
if (!url) throw new Error("usage: bun bench/lib/raw-driver.ts URL [--writes 1] < statements.sql");
const writes = values.writes === "1";
const statements = benchStatements(await new Response(Bun.stdin.stream()).text());
const conn = await createConnection({ uri: url });
try {
  if (writes)
    await conn.query(
      "CREATE TABLE `floor_progress` (`version` varchar(255) NOT NULL, `n` bigint NOT NULL, PRIMARY KEY (`version`))",
    );
  for (const [n, sql] of statements.entries()) {
    await conn.query(sql);
    if (writes)
      await conn.execute(
        "INSERT INTO `floor_progress` (`version`, `n`) VALUES ('v', ?) ON DUPLICATE KEY UPDATE `n` = VALUES(`n`)",
        [n],
      );
  }
} finally {
  await conn.end();
}
