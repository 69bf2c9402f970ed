/**
 * `migrate down` keeps data: declared renames are reverted as renames, drift from the directory stops the run, and
 * narrowing a column is checked against the rows that would not fit. On a real server, with rows in the columns.
 */
import { describe, expect, test } from "bun:test";
import type { Connection } from "../../src/db/connect.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { migrateApply } from "../../src/migrate/apply.ts";
import type { MigrationDir } from "../../src/migrate/dir.ts";
import { DataLossError, DriftError, RevertStatementError } from "../../src/migrate/down/errors.ts";
import { formatDownText } from "../../src/cli/report/down.ts";
import { applyDir, downDir, hashedDir, revisionVersions, tableSnapshot } from "../support/library-apply.ts";
import { withTestConnection } from "../support/mariadb.ts";

async function apply(conn: Connection, name: string, dir: MigrationDir): Promise<void> {
  expect((await applyDir(conn, name, dir)).failure).toBeUndefined();
}

const down = downDir;

const snapshot = tableSnapshot;

const versions = revisionVersions;

async function rows(conn: Connection, sql: string): Promise<unknown[][]> {
  return (await conn.query(sql)).map((r) => Object.values(r));
}

const INIT =
  "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(50) NOT NULL, PRIMARY KEY (`id`));\nCREATE TABLE `logs` (`id` int NOT NULL, `msg` varchar(20) NULL, PRIMARY KEY (`id`));\n";

describe("migrate down reverts renames as renames", () => {
  test.each([
    {
      label: "RENAME COLUMN and RENAME TABLE",
      file: "ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;\nRENAME TABLE `logs` TO `events`;\n",
      users: "mail",
      logs: "events",
    },
    {
      label: "CHANGE COLUMN old new (with a wider type) and ALTER TABLE … RENAME TO",
      file: "ALTER TABLE `users` CHANGE COLUMN `email` `mail` varchar(80) NOT NULL;\nALTER TABLE `logs` RENAME TO `events`;\n",
      users: "mail",
      logs: "events",
    },
    {
      label: "a column renamed in a renamed table",
      file: "RENAME TABLE `logs` TO `events`;\nALTER TABLE `events` RENAME COLUMN `msg` TO `text`;\nALTER TABLE `users` RENAME COLUMN `email` TO `mail`;\n",
      users: "mail",
      logs: "events",
    },
  ])(
    "$label: the values stay under the old names; apply renames forward again with the values",
    async ({ file, users, logs }) => {
      const dir = hashedDir({ "1_init.sql": INIT, "2_rename.sql": file });
      await withTestConnection(async (conn, name) => {
        await apply(conn, name, hashedDir({ "1_init.sql": INIT }));
        const reference = await snapshot(conn);
        await apply(conn, name, dir);
        await conn.exec(
          `INSERT INTO \`users\` (\`id\`, \`${users}\`) VALUES (1, 'a@example.com'), (2, 'b@example.com')`,
        );
        await conn.exec(`INSERT INTO \`${logs}\` VALUES (1, 'hello')`);
        const report = await down(conn, name, dir);
        expect(report.failure).toBeUndefined();
        const applied = report.steps[0]!.applied.join("\n");
        expect(applied).toContain("RENAME");
        expect(applied).not.toMatch(/DROP|ADD COLUMN/);
        expect(await snapshot(conn)).toEqual(reference);
        expect(await rows(conn, "SELECT `id`, `email` FROM `users` ORDER BY `id`")).toEqual([
          [1, "a@example.com"],
          [2, "b@example.com"],
        ]);
        expect(await rows(conn, "SELECT `id`, `msg` FROM `logs`")).toEqual([[1, "hello"]]);
        await apply(conn, name, dir);
        expect(await rows(conn, `SELECT \`id\`, \`${users}\` FROM \`users\` ORDER BY \`id\``)).toEqual([
          [1, "a@example.com"],
          [2, "b@example.com"],
        ]);
        expect((await rows(conn, `SELECT * FROM \`${logs}\``))[0]).toEqual([1, "hello"]);
        expect(await versions(conn)).toEqual(["1", "2"]);
      });
    },
    60_000,
  );

  test("renames over two reverted files (a chain: email → mail → address, users → people) come back in one run", async () => {
    const files = {
      "1_init.sql": INIT,
      "2_mail.sql": "ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;\n",
      "3_people.sql": "ALTER TABLE `users` RENAME COLUMN `mail` TO `address`;\nRENAME TABLE `users` TO `people`;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir({ "1_init.sql": INIT }));
      const reference = await snapshot(conn);
      await apply(conn, name, hashedDir(files));
      await conn.exec("INSERT INTO `people` (`id`, `address`) VALUES (7, 'x@y')");
      const report = await down(conn, name, hashedDir(files), { amount: 2 });
      expect(report.failure).toBeUndefined();
      expect(report.steps.map((s) => s.applied)).toEqual([
        ["RENAME TABLE `people` TO `users`", "ALTER TABLE `users` RENAME COLUMN `address` TO `mail`"],
        ["ALTER TABLE `users` RENAME COLUMN `mail` TO `email`"],
      ]);
      expect(await snapshot(conn)).toEqual(reference);
      expect(await rows(conn, "SELECT `id`, `email` FROM `users`")).toEqual([[7, "x@y"]]);
    });
  }, 60_000);

  test("a column dropped and re-created under the same name is not a rename: the check guards it", async () => {
    const files = {
      "1_init.sql": INIT,
      "2_recreate.sql": "ALTER TABLE `logs` DROP COLUMN `msg`;\nALTER TABLE `logs` ADD COLUMN `msg` int NULL;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(files));
      await conn.exec("INSERT INTO `logs` VALUES (1, 5)");
      const report = await down(conn, name, hashedDir(files));
      expect(report.failure).toBeInstanceOf(DataLossError);
    });
  }, 60_000);
});

describe("migrate down stops on drift", () => {
  const files = { "1_init.sql": INIT, "2_level.sql": "ALTER TABLE `logs` ADD COLUMN `level` int NULL;\n" };
  test.each([
    {
      label: "a column added by hand",
      sql: "ALTER TABLE `users` ADD COLUMN `nick` varchar(20) NULL",
      lines: ['extra column "nick" of table "users": `nick` varchar(20) NULL'],
    },
    {
      label: "a widened type",
      sql: "ALTER TABLE `users` MODIFY `email` varchar(255) NOT NULL",
      lines: [
        'column "email" of table "users" is `email` varchar(255) NOT NULL; the directory has `email` varchar(50) NOT NULL',
      ],
    },
    {
      label: "an extra index",
      sql: "CREATE INDEX `by_email` ON `users` (`email`)",
      lines: ['extra index "by_email" of table "users"'],
    },
    { label: "an extra table", sql: "CREATE TABLE `tmp` (`x` int)", lines: ['extra table "tmp"'] },
    { label: "a dropped table", sql: "DROP TABLE `users`", lines: ['missing table "users"'] },
    {
      label: "two differences",
      sql: "ALTER TABLE `logs` DROP COLUMN `msg`, ADD COLUMN `x` int NULL",
      lines: [
        'missing column "msg" of table "logs": `msg` varchar(20) NULL',
        'extra column "x" of table "logs": `x` int NULL',
      ],
    },
  ])(
    "$label: listed, nothing changed; --allow-drift reverts",
    async ({ sql, lines }) => {
      await withTestConnection(async (conn, name) => {
        await apply(conn, name, hashedDir(files));
        await conn.exec(sql);
        const before = await snapshot(conn);
        for (const dryRun of [true, false]) {
          const report = await down(conn, name, hashedDir(files), { dryRun });
          expect(report.failure).toBeInstanceOf(DriftError);
          expect([...(report.drift ?? [])].sort()).toEqual([...lines].sort());
          expect(report.steps).toEqual([]);
        }
        expect(await snapshot(conn)).toEqual(before);
        expect(await versions(conn)).toEqual(["1", "2"]);
        const allowed = await down(conn, name, hashedDir(files), { allowDrift: true, forceDataLoss: true });
        expect(allowed.failure).toBeUndefined();
        expect(await versions(conn)).toEqual(["1"]);
      });
    },
    60_000,
  );

  test("the report lists the drift under the header; the error names the version and the first difference", async () => {
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(files));
      await conn.exec("ALTER TABLE `users` ADD COLUMN `nick` varchar(20) NULL");
      const report = await down(conn, name, hashedDir(files));
      expect(report.failure!.message).toBe(
        'the database has drifted from the migration directory at version "2" (1 difference: extra column "nick" of table "users": `nick` varchar(20) NULL): nothing was changed (--allow-drift reverts anyway, planning from the live schema)',
      );
      expect(formatDownText(report).split("\n").slice(0, 4)).toEqual([
        "Migrating down from version 2 to 1 (1 migration in total):",
        "",
        "  -- the database has drifted from the migration directory at version 2:",
        '    extra column "nick" of table "users": `nick` varchar(20) NULL',
      ]);
    });
  }, 60_000);

  test("a partly applied file is compared with its applied statements only: no drift", async () => {
    const broken = {
      ...files,
      "3_broken.sql":
        "CREATE TABLE `t3` (`id` int NOT NULL);\nALTER TABLE `missing` ADD COLUMN `x` int;\nCREATE TABLE `t4` (`id` int);\n",
    };
    await withTestConnection(async (conn, name) => {
      await migrateApply(conn, {
        dir: hashedDir(broken),
        flavor: mariadb,
        urlSchema: name,
        revisionsSchema: name,
        revisionsSchemaExplicit: false,
        dryRun: false,
        allowDirty: false,
        txMode: "file",
        execOrder: "linear",
        operatorVersion: "stats-db v0.1.0",
      });
      const report = await down(conn, name, hashedDir(broken));
      expect(report.failure).toBeUndefined();
      expect(report.steps[0]!.applied).toEqual(["DROP TABLE `t3`"]);
    });
  }, 60_000);

  test("a resumed revert is not drift: the run finishes", async () => {
    const two = {
      "1_init.sql": INIT,
      "2_uq.sql": "CREATE UNIQUE INDEX `uq_msg` ON `logs` (`msg`);\nALTER TABLE `users` ADD COLUMN `level` int NULL;\n",
      "3_drop_uq.sql": "ALTER TABLE `logs` DROP INDEX `uq_msg`;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(two));
      await conn.exec("INSERT INTO `logs` VALUES (1, 'x'), (2, 'x')");
      const failed = await down(conn, name, hashedDir(two));
      expect(failed.failure).toBeInstanceOf(RevertStatementError);
      await conn.exec("DELETE FROM `logs` WHERE `id` = 2");
      const resumed = await down(conn, name, hashedDir(two));
      expect(resumed.failure).toBeUndefined();
      expect(await versions(conn)).toEqual(["1", "2"]);
    });
  }, 60_000);
});

describe("migrate down checks that narrowed columns keep their values", () => {
  const narrowing = [
    {
      label: "varchar(255) → varchar(50)",
      init: "`c` varchar(50) NULL",
      widen: "MODIFY `c` varchar(255) NULL",
      bad: ["REPEAT('x', 51)", "REPEAT('y', 60)"],
      good: "'short'",
      type: "varchar(50)",
    },
    {
      label: "text → varchar(20)",
      init: "`c` varchar(20) NULL",
      widen: "MODIFY `c` text NULL",
      bad: ["REPEAT('x', 21)"],
      good: "'short'",
      type: "varchar(20)",
    },
    {
      label: "bigint → int",
      init: "`c` int NULL",
      widen: "MODIFY `c` bigint NULL",
      bad: ["3000000000", "-3000000000"],
      good: "5",
      type: "int",
    },
    {
      label: "int unsigned → tinyint",
      init: "`c` tinyint NULL",
      widen: "MODIFY `c` int unsigned NULL",
      bad: ["300"],
      good: "100",
      type: "tinyint",
    },
    {
      label: "decimal(12,4) → decimal(6,2)",
      init: "`c` decimal(6,2) NULL",
      widen: "MODIFY `c` decimal(12,4) NULL",
      bad: ["12345.5", "1.125"],
      good: "1.25",
      type: "decimal(6,2)",
    },
    {
      label: "an ENUM member removed",
      init: "`c` enum('a','b') NULL",
      widen: "MODIFY `c` enum('a','b','c') NULL",
      bad: ["'c'"],
      good: "'b'",
      type: "enum('a','b')",
    },
    {
      label: "a SET member removed",
      init: "`c` set('a','b') NULL",
      widen: "MODIFY `c` set('a','b','c') NULL",
      bad: ["'a,c'"],
      good: "'a,b'",
      type: "set('a','b')",
    },
    {
      label: "NULL → NOT NULL",
      init: "`c` int NOT NULL DEFAULT 0",
      widen: "MODIFY `c` int NULL",
      bad: ["NULL"],
      good: "1",
      type: "int NOT NULL",
    },
    {
      label: "datetime(6) → datetime",
      init: "`c` datetime NULL",
      widen: "MODIFY `c` datetime(6) NULL",
      bad: ["'2026-01-01 10:00:00.5'"],
      good: "'2026-01-01 10:00:00'",
      type: "datetime",
    },
  ];
  test.each(narrowing)(
    "$label: refused naming table, column and rows; values that fit revert",
    async ({ init, widen, bad, good, type }) => {
      const files = {
        "1_init.sql": `CREATE TABLE \`t\` (\`id\` int NOT NULL AUTO_INCREMENT, ${init}, PRIMARY KEY (\`id\`));\n`,
        "2_widen.sql": `ALTER TABLE \`t\` ${widen};\n`,
      };
      await withTestConnection(async (conn, name) => {
        await apply(conn, name, hashedDir(files));
        for (const v of bad) await conn.exec(`INSERT INTO \`t\` (\`c\`) VALUES (${v})`);
        await conn.exec(`INSERT INTO \`t\` (\`c\`) VALUES (${good})`);
        const before = await snapshot(conn);
        const report = await down(conn, name, hashedDir(files));
        expect(report.failure).toBeInstanceOf(DataLossError);
        const n = bad.length;
        expect((report.failure as DataLossError).reason).toBe(
          `column "c" of table "t" has ${n} row${n > 1 ? "s" : ""} whose values do not fit ${type}`,
        );
        expect(report.failure!.message).toEndWith(
          `and reverting version "2" narrows it: nothing was changed (--force-data-loss reverts anyway)`,
        );
        expect(await snapshot(conn)).toEqual(before);
        expect(await versions(conn)).toEqual(["1", "2"]);
        await conn.exec(`DELETE FROM \`t\` WHERE \`id\` <= ${n}`);
        const ok = await down(conn, name, hashedDir(files));
        expect(ok.failure).toBeUndefined();
        expect(ok.steps[0]!.checks).toHaveLength(1);
        expect(await versions(conn)).toEqual(["1"]);
        expect(await rows(conn, "SELECT COUNT(*) FROM `t`")).toEqual([[1]]);
      });
    },
    60_000,
  );

  test("a column renamed by a later reverted file is checked under its live name", async () => {
    const files = {
      "1_init.sql": "CREATE TABLE `users` (`email` varchar(20) NULL);\n",
      "2_widen.sql": "ALTER TABLE `users` MODIFY `email` varchar(100) NULL;\n",
      "3_rename.sql": "ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;\nRENAME TABLE `users` TO `people`;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(files));
      await conn.exec("INSERT INTO `people` VALUES (REPEAT('m', 30))");
      const report = await down(conn, name, hashedDir(files), { amount: 2 });
      expect(report.steps[1]!.checks).toEqual([
        { stmt: "SELECT COUNT(*) AS `not_fitting` FROM `people` WHERE CHAR_LENGTH(`mail`) > 20", passed: false },
      ]);
      expect((report.failure as DataLossError).reason).toBe(
        'column "mail" of table "people" has 1 row whose values do not fit varchar(20)',
      );
      expect(await versions(conn)).toEqual(["1", "2", "3"]);
    });
  }, 60_000);

  test("a change of type family that cannot be compared: any non-NULL value may not fit", async () => {
    const files = {
      "1_init.sql": "CREATE TABLE `t` (`c` int NULL);\n",
      "2_str.sql": "ALTER TABLE `t` MODIFY `c` varchar(10) NULL;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(files));
      await conn.exec("INSERT INTO `t` VALUES ('12'), (NULL)");
      const report = await down(conn, name, hashedDir(files));
      expect((report.failure as DataLossError).reason).toBe(
        'column "c" of table "t" has 1 row whose values may not fit int',
      );
    });
  }, 60_000);

  test("a widening revert needs no check; --force-data-loss skips the narrowing check", async () => {
    const narrowed = {
      "1_init.sql": "CREATE TABLE `t` (`c` varchar(100) NULL);\n",
      "2_narrow.sql": "ALTER TABLE `t` MODIFY `c` varchar(10) NULL;\n",
    };
    const widened = {
      "1_init.sql": "CREATE TABLE `t` (`c` varchar(10) NULL);\n",
      "2_widen.sql": "ALTER TABLE `t` MODIFY `c` varchar(30) NULL;\n",
    };
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(narrowed));
      await conn.exec("INSERT INTO `t` VALUES ('a')");
      const widening = await down(conn, name, hashedDir(narrowed));
      expect(widening.failure).toBeUndefined();
      expect(widening.steps[0]!.checks).toEqual([]);
    });
    await withTestConnection(async (conn, name) => {
      await apply(conn, name, hashedDir(widened));
      await conn.exec("INSERT INTO `t` VALUES (REPEAT('z', 25))");
      expect((await down(conn, name, hashedDir(widened))).failure).toBeInstanceOf(DataLossError);
      const forced = await down(conn, name, hashedDir(widened), { forceDataLoss: true, dryRun: true });
      expect(forced.failure).toBeUndefined();
      expect(forced.steps[0]!.checks).toEqual([]);
    });
  }, 60_000);
});
