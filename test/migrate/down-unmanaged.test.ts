/**
 * `migrate down` beside objects the model does not cover: they are listed as "not managed: …" in the report (text
 * and JSON), they do not count as drift, and the revert leaves them as they are.
 */
import { expect, test } from "bun:test";
import { connect } from "../../src/db/connect.ts";
import { downJson, formatDownText } from "../../src/cli/report/down.ts";
import { applyDir, downDir, hashedDir } from "../support/library-apply.ts";
import { withTestDatabase } from "../support/mariadb.ts";

const DIR = hashedDir({
  "1_users.sql": "CREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
  "2_logs.sql": "CREATE TABLE `logs` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
});

test("a revert beside a sequence and a system-versioned table lists them and leaves them", async () => {
  await withTestDatabase(async ({ url, name }) => {
    const conn = await connect(url);
    try {
      await applyDir(conn, name, DIR);
      await conn.exec("CREATE SEQUENCE `ids`");
      await conn.exec("CREATE TABLE `audit` (`id` int NOT NULL PRIMARY KEY) WITH SYSTEM VERSIONING");
      const report = await downDir(conn, name, DIR, {});
      expect(report.failure).toBeUndefined();
      expect(report.drift).toBeUndefined();
      const lines = ['not managed: sequence "ids"', 'not managed: system-versioned table "audit"'];
      expect(report.unmanaged).toEqual(lines);
      expect(formatDownText(report)).toContain(
        `  -- left as they are (the model does not cover them):\n    ${lines[0]}\n    ${lines[1]}\n`,
      );
      expect(downJson(report).Unmanaged).toEqual(lines);
      const left = await conn.query<{ TABLE_NAME: string }>(
        "SELECT TABLE_NAME FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME",
        [name],
      );
      expect(left.map((r) => r.TABLE_NAME)).toEqual([
        "atlas_schema_revisions",
        "audit",
        "ids",
        "stats_db_apply_journal",
        "users",
      ]);
    } finally {
      await conn.close();
    }
  });
}, 60_000);
