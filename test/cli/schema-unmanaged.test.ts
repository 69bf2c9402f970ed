/**
 * End to end on a real server: what the model does not cover (a sequence, a system-versioned table, a package) is named by `schema inspect` and `schema diff` as
 * "not managed: …", never dropped or re-created by a plan, and dropped by `schema clean` (a package is listed).
 */
import { expect, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

const UNMANAGED_DDL = [
  "CREATE TABLE t (id int NOT NULL PRIMARY KEY)",
  "CREATE SEQUENCE s1",
  "CREATE TABLE h (id int NOT NULL PRIMARY KEY, t_id int, FOREIGN KEY (t_id) REFERENCES t (id)) WITH SYSTEM VERSIONING",
  "CREATE VIEW v AS SELECT id FROM t",
  "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.id = NEW.id",
  "CREATE EVENT ev ON SCHEDULE EVERY 1 DAY DO SELECT 1",
  "CREATE PROCEDURE p() SELECT 1",
  "CREATE FUNCTION f() RETURNS int RETURN 1",
  "CREATE TABLE pt (id int NOT NULL) PARTITION BY HASH (id) PARTITIONS 2",
];

const LINES = ['not managed: package "pk"', 'not managed: sequence "s1"', 'not managed: system-versioned table "h"'];

test("schema inspect names every unmanaged object in each format, and clean drops them all", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    for (const sql of UNMANAGED_DDL) await conn.query(sql);
    await conn.query("SET SESSION sql_mode = 'ORACLE'");
    await conn.query("CREATE PACKAGE pk AS FUNCTION f1 RETURN INT; END");
    await conn.query("SET SESSION sql_mode = DEFAULT");
    const hcl = cli(["schema", "inspect", "--url", url]);
    expect(hcl.code).toBe(0);
    expect(hcl.stdout).toEndWith(LINES.map((l) => `# ${l}\n`).join(""));
    expect(cli(["schema", "inspect", "--url", url, "--format", "sql"]).stdout).toEndWith(
      LINES.map((l) => `-- ${l}\n`).join(""),
    );
    const json = JSON.parse(cli(["schema", "inspect", "--url", url, "--format", "json"]).stdout) as {
      schemas: { tables: { name: string }[]; unmanaged: { kind: string; name: string }[] }[];
    };
    expect(json.schemas[0]!.tables.map((t) => t.name).sort()).toEqual(["pt", "t"]);
    expect(json.schemas[0]!.unmanaged).toContainEqual({ kind: "system-versioned table", name: "h" });
    expect(json.schemas[0]!.unmanaged).toHaveLength(LINES.length);

    expect(cli(["schema", "clean", "--url", url]).code).toBe(2);
    const cleaned = cli(["schema", "clean", "--url", url, "--auto-approve"]);
    const kept = 'not dropped: package "pk": run DROP PACKAGE with sql_mode=ORACLE\n';
    expect(cleaned.stderr).toBe(kept);
    expect(cleaned.code).toBe(0);
    expect(cleaned.stdout).toContain('-- Drop "s1" sequence\nDROP SEQUENCE `s1`;');
    expect(cleaned.stdout).toContain('-- Drop "v" view\nDROP VIEW `v`;');
    const [left] = await conn.query(
      // The audit trail (stats_db_run_log) stays: it records this clean.
      "SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME <> 'stats_db_run_log' UNION ALL " +
        "SELECT COUNT(*) FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE() UNION ALL " +
        "SELECT COUNT(*) FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()",
    );
    // The package is listed, not dropped.
    expect((left as { n: number }[]).map((r) => Number(r.n))).toEqual([0, 1, 0]);
    const again = cli(["schema", "clean", "--url", url]);
    expect(again.stdout).toBe("Nothing to drop\n");
    expect(again.stderr).toBe(kept);
  });
}, 60_000);

test("schema diff and apply: a table that became system-versioned is reported, not dropped; a sequence is not created over", async () => {
  await withTestDatabase(async (a) => {
    await withTestDatabase(async (b) => {
      await a.conn.query("CREATE TABLE t (id int NOT NULL PRIMARY KEY)");
      await a.conn.query("CREATE TABLE s1 (id int NOT NULL PRIMARY KEY)");
      await b.conn.query("CREATE TABLE t (id int NOT NULL PRIMARY KEY) WITH SYSTEM VERSIONING");
      await b.conn.query("CREATE SEQUENCE s1");
      const d = cli(["schema", "diff", "--from", a.url, "--to", b.url]);
      expect(d.code).toBe(0);
      expect(d.stdout).toBe("Schemas are synced, no changes to be made.\n");
      expect(d.stderr).toBe('not managed: sequence "s1"\nnot managed: system-versioned table "t"\n');
      const back = cli(["schema", "diff", "--from", b.url, "--to", a.url]);
      expect(back.stdout).not.toContain("CREATE TABLE");
      expect(back.stdout).not.toContain("DROP");
      const apply = cli(["schema", "apply", "--url", a.url, "--to", b.url, "--auto-approve"]);
      expect(apply.stdout).toBe("Schema is synced, no changes to be made\n");
      expect(apply.stderr).toBe(d.stderr);
    });
  });
}, 60_000);
