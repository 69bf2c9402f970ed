/**
 * `migrate drift` and the drift gate of `migrate apply`, on a real server: the live schema against the directory
 * replayed at the applied version; exit 0 without drift, 1 with it; apply refuses over drift (nothing executed)
 * unless --allow-drift.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { cli } from "./run-cli.ts";
import { readdirSync, statSync, utimesSync } from "node:fs";
import { join } from "node:path";

setDefaultTimeout(90_000);

const FILES: Record<string, string> = {
  "1_init.sql":
    "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(50) NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `email_uq` (`email`));\n",
  "2_logs.sql": "CREATE TABLE `logs` (`id` int NOT NULL, PRIMARY KEY (`id`));\nINSERT INTO `logs` VALUES (1);\n",
  "3_more.sql": "ALTER TABLE `logs` ADD COLUMN `at` datetime NULL;\n",
};

type Conn = { query: (sql: string) => Promise<unknown> };
async function tables(conn: Conn): Promise<string[]> {
  const [rows] = (await conn.query("SHOW TABLES")) as [Record<string, string>[]];
  return rows.map((r) => Object.values(r)[0]!).sort();
}

describe("migrate drift", () => {
  test("a database without revisions: no drift while it has no tables, each table is drift once it has", async () => {
    await withTestDatabase(async ({ url, conn, name }) => {
      const root = writeProject(FILES);
      const none = cli(["migrate", "drift", "--url", url], { cwd: root });
      expect([none.code, none.stdout, none.stderr]).toEqual([
        0,
        `No drift: database "${name}" has no revisions and no tables.\n`,
        "",
      ]);
      await conn.query("CREATE TABLE stray (id int)");
      const some = cli(["migrate", "drift", "--url", url], { cwd: root });
      expect([some.code, some.stdout]).toEqual([
        1,
        `Drift: database "${name}" has no revisions but has tables (1 difference):\n  extra table "stray"\n`,
      ]);
    });
  });

  test("after apply: none; a change by hand is listed (text and JSON), exit 1", async () => {
    await withTestDatabase(async ({ url, conn, name }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "2", "--url", url], { cwd: root }).code).toBe(0);
      const clean = cli(["migrate", "drift", "--url", url], { cwd: root });
      // 2_logs.sql holds a data statement: it changes rows, not the schema, and is passed over by the comparison.
      expect([clean.code, clean.stdout]).toEqual([
        0,
        `No drift: database "${name}" matches the migration directory at version 2.\n`,
      ]);
      await conn.query("ALTER TABLE users ADD COLUMN nick int NULL, DROP INDEX email_uq");
      const drift = cli(["migrate", "drift", "--url", url], { cwd: root });
      expect([drift.code, drift.stdout, drift.stderr]).toEqual([
        1,
        [
          `Drift: database "${name}" differs from the migration directory at version 2 (2 differences):`,
          '  extra column "nick" of table "users": `nick` int NULL',
          '  missing unique index "email_uq" of table "users"',
          "",
        ].join("\n"),
        "",
      ]);
      const json = cli(["migrate", "drift", "--url", url, "--format", "json"], { cwd: root });
      expect(json.code).toBe(1);
      expect(JSON.parse(json.stdout)).toEqual({
        Schema: name,
        Version: "2",
        Drift: [
          'extra column "nick" of table "users": `nick` int NULL',
          'missing unique index "email_uq" of table "users"',
        ],
      });
    });
  });
});

describe("the drift gate of migrate apply", () => {
  test("refuses over drift, in a dry run too, executing nothing; --allow-drift applies; nothing pending, no refusal", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "1", "--url", url], { cwd: root }).code).toBe(0);
      await conn.query("ALTER TABLE users ADD COLUMN nick int NULL");
      const message =
        'Error: the database has drifted from the migration directory at version "1" (1 difference); nothing was executed (`stats-db migrate drift` lists it; --allow-drift applies anyway):\n' +
        '  extra column "nick" of table "users": `nick` int NULL\n';
      for (const extra of [[], ["--dry-run"]]) {
        const refused = cli(["migrate", "apply", "--url", url, ...extra], { cwd: root });
        expect([refused.code, refused.stdout, refused.stderr]).toEqual([1, "", message]);
      }
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      const applied = cli(["migrate", "apply", "--url", url, "--allow-drift"], { cwd: root });
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain("Migrating to version 3 from 1 (2 migrations in total):");
      expect(await tables(conn)).toContain("logs");
      // Nothing pending: nothing to protect, so no refusal; the drift stays for `migrate drift` to report.
      const idle = cli(["migrate", "apply", "--url", url], { cwd: root });
      expect([idle.code, idle.stdout]).toEqual([0, "No migration files to execute\n"]);
      expect(cli(["migrate", "drift", "--url", url], { cwd: root }).code).toBe(1);
    });
  });

  test("no drift: apply runs as before", async () => {
    await withTestDatabase(async ({ url }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "1", "--url", url], { cwd: root }).code).toBe(0);
      const rest = cli(["migrate", "apply", "--url", url], { cwd: root });
      expect(rest.code).toBe(0);
      expect(rest.stdout).toContain("Migrating to version 3 from 1 (2 migrations in total):");
      expect(cli(["migrate", "drift", "--url", url], { cwd: root }).code).toBe(0);
    });
  });

  test("the gate and drift replay the applied files through the replay cache, resuming from a prefix", async () => {
    await withTestDatabase(async ({ url }) => {
      const root = writeProject(FILES);
      const env = { STATS_DB_CACHE_DIR: join(root, "cache") };
      const entries = () => readdirSync(join(root, "cache")).filter((n) => n.endsWith(".json"));
      expect(cli(["migrate", "apply", "1", "--url", url], { cwd: root, env }).code).toBe(0);
      // Applying file 2, the gate replays the applied file 1 and stores it.
      expect(cli(["migrate", "apply", "1", "--url", url], { cwd: root, env }).code).toBe(0);
      expect(entries()).toHaveLength(1);
      const stored = join(root, "cache", entries()[0]!);
      utimesSync(stored, 1000, 1000);
      // Drift at version 2 resumes from it (a hit renews it) and stores files 1–2.
      const drift = cli(["migrate", "drift", "--url", url], { cwd: root, env });
      expect([drift.code, drift.stderr]).toEqual([0, ""]);
      expect(statSync(stored).mtimeMs).toBeGreaterThan(1_000_000);
      expect(entries()).toHaveLength(2);
      // Applying file 3, the gate reads files 1–2 from the cache: the same verdict, no new entry.
      expect(cli(["migrate", "apply", "--url", url], { cwd: root, env }).code).toBe(0);
      expect(entries()).toHaveLength(2);
      expect(cli(["migrate", "drift", "--url", url], { cwd: root, env }).code).toBe(0);
    });
  });
});
