/**
 * Objects the model does not cover: the diff never creates, alters or drops a table either side holds as a sequence
 * or a system-versioned table; report lines name each object once; `schema clean`'s drops come in a server order; and
 * a migration statement that turns system versioning on or off is one clear line.
 */
import { describe, expect, test } from "bun:test";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { dropUnmanagedStatements } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import type { Schema } from "../../src/schema/model.ts";
import { unmanagedLines, unmanagedTableNames } from "../../src/schema/unmanaged.ts";

const withT = replaySql("CREATE TABLE t (id int NOT NULL PRIMARY KEY);\nCREATE TABLE u (id int);", mariadb);
const withU = replaySql("CREATE TABLE u (id int);", mariadb);

describe("the diff leaves unmanaged tables alone", () => {
  test("a table that became system-versioned is not dropped", () => {
    const live: Schema = { ...withU, unmanaged: [{ kind: "system-versioned table", name: "t" }] };
    expect(diff(withT, live)).toEqual([]);
  });

  test("a desired table of the name of a live sequence is not created, nor is a live one of it dropped", () => {
    const live: Schema = { ...withU, unmanaged: [{ kind: "sequence", name: "t" }] };
    expect(diff(live, withT)).toEqual([]);
    expect(diff(withT, live)).toEqual([]);
  });

  test("a package does not hide a table from the diff", () => {
    const live: Schema = { ...withU, unmanaged: [{ kind: "package", name: "t" }] };
    expect(unmanagedTableNames(live)).toEqual(new Set());
    expect(diff(live, withT).map((c) => c.kind)).toEqual(["AddTable"]);
  });
});

test("report lines name each object once, sorted by kind and name", () => {
  const a: Schema = {
    tables: [],
    unmanaged: [
      { kind: "package", name: "p2" },
      { kind: "sequence", name: "s" },
    ],
  };
  const b: Schema = {
    tables: [],
    unmanaged: [
      { kind: "package", name: "p1" },
      { kind: "sequence", name: "s" },
    ],
  };
  expect(unmanagedLines(a, b)).toEqual([
    'not managed: package "p1"',
    'not managed: package "p2"',
    'not managed: sequence "s"',
  ]);
  expect(unmanagedLines(withT)).toEqual([]);
});

test("schema clean drops versioned tables and sequences after the tables, foreign key checks off around them", () => {
  const drops = dropUnmanagedStatements([
    { kind: "sequence", name: "s" },
    { kind: "system-versioned table", name: "h" },
    { kind: "package", name: "pk" },
  ]);
  expect(drops.kept).toEqual(['not dropped: package "pk": run DROP PACKAGE with sql_mode=ORACLE']);
  expect(drops.before.map((s) => s.sql)).toEqual(["SET FOREIGN_KEY_CHECKS = 0"]);
  expect(drops.after.map((s) => s.sql)).toEqual(["DROP TABLE `h`", "DROP SEQUENCE `s`", "SET FOREIGN_KEY_CHECKS = 1"]);
  expect(drops.after[1]!.comment).toBe('drop "s" sequence');
  // Without a system-versioned table, foreign key checks stay as they are.
  const plain = dropUnmanagedStatements([{ kind: "sequence", name: "s" }]);
  expect([...plain.before, ...plain.after].map((s) => s.sql)).toEqual(["DROP SEQUENCE `s`"]);
});

describe("system versioning in a migration file is one clear line", () => {
  for (const [sql, words] of [
    ["CREATE TABLE t (id int) WITH SYSTEM VERSIONING;", "WITH SYSTEM VERSIONING"],
    ["CREATE TABLE t (id int);\nALTER TABLE t ADD SYSTEM VERSIONING;", "ADD SYSTEM VERSIONING"],
    ["CREATE TABLE t (id int);\nALTER TABLE t DROP SYSTEM VERSIONING;", "DROP SYSTEM VERSIONING"],
  ] as const) {
    test(words, () => {
      expect(() => replaySql(sql, mariadb, undefined, "f.sql")).toThrow(
        `unsupported statement: ${words} (system-versioned tables are not managed)`,
      );
    });
  }
});
