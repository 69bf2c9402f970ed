import { describe, expect, test } from "bun:test";
import type { Connection } from "../../src/db/connect.ts";
import type { MigrationDir } from "../../src/migrate/dir.ts";
import { DataLossError, DownTargetError, RevertStatementError } from "../../src/migrate/down/errors.ts";
import { formatDownText } from "../../src/cli/report/down.ts";
import { applyDir, downDir, hashedDir, revisionVersions, tableSnapshot } from "../support/library-apply.ts";
import { withTestConnection } from "../support/mariadb.ts";

const FILES: Record<string, string> = {
  "1_init.sql":
    "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(50) NOT NULL, PRIMARY KEY (`id`), UNIQUE INDEX `email_uq` (`email`));\n",
  "2_logs.sql":
    "CREATE TABLE `logs` (`id` int NOT NULL, `msg` text NULL, PRIMARY KEY (`id`));\nALTER TABLE `users` ADD COLUMN `name` varchar(100) NULL, DROP INDEX `email_uq`;\n",
  "3_level.sql": "ALTER TABLE `logs` ADD COLUMN `level` int NULL;\nCREATE INDEX `logs_level` ON `logs` (`level`);\n",
};

/** The first `n` files of FILES (plus extra ones), hashed. */
function dirOf(n: number, extra: Record<string, string> = {}): MigrationDir {
  return hashedDir({ ...Object.fromEntries(Object.entries(FILES).slice(0, n)), ...extra });
}

async function applyAll(conn: Connection, name: string, dir: MigrationDir): Promise<void> {
  await applyDir(conn, name, dir);
}

const down = downDir;

const snapshot = tableSnapshot;

const versions = revisionVersions;

/** The schema a database gets from applying only the given directory. */
async function expected(dir: MigrationDir): Promise<Record<string, string>> {
  let out: Record<string, string> = {};
  await withTestConnection(async (conn, name) => {
    await applyAll(conn, name, dir);
    out = await snapshot(conn);
  });
  return out;
}

describe("migrateDown on a real server", () => {
  test.each([
    { label: "down 1 from 3", want: {}, keep: 2 },
    { label: "down 2 from 3", want: { amount: 2 }, keep: 1 },
    { label: "--to-version 1", want: { toVersion: "1" }, keep: 1 },
    { label: "an amount above the history reverts everything", want: { amount: 9 }, keep: 0 },
  ])(
    "$label: the database equals one where only the kept files were applied; their rows stay",
    async ({ want, keep }) => {
      const reference = await expected(dirOf(keep));
      await withTestConnection(async (conn, name) => {
        await applyAll(conn, name, dirOf(3));
        const report = await down(conn, name, dirOf(3), want);
        expect(report.failure).toBeUndefined();
        expect(report.planned.map((r) => r.version)).toEqual(["3", "2", "1"].slice(0, 3 - keep));
        expect(await snapshot(conn)).toEqual(reference);
        expect(await versions(conn)).toEqual(["1", "2", "3"].slice(0, keep));
      });
    },
    60_000,
  );

  test("the report: header, a checks block and a reverting block per version, footer", async () => {
    await withTestConnection(async (conn, name) => {
      await applyAll(conn, name, dirOf(3));
      const text = formatDownText(await down(conn, name, dirOf(3), { amount: 2 })).replace(
        /\((\d[\d.]*(ns|µs|ms|s))\)|-- \d[\d.]*(ns|µs|ms|s)$/gm,
        (m) => (m.startsWith("(") ? "(D)" : "-- D"),
      );
      expect(text).toBe(
        [
          "Migrating down from version 3 to 1 (2 migrations in total):",
          "",
          "  -- checks before reverting version 3",
          "    -> SELECT NOT EXISTS (SELECT 1 FROM `logs` WHERE `level` IS NOT NULL) AS `is_empty`",
          "  -- ok (D)",
          "",
          "  -- reverting version 3",
          "    -> ALTER TABLE `logs` DROP COLUMN `level`",
          "  -- ok (D)",
          "",
          "  -- checks before reverting version 2",
          "    -> SELECT NOT EXISTS (SELECT 1 FROM `logs`) AS `is_empty`",
          "    -> SELECT NOT EXISTS (SELECT 1 FROM `users` WHERE `name` IS NOT NULL) AS `is_empty`",
          "  -- ok (D)",
          "",
          "  -- reverting version 2",
          "    -> ALTER TABLE `users` DROP COLUMN `name`, ADD UNIQUE INDEX `email_uq` (`email`)",
          "    -> DROP TABLE `logs`",
          "  -- ok (D)",
          "",
          "  -------------------------",
          "  -- D",
          "  -- 2 migrations",
          "  -- 3 sql statements",
          "",
        ].join("\n"),
      );
    });
  }, 60_000);

  test.each([
    {
      label: "a non-empty table",
      data: "INSERT INTO `logs` (`id`) VALUES (1)",
      amount: 2,
      table: "logs",
      column: undefined,
    },
    {
      label: "a column with values",
      data: "INSERT INTO `logs` (`id`, `level`) VALUES (1, 5)",
      amount: 1,
      table: "logs",
      column: "level",
    },
    {
      label: "a column with values in an earlier file",
      data: "INSERT INTO `users` (`id`, `email`, `name`) VALUES (1, 'a@b', 'A')",
      amount: 2,
      table: "users",
      column: "name",
    },
  ])(
    "$label blocks the revert: nothing changes; --force-data-loss reverts",
    async ({ data, amount, table, column }) => {
      await withTestConnection(async (conn, name) => {
        await applyAll(conn, name, dirOf(3));
        await conn.exec(data);
        const before = await snapshot(conn);
        const report = await down(conn, name, dirOf(3), { amount });
        expect(report.failure).toBeInstanceOf(DataLossError);
        expect(report.failure).toMatchObject({ table, column });
        expect(report.steps.some((s) => s.ran)).toBe(false);
        expect(await snapshot(conn)).toEqual(before);
        expect(await versions(conn)).toEqual(["1", "2", "3"]);
        const forced = await down(conn, name, dirOf(3), { amount, forceDataLoss: true });
        expect(forced.failure).toBeUndefined();
        expect(forced.steps.flatMap((s) => s.checks)).toEqual([]);
        expect(await versions(conn)).toEqual(["1", "2", "3"].slice(0, 3 - amount));
      });
    },
    60_000,
  );

  test("a failed revert leaves the rows and resumes on re-run with the same amount", async () => {
    const reference = await expected(dirOf(1));
    await withTestConnection(async (conn, name) => {
      await applyAll(conn, name, dirOf(3));
      // Version 2 dropped the unique index; duplicates make re-adding it fail in the second step.
      await conn.exec("INSERT INTO `users` (`id`, `email`) VALUES (1, 'x'), (2, 'x')");
      const failed = await down(conn, name, dirOf(3), { amount: 2 });
      expect(failed.failure).toBeInstanceOf(RevertStatementError);
      expect(failed.failure!.message).toStartWith(
        'sql/migrate: executing statement "ALTER TABLE `users` DROP COLUMN `name`, ADD UNIQUE INDEX `email_uq` (`email`)" reverting version "2": ',
      );
      expect(formatDownText(failed)).toContain(
        "  -- 1 migration ok, 1 with errors\n  -- 1 sql statement ok, 1 with errors\n",
      );
      const rows = await conn.query(
        "SELECT version, applied, total, error, error_stmt FROM atlas_schema_revisions ORDER BY version",
      );
      expect(rows.map((r) => [r.version, r.applied, r.total])).toEqual([
        ["1", 1, 1],
        ["2", 2, 2],
        ["3", 0, 2],
      ]);
      expect(String(rows[1]!.error)).toContain("Duplicate entry");
      expect(rows[1]!.error_stmt).toBe("ALTER TABLE `users` DROP COLUMN `name`, ADD UNIQUE INDEX `email_uq` (`email`)");
      expect(rows[2]!.error).toBe("reverted by migrate down; the revert to version 1 has not finished");
      await conn.exec("DELETE FROM `users` WHERE `id` = 2");
      const resumed = await down(conn, name, dirOf(3), { amount: 2 });
      expect(resumed.failure).toBeUndefined();
      expect(resumed.steps.map((s) => [s.step.revision.version, s.step.alreadyReverted, s.applied.length])).toEqual([
        ["3", true, 0],
        ["2", false, 2],
      ]);
      expect(await snapshot(conn)).toEqual(reference);
      expect(await versions(conn)).toEqual(["1"]);
    });
  }, 60_000);

  test("a revert stopped after its first statement re-plans only the rest", async () => {
    const files = {
      "1_ab.sql":
        "CREATE TABLE `a` (`x` int NOT NULL, UNIQUE INDEX `a_x` (`x`));\nCREATE TABLE `b` (`y` int NOT NULL, UNIQUE INDEX `b_y` (`y`));\n",
      "2_drop_uq.sql": "ALTER TABLE `a` DROP INDEX `a_x`;\nALTER TABLE `b` DROP INDEX `b_y`;\n",
    };
    const reference = await expected(hashedDir({ "1_ab.sql": files["1_ab.sql"] }));
    await withTestConnection(async (conn, name) => {
      await applyAll(conn, name, hashedDir(files));
      await conn.exec("INSERT INTO `b` (`y`) VALUES (1), (1)");
      const failed = await down(conn, name, hashedDir(files));
      expect(failed.steps[0]!.applied).toEqual([
        "ALTER TABLE `a` ADD UNIQUE INDEX `a_x` (`x`)",
        "ALTER TABLE `b` ADD UNIQUE INDEX `b_y` (`y`)",
      ]);
      expect(failed.failure).toBeInstanceOf(RevertStatementError);
      expect(await versions(conn)).toEqual(["1", "2"]);
      await conn.exec("DELETE FROM `b` LIMIT 1");
      const resumed = await down(conn, name, hashedDir(files));
      expect(resumed.failure).toBeUndefined();
      expect(resumed.steps[0]!.applied).toEqual(["ALTER TABLE `b` ADD UNIQUE INDEX `b_y` (`y`)"]);
      expect(await snapshot(conn)).toEqual(reference);
      expect(await versions(conn)).toEqual(["1"]);
    });
  }, 60_000);

  test("after a partially applied file: its statements are reverted and its row goes", async () => {
    const broken = {
      "4_broken.sql": "CREATE TABLE `t4` (`id` int NOT NULL);\nALTER TABLE `missing` ADD COLUMN `x` int;\n",
    };
    const reference = await expected(dirOf(3));
    await withTestConnection(async (conn, name) => {
      await applyAll(conn, name, dirOf(3, broken));
      expect(await conn.query("SELECT applied, total FROM atlas_schema_revisions WHERE version = '4'")).toEqual([
        { applied: 1, total: 2 },
      ]);
      const report = await down(conn, name, dirOf(3, broken));
      expect(report.failure).toBeUndefined();
      expect(report.steps[0]!.applied).toEqual(["DROP TABLE `t4`"]);
      expect(await snapshot(conn)).toEqual(reference);
      expect(await versions(conn)).toEqual(["1", "2", "3"]);
    });
  }, 60_000);

  test("--dry-run runs the checks, reports the plan and changes nothing", async () => {
    await withTestConnection(async (conn, name) => {
      await applyAll(conn, name, dirOf(3));
      const before = await snapshot(conn);
      const rows = await conn.query("SELECT * FROM atlas_schema_revisions ORDER BY version");
      const report = await down(conn, name, dirOf(3), { amount: 3, dryRun: true });
      expect(report.failure).toBeUndefined();
      expect(report.steps.map((s) => s.applied.length)).toEqual([1, 2, 1]);
      expect(report.steps.map((s) => s.checks.length)).toEqual([1, 2, 1]);
      expect(await snapshot(conn)).toEqual(before);
      expect(await conn.query("SELECT * FROM atlas_schema_revisions ORDER BY version")).toEqual(rows);
      await conn.exec("INSERT INTO `users` (`id`, `email`) VALUES (1, 'x')");
      expect((await down(conn, name, dirOf(3), { amount: 3, dryRun: true })).failure).toBeInstanceOf(DataLossError);
    });
  }, 60_000);

  test("nothing to revert: no revisions table, or already at --to-version", async () => {
    await withTestConnection(async (conn, name) => {
      const none = await down(conn, name, dirOf(3));
      expect(none.planned).toEqual([]);
      expect(formatDownText(none)).toBe("No migration files to revert\n");
      expect(await snapshot(conn)).toEqual({});
      await applyAll(conn, name, dirOf(3));
      expect((await down(conn, name, dirOf(3), { toVersion: "3" })).planned).toEqual([]);
      await expect(down(conn, name, dirOf(3), { toVersion: "7" })).rejects.toBeInstanceOf(DownTargetError);
      expect(await versions(conn)).toEqual(["1", "2", "3"]);
    });
  }, 60_000);
});
