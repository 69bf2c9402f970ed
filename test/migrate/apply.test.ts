import { describe, expect, test } from "bun:test";
import { formatApplyText } from "../../src/cli/report/apply.ts";
import { partialHashes } from "../../src/migrate/apply/partial-hash.ts";
import { RevisionStore } from "../../src/migrate/revisions.ts";
import { migrateStatus } from "../../src/migrate/status.ts";
import { formatStatusText } from "../../src/cli/report/status.ts";
import { computeSum } from "../../src/migrate/dir/sum.ts";
import { applyDir, hashedDir } from "../support/library-apply.ts";
import { withTestConnection } from "../support/mariadb.ts";

const apply = applyDir;

const INIT = "CREATE TABLE `t1` (`id` int NOT NULL);\n";
const ADD = "ALTER TABLE `t1` ADD COLUMN `name` varchar(255) NULL;\n";

describe("migrateApply on a real server", () => {
  test("fresh database: rows follow Atlas's rules column by column", async () => {
    await withTestConnection(async (conn, name) => {
      const dir = hashedDir({ "20240101000000_init.sql": INIT, "20240102000000_add_name.sql": ADD });
      const before = Date.now();
      const report = await apply(conn, name, dir);
      expect(report.failure).toBeUndefined();
      expect(report.message).toBe("Migrated to version 20240102000000 (2 migrations in total)");
      const rows = await conn.query(
        `SELECT *, CONCAT('', partial_hashes) AS partial_hashes FROM atlas_schema_revisions ORDER BY version`,
      );
      expect(
        rows.map((r) => [
          r.version,
          r.description,
          r.type,
          r.applied,
          r.total,
          r.error,
          r.error_stmt,
          r.hash,
          r.partial_hashes,
          r.operator_version,
        ]),
      ).toEqual([
        [
          "20240101000000",
          "init",
          2,
          1,
          1,
          "",
          "",
          "nbPMtVYObDZtrPOV2UmCYad48G3Wi1f2DZ/mwZtvxBc=",
          "null",
          "stats-db v0.1.0",
        ],
        [
          "20240102000000",
          "add_name",
          2,
          1,
          1,
          "",
          "",
          "Wh4jNYf6NmHwfqzKQBoZYQ/WsyomPzxZC584nt7x3GA=",
          "null",
          "stats-db v0.1.0",
        ],
      ]);
      for (const r of rows) {
        expect((r.executed_at as Date).getTime()).toBeGreaterThanOrEqual(Math.floor(before / 1000) * 1000 - 1000);
        expect(typeof r.execution_time === "number" && r.execution_time > 0).toBe(true);
      }
      const [ddl] = await conn.query<{ "Create Table": string }>("SHOW CREATE TABLE atlas_schema_revisions");
      expect(ddl!["Create Table"]).toContain("`executed_at` timestamp NULL DEFAULT NULL");
      expect(ddl!["Create Table"]).toContain(
        "`partial_hashes` longtext DEFAULT NULL CHECK (json_valid(`partial_hashes`))",
      );
      expect((await apply(conn, name, dir)).message).toBe("No migration files to execute");
    });
  }, 60_000);

  test("baseline: the baseline row, then only later files; header says from the baseline", async () => {
    await withTestConnection(async (conn, name) => {
      await conn.exec("CREATE TABLE `t1` (`id` int NOT NULL)");
      const dir = hashedDir({ "1_init.sql": INIT, "2_add.sql": ADD });
      const report = await apply(conn, name, dir, { baseline: "1" });
      expect(formatApplyText(report).split("\n")[0]).toBe("Migrating to version 2 from 1 (1 migrations in total):");
      const rows = await conn.query(
        "SELECT version, type, applied, total, hash, CONCAT('', partial_hashes) AS partial_hashes FROM atlas_schema_revisions ORDER BY version",
      );
      expect(rows).toEqual([
        { version: "1", type: 1, applied: 0, total: 0, hash: "", partial_hashes: "null" },
        {
          version: "2",
          type: 2,
          applied: 1,
          total: 1,
          hash: computeSum(dir.files()).entries[1]!.hash,
          partial_hashes: "null",
        },
      ]);
    });
  }, 60_000);

  test("a dirty database is refused and nothing runs", async () => {
    await withTestConnection(async (conn, name) => {
      await conn.exec("CREATE TABLE `other` (`id` int)");
      const err = await apply(conn, name, hashedDir({ "1_init.sql": INIT })).catch((e) => e);
      expect(err.message).toBe(
        `sql/migrate: connected database is not clean: found table "other" in schema "${name}". baseline version or allow-dirty is required`,
      );
      expect(await conn.query("SELECT COUNT(*) AS n FROM atlas_schema_revisions")).toEqual([{ n: 0 }]);
      expect(
        await conn.query(
          `SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 't1'`,
          [name],
        ),
      ).toEqual([{ n: 0 }]);
    });
  }, 60_000);

  test("third statement fails → applied=2 + error; fix → only the rest runs; edited applied statement → refused", async () => {
    await withTestConnection(async (conn, name) => {
      const stmts = [
        "CREATE TABLE t (a int);",
        "ALTER TABLE t ADD COLUMN b int;",
        "ALTER TABLE t ADD COLUMN a int;",
        "ALTER TABLE t ADD COLUMN c int;",
      ];
      const broken = hashedDir({ "1_x.sql": stmts.join("\n") + "\n" });
      const first = await apply(conn, name, broken);
      expect(first.failure?.message).toBe(
        `sql/migrate: executing statement "ALTER TABLE t ADD COLUMN a int;" from version "1": Error 1060 (42S21): Duplicate column name 'a'`,
      );
      const [row] = await conn.query(
        "SELECT applied, total, error, error_stmt, CONCAT('', partial_hashes) AS partial_hashes FROM atlas_schema_revisions",
      );
      expect(row).toEqual({
        applied: 2,
        total: 4,
        error: "Error 1060 (42S21): Duplicate column name 'a'",
        error_stmt: stmts[2],
        partial_hashes: JSON.stringify(partialHashes(stmts).slice(0, 2)),
      });
      const status = formatStatusText(await migrateStatus(conn, broken, name));
      expect(status).toContain(
        "  -- Current Version: 1 (2 statements applied)\n  -- Next Version:    1 (2 statements left)\n  -- Executed Files:  1 (last one partially)\n",
      );

      const edited = hashedDir({ "1_x.sql": ["CREATE TABLE t (a bigint);", ...stmts.slice(1)].join("\n") + "\n" });
      expect((await apply(conn, name, edited).catch((e) => e)).message).toBe(
        'sql/migrate: history changed: statement 1 from file "1_x.sql" changed',
      );

      const fixedStmts = [...stmts.slice(0, 2), "ALTER TABLE t ADD COLUMN d int;", stmts[3]!];
      const fixed = hashedDir({ "1_x.sql": fixedStmts.join("\n") + "\n" });
      const second = await apply(conn, name, fixed);
      expect(second.failure).toBeUndefined();
      expect(second.applied[0]!.applied).toEqual(fixedStmts.slice(2));
      expect(
        await conn.query(
          "SELECT applied, total, error, error_stmt, CONCAT('', partial_hashes) AS partial_hashes FROM atlas_schema_revisions",
        ),
      ).toEqual([{ applied: 4, total: 4, error: "", error_stmt: "", partial_hashes: "null" }]);
      const cols = await conn.query(
        "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION",
        [name],
      );
      expect(cols.map((c) => c.c)).toEqual(["a", "b", "d", "c"]);
    });
  }, 60_000);

  test("dry run changes nothing and prints what a real run prints", async () => {
    await withTestConnection(async (conn, name) => {
      const dir = hashedDir({ "1_init.sql": INIT, "2_add.sql": ADD });
      const dry = await apply(conn, name, dir, { dryRun: true });
      expect(
        await conn.query(`SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?`, [name]),
      ).toEqual([{ n: 0 }]);
      const real = await apply(conn, name, dir);
      const strip = (s: string) => s.replace(/\((?:[\d.]+(?:ns|µs|ms|s))\)|-- [\d.]+(?:ns|µs|ms|s)\n/g, "");
      expect(strip(formatApplyText(dry))).toBe(strip(formatApplyText(real)));
      expect(await new RevisionStore(conn, name).readAll()).toHaveLength(2);
    });
  }, 60_000);

  test("a statement that is only versioned comments is sent as those comments, not as an empty query", async () => {
    await withTestConnection(async (conn, name) => {
      const dump = "/*!40101 SET @stats_db_seen = 1 */;\n/*M!100100 SET @stats_db_maria = 1 */;\n" + INIT;
      const report = await apply(conn, name, hashedDir({ "1_init.sql": dump }));
      expect(report.failure).toBeUndefined();
      const [row] = await conn.query(`SELECT applied, total, error FROM atlas_schema_revisions`);
      expect([row?.applied, row?.total, row?.error]).toEqual([3, 3, ""]);
      // The server ran the versioned comments (they set session variables on this connection's server).
      expect(await conn.query(`SELECT @stats_db_seen AS seen, @stats_db_maria AS maria`)).toEqual([
        { seen: 1, maria: 1 },
      ]);
    });
  }, 60_000);

  test("amount and to-version limit the files", async () => {
    await withTestConnection(async (conn, name) => {
      const dir = hashedDir({
        "1_a.sql": "CREATE TABLE a (x int);\n",
        "2_b.sql": "CREATE TABLE b (x int);\n",
        "3_c.sql": "CREATE TABLE c (x int);\n",
      });
      expect((await apply(conn, name, dir, { amount: 1 })).applied.map((a) => a.file.version)).toEqual(["1"]);
      expect((await apply(conn, name, dir, { toVersion: "2" })).applied.map((a) => a.file.version)).toEqual(["2"]);
      expect((await apply(conn, name, dir, { toVersion: "9" }).catch((e) => e)).message).toBe(
        'sql/migrate: migration with version "9" not found',
      );
    });
  }, 60_000);

  test("before each statement is sent, its file's row and its journal intent are written; the journal ends empty", async () => {
    await withTestConnection(async (conn, name) => {
      const dir = hashedDir({
        "1_a.sql": "CREATE TABLE a (x int);\nALTER TABLE a ADD COLUMN y int;\n",
        "2_b.sql": "CREATE TABLE b (x int);\nALTER TABLE b ADD COLUMN y int;\n",
        "3_c.sql": "CREATE TABLE c (x int);\n",
      });
      const seen: unknown[] = [];
      const send = async (text: string) => {
        // The newest rows are the running file's (a completed file's journal row stays until the run ends).
        const [rev] = await conn.query("SELECT version, applied FROM atlas_schema_revisions ORDER BY version DESC");
        const [intent] = await conn.query(
          "SELECT version, stmt_index FROM stats_db_apply_journal ORDER BY version DESC",
        );
        seen.push([rev?.version, Number(rev?.applied), intent?.version, Number(intent?.stmt_index)]);
        await conn.exec(text);
      };
      expect((await apply(conn, name, dir, { send })).failure).toBeUndefined();
      expect(seen).toEqual([
        ["1", 0, "1", 0],
        ["1", 1, "1", 1],
        ["2", 0, "2", 0],
        ["2", 1, "2", 1],
        ["3", 0, "3", 0],
      ]);
      expect(await conn.query("SELECT * FROM stats_db_apply_journal")).toEqual([]);
      const rows = await conn.query("SELECT version, applied, total FROM atlas_schema_revisions ORDER BY version");
      expect(rows.map((r) => [r.version, Number(r.applied), Number(r.total)])).toEqual([
        ["1", 2, 2],
        ["2", 2, 2],
        ["3", 1, 1],
      ]);
    });
  }, 60_000);
});
