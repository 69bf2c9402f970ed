/**
 * Partitioning on the real server (MariaDB 10.11): every partitioning method loads, is inspected exactly as the
 * parser replays its DDL, and plans between partitionings run and reach the desired state (inspect ≡ replay).
 */
import { describe, expect, test } from "bun:test";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { comparableSchema } from "../../src/schema/equal.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";

const DDL: Record<string, string> = {
  range: `CREATE TABLE t (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE (TO_DAYS(d))
    (PARTITION p0 VALUES LESS THAN (TO_DAYS('2026-01-01')) COMMENT 'old', PARTITION pmax VALUES LESS THAN MAXVALUE)`,
  rangeColumns: `CREATE TABLE t (h datetime NOT NULL, s varchar(5)) PARTITION BY RANGE COLUMNS(h, s)
    (PARTITION p0 VALUES LESS THAN ('2026-02-01', 'a'), PARTITION p1 VALUES LESS THAN (MAXVALUE, MAXVALUE))`,
  list: "CREATE TABLE t (a int) PARTITION BY LIST (a % 3) (PARTITION p0 VALUES IN (0, NULL), PARTITION p1 VALUES IN (1,2))",
  listColumns: `CREATE TABLE t (a varchar(3), b varchar(3)) PARTITION BY LIST COLUMNS(a,b)
    (PARTITION p1 VALUES IN (('a','x'),('c', 'x')), PARTITION p2 VALUES IN (('b','y')))`,
  hash: "CREATE TABLE t (a int) PARTITION BY HASH (a + 1) PARTITIONS 3",
  hashOne: "CREATE TABLE t (a int) PARTITION BY HASH (a)",
  linearKey: "CREATE TABLE t (a int PRIMARY KEY) PARTITION BY LINEAR KEY () PARTITIONS 2",
  hashNamed: "CREATE TABLE t (a int) PARTITION BY HASH (a) (PARTITION x, PARTITION y COMMENT 'c')",
  subCounted: `CREATE TABLE t (a int, b int) PARTITION BY RANGE (a) SUBPARTITION BY HASH (b + 1) SUBPARTITIONS 2
    (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN MAXVALUE)`,
  subNamed: `CREATE TABLE t (a int, b int) PARTITION BY RANGE (a) SUBPARTITION BY KEY (b)
    (PARTITION p0 VALUES LESS THAN (3) (SUBPARTITION s0, SUBPARTITION s1),
     PARTITION p1 VALUES LESS THAN MAXVALUE (SUBPARTITION s2, SUBPARTITION s3))`,
  plain: "CREATE TABLE t (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d))",
};

/** Loads `ddl`, then checks inspect ≡ replay. */
async function loaded(conn: Parameters<typeof queryableOf>[0], name: string, ddl: string) {
  await conn.query(ddl);
  const live = await inspect(queryableOf(conn), name);
  expect(comparableSchema(live).tables).toEqual(comparableSchema(replaySql(ddl, mariadb)).tables);
  return live;
}

describe("inspect ≡ replay for every method", () => {
  for (const [label, ddl] of Object.entries(DDL)) {
    test(label, async () => {
      await withTestDatabase(async ({ conn, name }) => {
        const live = await loaded(conn, name, ddl);
        expect(live.tables[0]!.partition !== undefined).toBe(label !== "plain");
      });
    });
  }
});

/** Plans from `from` to `to`, runs the plan, and checks the database is then `to`; returns the statements. */
async function migrate(from: string, to: string, rows = ""): Promise<string[]> {
  let sqls: string[] = [];
  await withTestDatabase(async ({ conn, name }) => {
    const current = await loaded(conn, name, from);
    if (rows) await conn.query(rows);
    const desired = replaySql(to, mariadb);
    sqls = plan(diff(current, desired), mariadb, { current }).map((s) => s.sql);
    for (const sql of sqls) await conn.query(sql);
    const after = await inspect(queryableOf(conn), name);
    expect(comparableSchema(after).tables).toEqual(comparableSchema(desired).tables);
    expect(diff(after, desired)).toEqual([]);
    if (rows) {
      const [count] = (await conn.query("SELECT COUNT(*) AS n FROM t")) as unknown as [{ n: number }[]];
      expect(Number(count[0]!.n)).toBe(1);
    }
  });
  return sqls;
}

const monthly = (months: string[]) =>
  `CREATE TABLE t (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE COLUMNS(d) (${months
    .map((m) => `PARTITION p${m.replace("-", "_")} VALUES LESS THAN ('${m}-01')`)
    .join(", ")}, PARTITION pmax VALUES LESS THAN (MAXVALUE))`;

describe("plans between partitionings run and reach the desired state", () => {
  test("extending a range with a catch-all reorganizes the catch-all", async () => {
    const sqls = await migrate(monthly(["2026-02", "2026-03"]), monthly(["2026-02", "2026-03", "2026-04", "2026-05"]));
    expect(sqls).toEqual([
      "ALTER TABLE `t` REORGANIZE PARTITION `pmax` INTO (PARTITION `p2026_04` VALUES LESS THAN ('2026-04-01'), PARTITION `p2026_05` VALUES LESS THAN ('2026-05-01'), PARTITION `pmax` VALUES LESS THAN (MAXVALUE))",
    ]);
  });
  test("shrinking the range end merges the months back into the catch-all, keeping their rows", async () => {
    const sqls = await migrate(
      monthly(["2026-02", "2026-03", "2026-04", "2026-05"]),
      monthly(["2026-02", "2026-03"]),
      "INSERT INTO t VALUES (1, '2026-04-15')",
    );
    expect(sqls).toEqual([
      "ALTER TABLE `t` REORGANIZE PARTITION `p2026_04`, `p2026_05`, `pmax` INTO (PARTITION `pmax` VALUES LESS THAN (MAXVALUE))",
    ]);
  });
  test("adding at the end without a catch-all: ADD PARTITION; removing: DROP PARTITION", async () => {
    const base = "CREATE TABLE t (a int) PARTITION BY RANGE (a)";
    const sqls = await migrate(
      `${base} (PARTITION p0 VALUES LESS THAN (10), PARTITION p1 VALUES LESS THAN (20))`,
      `${base} (PARTITION p1 VALUES LESS THAN (20), PARTITION p2 VALUES LESS THAN (30))`,
    );
    expect(sqls).toEqual([
      "ALTER TABLE `t` DROP PARTITION `p0`",
      "ALTER TABLE `t` ADD PARTITION (PARTITION `p2` VALUES LESS THAN (30))",
    ]);
  });
  test("a HASH partition count changes in place", async () => {
    expect(await migrate(DDL.hash!, DDL.hash!.replace("3", "5"))).toEqual([
      "ALTER TABLE `t` ADD PARTITION PARTITIONS 2",
    ]);
    expect(await migrate(DDL.hash!, DDL.hash!.replace("3", "2"))).toEqual(["ALTER TABLE `t` COALESCE PARTITION 1"]);
  });
  test("another method partitions anew; none removes partitioning", async () => {
    const anew = await migrate(
      DDL.range!,
      DDL.plain!.replace("PRIMARY KEY (id, d))", "PRIMARY KEY (id, d)) PARTITION BY KEY (id) PARTITIONS 4"),
    );
    expect(anew).toEqual(["ALTER TABLE `t` PARTITION BY KEY (`id`) PARTITIONS 4"]);
    expect(await migrate(DDL.range!, DDL.plain!)).toEqual(["ALTER TABLE `t` REMOVE PARTITIONING"]);
    expect(await migrate(DDL.plain!, DDL.range!)).toHaveLength(1);
  });
  test("a partitioned table is created with its partitioning", async () => {
    for (const ddl of [DDL.subNamed!, DDL.listColumns!, DDL.linearKey!]) {
      await withTestDatabase(async ({ conn, name }) => {
        const desired = replaySql(ddl, mariadb);
        for (const s of plan(diff({ tables: [] }, desired), mariadb)) await conn.query(s.sql);
        const live = await inspect(queryableOf(conn), name);
        expect(comparableSchema(live).tables).toEqual(comparableSchema(desired).tables);
      });
    }
  });
});
