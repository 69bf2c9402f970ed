import { describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";
import { writeProject } from "../support/project.ts";

const FILES: Record<string, string> = {
  "1_init.sql":
    "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(50) NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `email_uq` (`email`));\n",
  "2_logs.sql":
    "CREATE TABLE `logs` (`id` int NOT NULL, PRIMARY KEY (`id`));\nALTER TABLE `users` DROP INDEX `email_uq`;\n",
};

/** A temp project with the migration directory (and atlas.sum), and optionally atlas.hcl. */
const project = (hcl?: string): string => writeProject(FILES, hcl);

const durations = (s: string): string =>
  s.replace(/\(\d[\d.]*(ns|µs|ms|s)\)/g, "(D)").replace(/-- \d[\d.]*(ns|µs|ms|s)\n/g, "-- D\n");

type Conn = { query: (sql: string) => Promise<unknown> };
async function tables(conn: Conn): Promise<string[]> {
  const [rows] = (await conn.query("SHOW TABLES")) as [Record<string, string>[]];
  return rows.map((r) => Object.values(r)[0]!).sort();
}
async function versions(conn: Conn): Promise<string[]> {
  const [rows] = (await conn.query("SELECT version FROM atlas_schema_revisions ORDER BY version")) as [
    { version: string }[],
  ];
  return rows.map((r) => r.version);
}

describe("migrate down (CLI)", () => {
  test("dry run prints the checks and the plan and changes nothing; then the revert; status follows", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project();
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      const dry = cli(["migrate", "down", "--url", url, "--dry-run"], { cwd: root });
      const expected = [
        "Migrating down from version 2 to 1 (1 migration in total):",
        "",
        "  -- checks before reverting version 2",
        "    -> SELECT NOT EXISTS (SELECT 1 FROM `logs`) AS `is_empty`",
        "  -- ok (D)",
        "",
        "  -- reverting version 2",
        "    -> ALTER TABLE `users` ADD UNIQUE INDEX `email_uq` (`email`)",
        "    -> DROP TABLE `logs`",
        "  -- ok (D)",
        "",
        "  -------------------------",
        "  -- D",
        "  -- 1 migration",
        "  -- 2 sql statements",
        "",
      ].join("\n");
      expect([dry.code, durations(dry.stdout), dry.stderr]).toEqual([0, expected, ""]);
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "logs",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      expect(await versions(conn)).toEqual(["1", "2"]);
      const real = cli(["migrate", "down", "--url", url], { cwd: root });
      expect([real.code, durations(real.stdout), real.stderr]).toEqual([0, expected, ""]);
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      const status = cli(["migrate", "status", "--url", url], { cwd: root });
      expect(status.stdout).toContain("Migration Status: PENDING\n  -- Current Version: 1\n  -- Next Version:    2\n");
      const again = cli(["migrate", "down", "--url", url, "--format", "json"], { cwd: root });
      expect(again.code).toBe(0);
      expect(JSON.parse(again.stdout)).toMatchObject({
        Planned: [{ Name: "1_init.sql", Version: "1", Description: "init" }],
        Reverted: [{ Version: "1", Applied: ["DROP TABLE `users`"] }],
        Current: "1",
        Target: "",
        Total: 1,
      });
      expect(await tables(conn)).toEqual(["atlas_schema_revisions", "stats_db_apply_journal", "stats_db_run_log"]);
      const none = cli(["migrate", "down", "--url", url], { cwd: root });
      expect([none.code, none.stdout, none.stderr]).toEqual([0, "No migration files to revert\n", ""]);
      rmSync(root, { recursive: true });
    });
  }, 60_000);

  test("a non-empty table blocks with one line and exit 1, nothing changed; --force-data-loss reverts", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project();
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      await conn.query("INSERT INTO `logs` (`id`) VALUES (1)");
      const blocked = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(blocked.code).toBe(1);
      expect(blocked.stderr).toBe(
        'Error: table "logs" is not empty and reverting version "2" drops it: nothing was changed (--force-data-loss reverts anyway)\n',
      );
      expect(durations(blocked.stdout)).toContain(
        '    -> SELECT NOT EXISTS (SELECT 1 FROM `logs`) AS `is_empty`\n    table "logs" is not empty\n\n  -------------------------\n  -- D\n',
      );
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "logs",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      expect(await versions(conn)).toEqual(["1", "2"]);
      const forced = cli(["migrate", "down", "--url", url, "--force-data-loss"], { cwd: root });
      expect(forced.code).toBe(0);
      expect(forced.stdout).not.toContain("checks before");
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      rmSync(root, { recursive: true });
    });
  }, 60_000);

  test("a failing statement: one error line, exit 1; fixed and re-run, it finishes", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project();
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      await conn.query("INSERT INTO `users` (`id`, `email`) VALUES (1, 'x'), (2, 'x')");
      const failed = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(failed.code).toBe(1);
      expect(failed.stderr).toStartWith(
        'Error: sql/migrate: executing statement "ALTER TABLE `users` ADD UNIQUE INDEX `email_uq` (`email`)" reverting version "2": ',
      );
      expect(failed.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(await versions(conn)).toEqual(["1", "2"]);
      await conn.query("DELETE FROM `users` WHERE `id` = 2");
      const resumed = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(resumed.code).toBe(0);
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      expect(await versions(conn)).toEqual(["1"]);
      rmSync(root, { recursive: true });
    });
  }, 60_000);

  test("--env supplies the URL; --to-version; the lock is honoured", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project(
        `env "prod" {\n  url = getenv("STATS_DB_URL")\n  migration {\n    dir = "file://migrations"\n    lock_timeout = "0s"\n  }\n}\n`,
      );
      const env = { STATS_DB_URL: url };
      expect(cli(["migrate", "apply", "--env", "prod"], { cwd: root, env }).code).toBe(0);
      await conn.query("SELECT GET_LOCK('atlas_migrate_execute', 0)");
      const locked = cli(["migrate", "down", "--env", "prod", "--to-version", "1"], { cwd: root, env });
      expect([locked.code, locked.stderr]).toEqual([
        1,
        expect.stringMatching(
          /^Error: acquiring database lock: sql\/schema: lock is held by other session \(connection \d+ \(root@[^,]+, idle \d+s\)\)\n$/,
        ),
      ]);
      await conn.query("SELECT RELEASE_LOCK('atlas_migrate_execute')");
      const r = cli(["migrate", "down", "--env", "prod", "--to-version", "1"], { cwd: root, env });
      expect(r.code).toBe(0);
      expect(r.stdout.split("\n")[0]).toBe("Migrating down from version 2 to 1 (1 migration in total):");
      expect(await versions(conn)).toEqual(["1"]);
      rmSync(root, { recursive: true });
    });
  }, 60_000);

  test("--dev-url replays the directory on a dev database: the same plan as in memory", async () => {
    await withTestDatabase(async ({ url: devUrl }) => {
      await withTestDatabase(async ({ url, conn }) => {
        const root = project();
        expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
        const memory = cli(["migrate", "down", "--url", url, "--dry-run"], { cwd: root });
        const dev = cli(["migrate", "down", "--url", url, "--dry-run", "--dev-url", devUrl], { cwd: root });
        expect([dev.code, durations(dev.stdout), dev.stderr]).toEqual([0, durations(memory.stdout), ""]);
        expect(await versions(conn)).toEqual(["1", "2"]);
        rmSync(root, { recursive: true });
      });
    });
  }, 60_000);

  test("a URL without a schema is refused", () => {
    const root = project();
    const r = cli(["migrate", "down", "--url", "mysql://root@127.0.0.1:1"], { cwd: root });
    expect([r.code, r.stderr]).toEqual([
      2,
      "Error: mysql://root@127.0.0.1:1 names no database: add the schema to the URL path, e.g. mysql://user@host:1/app\n",
    ]);
    rmSync(root, { recursive: true });
  });

  test.each([
    { args: ["0"], stderr: "Error: cannot revert '0' migration files\n" },
    {
      args: ["x"],
      stderr:
        'Error: invalid amount argument "x" (invalid syntax). Omit the argument or pass a valid integer instead\n',
    },
    { args: ["1", "--to-version", "1"], stderr: "Error: give either an amount or --to-version, not both\n" },
  ])("usage errors exit 2 before connecting: $args", ({ args, stderr }) => {
    const root = project();
    const r = cli(["migrate", "down", "--url", "mysql://root@127.0.0.1:1/none", ...args], { cwd: root });
    expect([r.code, r.stdout, r.stderr]).toEqual([2, "", stderr]);
    rmSync(root, { recursive: true });
  });
});

describe("migrate down keeps data (CLI)", () => {
  const renames: Record<string, string> = {
    "1_init.sql": "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(50) NOT NULL, PRIMARY KEY (`id`));\n",
    "2_rename.sql":
      "ALTER TABLE `users` CHANGE COLUMN `email` `mail` varchar(50) NOT NULL;\nRENAME TABLE `users` TO `people`;\n",
  };
  function renameProject(): string {
    const root = mkdtempSync(join(tmpdir(), "stats-db-down-"));
    mkdirSync(join(root, "migrations"));
    for (const [name, text] of Object.entries(renames)) writeFileSync(join(root, "migrations", name), text);
    writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(memoryDir(renames).files())));
    return root;
  }

  test("a renamed column and table are renamed back with their values (in memory and with --dev-url); apply renames forward", async () => {
    await withTestDatabase(async ({ url: devUrl }) => {
      await withTestDatabase(async ({ url, conn }) => {
        const root = renameProject();
        expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
        await conn.query("INSERT INTO `people` (`id`, `mail`) VALUES (1, 'a@b'), (2, 'c@d')");
        const memory = cli(["migrate", "down", "--url", url, "--dry-run"], { cwd: root });
        const dev = cli(["migrate", "down", "--url", url, "--dry-run", "--dev-url", devUrl], { cwd: root });
        expect(memory.stdout).toContain(
          "  -- reverting version 2\n    -> RENAME TABLE `people` TO `users`\n    -> ALTER TABLE `users` RENAME COLUMN `mail` TO `email`\n  -- ok",
        );
        expect(durations(dev.stdout)).toBe(durations(memory.stdout));
        const r = cli(["migrate", "down", "--url", url], { cwd: root });
        expect([r.code, r.stderr]).toEqual([0, ""]);
        const [back] = (await conn.query("SELECT `id`, `email` FROM `users` ORDER BY `id`")) as [unknown[]];
        expect(back).toEqual([
          { id: 1, email: "a@b" },
          { id: 2, email: "c@d" },
        ]);
        expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
        const [forward] = (await conn.query("SELECT `id`, `mail` FROM `people` ORDER BY `id`")) as [unknown[]];
        expect(forward).toEqual([
          { id: 1, mail: "a@b" },
          { id: 2, mail: "c@d" },
        ]);
        rmSync(root, { recursive: true });
      });
    });
  }, 60_000);

  test("drift: listed on stdout, one error line, exit 1, nothing changed; --allow-drift reverts", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project();
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      await conn.query("ALTER TABLE `users` ADD COLUMN `nick` varchar(20) NULL, MODIFY `email` varchar(255) NOT NULL");
      const r = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(r.code).toBe(1);
      expect(durations(r.stdout)).toBe(
        [
          "Migrating down from version 2 to 1 (1 migration in total):",
          "",
          "  -- the database has drifted from the migration directory at version 2:",
          '    extra column "nick" of table "users": `nick` varchar(20) NULL',
          '    column "email" of table "users" is `email` varchar(255) NOT NULL; the directory has `email` varchar(50) NOT NULL',
          "",
          "  -------------------------",
          "  -- D",
          "",
        ].join("\n"),
      );
      expect(r.stderr).toStartWith(
        'Error: the database has drifted from the migration directory at version "2" (2 differences: ',
      );
      expect(r.stderr.trimEnd().split("\n")).toHaveLength(1);
      expect(await tables(conn)).toEqual([
        "atlas_schema_revisions",
        "logs",
        "stats_db_apply_journal",
        "stats_db_run_log",
        "users",
      ]);
      expect(await versions(conn)).toEqual(["1", "2"]);
      const allowed = cli(["migrate", "down", "--url", url, "--allow-drift"], { cwd: root });
      expect([allowed.code, allowed.stderr]).toEqual([0, ""]);
      expect(await versions(conn)).toEqual(["1"]);
      rmSync(root, { recursive: true });
    });
  }, 60_000);
});
