import { describe, expect, test } from "bun:test";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { columnDefinition, createTableSql, plan } from "../../src/mysql/plan.ts";
import { defaultValue } from "../../src/mysql/plan/column-def.ts";
import { tableOptionsSql } from "../../src/mysql/plan/create-table.ts";
import type { Change } from "../../src/schema/changes.ts";
import type { Default, TableOptions } from "../../src/schema/model.ts";
import { chk, col, fk, ID, idx, MARIA_OPTIONS, nint, table, vc } from "./plan/fixtures.ts";

describe("defaultValue", () => {
  const cases: [Default, string, string][] = [
    [{ kind: "literal", value: "0" }, "int", "0"],
    [{ kind: "literal", value: "-1.5e3" }, "double", "-1.5e3"],
    [{ kind: "literal", value: "5" }, "varchar(3)", "'5'"],
    [{ kind: "literal", value: "0x1F" }, "bit(5)", "0x1F"],
    [{ kind: "literal", value: "" }, "varchar(3)", "''"],
    [{ kind: "literal", value: "a\nb" }, "text", "'a\\nb'"],
    [{ kind: "expr", value: "CURRENT_TIMESTAMP" }, "timestamp", "CURRENT_TIMESTAMP"],
    [{ kind: "expr", value: "CURRENT_TIMESTAMP(6)" }, "datetime(6)", "CURRENT_TIMESTAMP(6)"],
    [{ kind: "expr", value: "`a` + 1" }, "int", "(`a` + 1)"],
    [{ kind: "expr", value: "current_timestamp()" }, "timestamp", "(current_timestamp())"],
  ];
  for (const [value, type, want] of cases)
    test(`${value.kind} ${JSON.stringify(value.value)} on ${type}`, () => expect(defaultValue(value, type)).toBe(want));
});

describe("tableOptionsSql", () => {
  const cases: [TableOptions, string][] = [
    [MARIA_OPTIONS, "CHARSET utf8mb4 COLLATE utf8mb4_general_ci"],
    [{ ...MARIA_OPTIONS, engine: "innodb", autoIncrement: 1 }, "CHARSET utf8mb4 COLLATE utf8mb4_general_ci"],
    [
      { ...MARIA_OPTIONS, engine: "Aria", autoIncrement: 2, comment: "" },
      "CHARSET utf8mb4 COLLATE utf8mb4_general_ci ENGINE Aria AUTO_INCREMENT 2",
    ],
    [{}, ""],
  ];
  for (const [options, want] of cases)
    test(JSON.stringify(options), () => expect(tableOptionsSql(options, mariadb)).toBe(want));
});

describe("columnDefinition against its table's charset", () => {
  const cases: [string, TableOptions, string][] = [
    ["same as table", { charset: "utf8mb4", collate: "utf8mb4_general_ci" }, "`s` varchar(5) NOT NULL"],
    [
      "other collation",
      { charset: "utf8mb4", collate: "utf8mb4_bin" },
      "`s` varchar(5) NOT NULL COLLATE utf8mb4_general_ci",
    ],
    [
      "other charset",
      { charset: "latin1", collate: "latin1_swedish_ci" },
      "`s` varchar(5) CHARSET utf8mb4 NOT NULL COLLATE utf8mb4_general_ci",
    ],
    ["unknown table", {}, "`s` varchar(5) CHARSET utf8mb4 NOT NULL COLLATE utf8mb4_general_ci"],
  ];
  for (const [name, options, want] of cases)
    test(name, () => expect(columnDefinition(vc("s", 5), { name: "t", options }, mysql8)).toBe(want));
});

describe("determinism", () => {
  const t1 = table("t", [ID, nint("a"), nint("b")], {
    indexes: [idx("b", ["b"]), idx("a", ["a"])],
    foreignKeys: [fk("t_b", ["b"], "t"), fk("t_a", ["a"], "t")],
    checks: [chk("z", "`a` > 0"), chk("y", "`b` > 0")],
  });
  const t2 = {
    ...t1,
    indexes: [...t1.indexes].reverse(),
    foreignKeys: [...t1.foreignKeys].reverse(),
    checks: [...t1.checks].reverse(),
  };

  test("CREATE TABLE keeps the model's index and check order (the server shows it) and lists foreign keys by name (as InnoDB does)", () => {
    const order = (sql: string) => [...sql.matchAll(/(?:INDEX|CONSTRAINT) `(\w+)`/g)].map((m) => m[1]);
    expect(order(createTableSql(t1, mariadb))).toEqual(["b", "a", "t_a", "t_b", "z", "y"]);
    expect(order(createTableSql(t2, mariadb))).toEqual(["a", "b", "t_a", "t_b", "y", "z"]);
  });

  test("the same changes always plan the same statements (more than 12 changes, with chains)", () => {
    const tables = Array.from({ length: 15 }, (_, i) =>
      table(`t${i}`, [ID, nint("p")], {
        indexes: [idx("p", ["p"])],
        foreignKeys: i === 0 ? [] : [fk(`t${i}_p`, ["p"], `t${Math.floor(i / 2)}`)],
      }),
    );
    const changes: Change[] = tables.map((t) => ({ kind: "AddTable", table: t })).reverse();
    const first = plan(changes, mariadb);
    expect(plan(structuredClone(changes), mariadb)).toEqual(first);
    const created = first.map((s) => s.comment.replace(/^create "(.*)" table$/, "$1"));
    for (const t of tables)
      for (const f of t.foreignKeys) expect(created.indexOf(f.refTable)).toBeLessThan(created.indexOf(t.name));
  });
});

describe("ModifySchema", () => {
  const cases: [Change, string[]][] = [
    [
      { kind: "ModifySchema", charset: "latin1", collate: "latin1_bin" },
      ["ALTER DATABASE CHARACTER SET latin1 COLLATE latin1_bin"],
    ],
    [{ kind: "ModifySchema", collate: "utf8mb4_bin" }, ["ALTER DATABASE COLLATE utf8mb4_bin"]],
    [{ kind: "ModifySchema" }, []],
  ];
  for (const [change, want] of cases)
    test(JSON.stringify(change), () => expect(plan([change], mariadb).map((s) => s.sql)).toEqual(want));
});

test("a NOT NULL column without a default has no DEFAULT clause", () => {
  expect(columnDefinition(col("a", "int"), { name: "t", options: {} }, mariadb)).toBe("`a` int NOT NULL");
});
