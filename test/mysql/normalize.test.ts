import { describe, expect, test } from "bun:test";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { canonicalEngine, normalizeTable } from "../../src/mysql/normalize.ts";
import type { Table } from "../../src/schema/model.ts";

const base: Table = { name: "t", columns: [], indexes: [], foreignKeys: [], checks: [], options: {} };

describe("normalizeTable", () => {
  const cases: {
    name: string;
    table: Table;
    defaults?: { charset?: string; collate?: string };
    flavor?: typeof mariadb;
    want: Partial<Table>;
  }[] = [
    {
      name: "server defaults when nothing is given",
      table: base,
      want: { options: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_general_ci" } },
    },
    {
      name: "MySQL server defaults",
      table: base,
      flavor: mysql8,
      want: { options: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_0900_ai_ci" } },
    },
    {
      name: "schema defaults",
      table: base,
      defaults: { charset: "latin1" },
      want: { options: { engine: "InnoDB", charset: "latin1", collate: "latin1_swedish_ci" } },
    },
    {
      name: "table collation alone gives the charset",
      table: { ...base, options: { collate: "utf8_bin", engine: "myisam" } },
      want: { options: { engine: "MyISAM", charset: "utf8mb3", collate: "utf8mb3_bin" } },
    },
    {
      name: "empty comment and auto-increment 1 dropped",
      table: { ...base, options: { comment: "", autoIncrement: 1 } },
      want: { options: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_general_ci" } },
    },
    {
      name: "columns: charset for character types only, PK not null",
      table: {
        ...base,
        primaryKey: { parts: [{ column: "id" }] },
        columns: [
          { name: "id", type: "int", nullable: true, charset: "latin1" },
          { name: "s", type: "varchar(5)", nullable: true, comment: "" },
          { name: "e", type: "enum('a')", nullable: true, charset: "ascii" },
        ],
      },
      want: {
        columns: [
          { name: "id", type: "int", nullable: false },
          { name: "s", type: "varchar(5)", nullable: true, charset: "utf8mb4", collate: "utf8mb4_general_ci" },
          { name: "e", type: "enum('a')", nullable: true, charset: "ascii", collate: "ascii_general_ci" },
        ],
      },
    },
    {
      name: "implicit foreign-key index for a generated FK name",
      table: {
        ...base,
        columns: [{ name: "pid", type: "int", nullable: true }],
        foreignKeys: [
          {
            name: "t_ibfk_1",
            columns: ["pid"],
            refTable: "p",
            refColumns: ["id"],
            onDelete: "NO ACTION",
            onUpdate: "NO ACTION",
          },
        ],
      },
      want: { indexes: [{ name: "pid", unique: false, type: "BTREE", parts: [{ column: "pid" }], generated: true }] },
    },
    {
      name: "implicit foreign-key index named after a given FK name",
      table: {
        ...base,
        columns: [{ name: "pid", type: "int", nullable: true }],
        foreignKeys: [
          {
            name: "fk_p",
            columns: ["pid"],
            refTable: "p",
            refColumns: ["id"],
            onDelete: "NO ACTION",
            onUpdate: "NO ACTION",
          },
        ],
      },
      want: { indexes: [{ name: "fk_p", unique: false, type: "BTREE", parts: [{ column: "pid" }], generated: true }] },
    },
    {
      name: "no implicit index when one starts with the FK columns",
      table: {
        ...base,
        indexes: [{ name: "i", unique: false, type: "BTREE", parts: [{ column: "pid" }, { column: "x" }] }],
        foreignKeys: [
          {
            name: "fk",
            columns: ["pid"],
            refTable: "p",
            refColumns: ["id"],
            onDelete: "NO ACTION",
            onUpdate: "NO ACTION",
          },
        ],
      },
      want: { indexes: [{ name: "i", unique: false, type: "BTREE", parts: [{ column: "pid" }, { column: "x" }] }] },
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const got = normalizeTable(c.table, c.flavor ?? mariadb, c.defaults ?? {});
      expect(got).toMatchObject(c.want as object);
      for (const [k, v] of Object.entries(c.want)) expect(got[k as keyof Table]).toEqual(v as never);
    });
  }
  test("idempotent", () => {
    const once = normalizeTable({ ...base, columns: [{ name: "s", type: "text", nullable: true }] }, mariadb, {});
    expect(normalizeTable(once, mariadb, {})).toEqual(once);
  });
  test("engine spelling", () =>
    expect(["innodb", "MYISAM", "heap", "aria", "Custom"].map(canonicalEngine)).toEqual([
      "InnoDB",
      "MyISAM",
      "MEMORY",
      "Aria",
      "Custom",
    ]));
});
