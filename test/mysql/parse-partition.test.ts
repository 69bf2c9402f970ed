/**
 * Partitioning offline: the parser's canonical form (bounds evaluated like the server, MAXVALUE/NULL, counted HASH and
 * KEY partitions), ALTER partition operations through replay, the partition diff (REORGANIZE of the catch-all, ADD,
 * DROP, count, anew), the DSL helpers, and information_schema.PARTITIONS rows in MySQL 8's form read like the DDL.
 */
import { describe, expect, test } from "bun:test";
import { monthly } from "../../src/entities/partitions.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { partitioningByTable } from "../../src/mysql/inspect/partitions.ts";
import { canonicalValues } from "../../src/mysql/partitioning.ts";
import { plan } from "../../src/mysql/plan.ts";
import { DataStatementError, parse, UnsupportedStatementError } from "../../src/mysql/parse.ts";
import { diffPartitioning } from "../../src/schema/diff-partition.ts";
import type { Partitioning } from "../../src/schema/model.ts";

const partitionOf = (sql: string, flavor = mariadb) => replaySql(sql, flavor).tables[0]!.partition;

describe("canonical bounds", () => {
  test.each([
    ["TO_DAYS('2026-01-01')", false, "739982"],
    ["year('2020-05-01') + 1", false, "2021"],
    ["3 * 4 - 1", false, "11"],
    ["-5", false, "-5"],
    ["maxvalue", false, "MAXVALUE"],
    ["0, null", false, "NULL,0"],
    ["1, 'it''s'", true, "1,'it''s'"],
    ["('a','x'), ('c', 'x')", true, "('a','x'),('c','x')"],
    ["'2026-02-01'", true, "'2026-02-01'"],
  ] as const)("%s", (text, columnsOnly, want) => expect(canonicalValues(text, columnsOnly)).toBe(want));
});

describe("parse", () => {
  test("RANGE with a catch-all, comments and functions of literals", () => {
    expect(
      partitionOf(`CREATE TABLE t (d date) PARTITION BY RANGE (TO_DAYS(d)) (PARTITION p0 VALUES LESS THAN
        (TO_DAYS('2026-01-01')) COMMENT = 'old' ENGINE = InnoDB, PARTITION pmax VALUES LESS THAN MAXVALUE)`),
    ).toEqual({
      type: "RANGE",
      expr: "to_days(`d`)",
      partitions: [
        { name: "p0", values: "739982", comment: "old" },
        { name: "pmax", values: "MAXVALUE" },
      ],
    });
  });
  test("HASH and KEY partitions the server names are counted; named ones are listed", () => {
    expect(partitionOf("CREATE TABLE t (a int) PARTITION BY LINEAR HASH (a % 3) PARTITIONS 4")).toEqual({
      type: "LINEAR HASH",
      expr: "`a` mod 3",
      count: 4,
      partitions: [],
    });
    expect(partitionOf("CREATE TABLE t (a int) PARTITION BY KEY (a) (PARTITION p0, PARTITION p1)")?.count).toBe(2);
    expect(partitionOf("CREATE TABLE t (a int) PARTITION BY KEY (a) (PARTITION x)")?.partitions).toEqual([
      { name: "x" },
    ]);
  });
  test("sub-partitions named by the server are counted", () => {
    const p = partitionOf(`CREATE TABLE t (a int, b int) PARTITION BY RANGE (a) SUBPARTITION BY KEY (b)
      (PARTITION p0 VALUES LESS THAN (3) (SUBPARTITION p0sp0, SUBPARTITION p0sp1))`);
    expect(p?.subpartition).toEqual({ type: "KEY", columns: ["b"], count: 2 });
    expect(p?.partitions).toEqual([{ name: "p0", values: "3" }]);
  });
  test("ALTER operations replay", () => {
    const base = `CREATE TABLE t (a int) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10),
      PARTITION pmax VALUES LESS THAN MAXVALUE);`;
    const after = partitionOf(`${base}
      ALTER TABLE t REORGANIZE PARTITION pmax INTO (PARTITION p1 VALUES LESS THAN (20), PARTITION pmax VALUES LESS THAN MAXVALUE);
      ALTER TABLE t DROP PARTITION p0;
      ALTER TABLE t ANALYZE PARTITION ALL;`);
    expect(after?.partitions.map((p) => p.name)).toEqual(["p1", "pmax"]);
    expect(partitionOf(`${base} ALTER TABLE t ADD COLUMN b int REMOVE PARTITIONING;`)).toBeUndefined();
    const hash = "CREATE TABLE t (a int) PARTITION BY HASH (a) PARTITIONS 3;";
    expect(
      partitionOf(`${hash} ALTER TABLE t ADD PARTITION PARTITIONS 2; ALTER TABLE t COALESCE PARTITION 1;`)?.count,
    ).toBe(4);
    expect(partitionOf(`CREATE TABLE t (a int); ALTER TABLE t PARTITION BY KEY (a) PARTITIONS 2;`)?.type).toBe("KEY");
  });
  test("TRUNCATE PARTITION is a data statement", () => {
    const ctx = { flavor: mariadb, schema: replaySql("CREATE TABLE t (a int) PARTITION BY HASH (a)", mariadb) };
    expect(() => parse("ALTER TABLE t TRUNCATE PARTITION p0", ctx)).toThrow(DataStatementError);
  });
  test("a renamed column is renamed in the partitioning too (as the server does)", () => {
    const p = partitionOf(`CREATE TABLE t (id int, d date, PRIMARY KEY (id, d)) PARTITION BY RANGE (TO_DAYS(d))
      (PARTITION p0 VALUES LESS THAN (5)) ; ALTER TABLE t RENAME COLUMN d TO e;`);
    expect(p?.expr).toBe("to_days(`e`)");
    const c = partitionOf(`CREATE TABLE t (id int, d date, PRIMARY KEY (id, d)) PARTITION BY KEY (d) PARTITIONS 2;
      ALTER TABLE t CHANGE d e date;`);
    expect(c?.columns).toEqual(["e"]);
  });
  test("what the model cannot hold is a clear unsupported statement", () => {
    const ctx = { flavor: mariadb, schema: replaySql("CREATE TABLE t (a int) PARTITION BY HASH (a)", mariadb) };
    expect(() => parse("CREATE TABLE u (a int) PARTITION BY SYSTEM_TIME", ctx)).toThrow(UnsupportedStatementError);
    expect(() => parse("ALTER TABLE t EXCHANGE PARTITION p0 WITH TABLE u", ctx)).toThrow(
      "unsupported statement: ALTER TABLE … EXCHANGE PARTITION",
    );
  });
});

const ranged = (names: string[], catchAll: boolean): Partitioning => ({
  type: "RANGE COLUMNS",
  columns: ["d"],
  partitions: [
    ...names.map((n, k) => ({ name: n, values: `'2026-0${k + 2}-01'` })),
    ...(catchAll ? [{ name: "pmax", values: "MAXVALUE" }] : []),
  ],
});

describe("diff", () => {
  test("new months before the catch-all reorganize it", () => {
    const changes = diffPartitioning(ranged(["a"], true), ranged(["a", "b", "c"], true));
    expect(changes.map((c) => c.kind)).toEqual(["ReorganizePartitions"]);
    const sql = plan([{ kind: "ModifyTable", table: "t", changes }], mariadb, {
      current: replaySql(
        "CREATE TABLE t (d date) PARTITION BY RANGE COLUMNS(d) (PARTITION a VALUES LESS THAN ('2026-02-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE))",
        mariadb,
      ),
    }).map((s) => s.sql);
    expect(sql).toEqual([
      "ALTER TABLE `t` REORGANIZE PARTITION `pmax` INTO (PARTITION `b` VALUES LESS THAN ('2026-03-01'), PARTITION `c` VALUES LESS THAN ('2026-04-01'), PARTITION `pmax` VALUES LESS THAN (MAXVALUE))",
    ]);
  });
  test("months gone before the catch-all merge back into it; older ones are dropped", () => {
    const merged = diffPartitioning(ranged(["a", "b", "c"], true), ranged(["a"], true));
    expect(merged).toEqual([
      {
        kind: "ReorganizePartitions",
        from: ranged(["a", "b", "c"], true).partitions.slice(1),
        to: [{ name: "pmax", values: "MAXVALUE" }],
      },
    ]);
    const oldest = { ...ranged(["a", "b"], true), partitions: ranged(["a", "b"], true).partitions.slice(1) };
    expect(diffPartitioning(ranged(["a", "b"], true), oldest).map((c) => c.kind)).toEqual(["DropPartitions"]);
  });
  test("without a catch-all new ones are added, gone ones dropped", () => {
    expect(diffPartitioning(ranged(["a"], false), ranged(["a", "b"], false)).map((c) => c.kind)).toEqual([
      "AddPartitions",
    ]);
    const later = { ...ranged(["a", "b"], false), partitions: ranged(["a", "b"], false).partitions.slice(1) };
    expect(diffPartitioning(ranged(["a", "b"], false), later).map((c) => c.kind)).toEqual(["DropPartitions"]);
  });
  test("a changed bound, another method or none: partitioned anew or unpartitioned", () => {
    const moved = {
      ...ranged(["a"], true),
      partitions: [
        { name: "a", values: "'2026-05-01'" },
        { name: "pmax", values: "MAXVALUE" },
      ],
    };
    expect(diffPartitioning(ranged(["a"], true), moved)).toEqual([
      { kind: "SetPartitioning", from: ranged(["a"], true), to: moved },
    ]);
    expect(diffPartitioning(ranged(["a"], true), undefined)).toEqual([
      { kind: "SetPartitioning", from: ranged(["a"], true) },
    ]);
    expect(diffPartitioning(undefined, undefined)).toEqual([]);
  });
  test("a HASH count changes in place", () => {
    const h = (count: number): Partitioning => ({ type: "HASH", expr: "`a`", count, partitions: [] });
    expect(diffPartitioning(h(2), h(5))).toEqual([{ kind: "ModifyPartitionCount", from: 2, to: 5 }]);
  });
});

test("monthly() computes the months and the catch-all", () => {
  const p = monthly("day", "2026-11", "2027-02");
  expect(p.type).toBe("RANGE COLUMNS");
  expect(p.partitions?.map((x) => `${x.name} ${x.values}`)).toEqual([
    "p2026_11 '2026-12-01'",
    "p2026_12 '2027-01-01'",
    "p2027_01 '2027-02-01'",
    "p2027_02 '2027-03-01'",
    "pmax MAXVALUE",
  ]);
  expect(() => monthly("day", "2026-13", "2027-01")).toThrow("is not a month");
});

test("MySQL 8 PARTITIONS rows read like the DDL replays", () => {
  // Written in MySQL 8.0's form (its documented PARTITIONS columns; there is no MySQL server here to capture from).
  const ddl = `CREATE TABLE t (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d)) PARTITION BY RANGE (TO_DAYS(d))
    (PARTITION p0 VALUES LESS THAN (TO_DAYS('2026-01-01')) COMMENT 'old', PARTITION pmax VALUES LESS THAN MAXVALUE)`;
  const row = (name: string, pos: number, description: string, comment: string) => ({
    TABLE_NAME: "t",
    PARTITION_NAME: name,
    SUBPARTITION_NAME: null,
    PARTITION_METHOD: "RANGE",
    SUBPARTITION_METHOD: null,
    PARTITION_EXPRESSION: "to_days(`d`)",
    SUBPARTITION_EXPRESSION: null,
    PARTITION_DESCRIPTION: description,
    PARTITION_COMMENT: comment,
    PARTITION_ORDINAL_POSITION: pos,
    SUBPARTITION_ORDINAL_POSITION: null,
  });
  const rows = [row("p0", 1, "739982", "old"), row("pmax", 2, "MAXVALUE", "")];
  expect(partitioningByTable(rows).get("t")).toEqual(partitionOf(ddl, mysql8));
  // MariaDB's SYSTEM_TIME partitioning is not modelled: read as unpartitioned, never planned as something else.
  const history = { ...row("p_hist", 1, "", ""), PARTITION_METHOD: "SYSTEM_TIME" };
  expect(partitioningByTable([history]).has("t")).toBe(false);
});
