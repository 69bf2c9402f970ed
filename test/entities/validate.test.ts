import { describe, expect, test } from "bun:test";
import { Type } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { col, sql, table, validateEntities, type TableDef } from "../../src/entities/index.ts";
import { tables } from "../../entities/index.ts";

const parent = table(
  "parent",
  { id: col.int({ unsigned: true, autoIncrement: true }), code: col.varchar(10) },
  { primaryKey: ["id"] },
);

const cases: [string, TableDef[], string][] = [
  ["duplicate table", [parent, parent], 'table "parent": declared twice'],
  [
    "duplicate index",
    [
      table(
        "t",
        { a: col.int() },
        {
          indexes: [
            { name: "i", columns: ["a"] },
            { name: "i", columns: ["a"] },
          ],
        },
      ),
    ],
    'table "t": index "i" declared twice',
  ],
  [
    "index on a missing column",
    [table("t", { a: col.int() }, { indexes: [{ name: "i", columns: ["b"] }] })],
    'table "t" column "b": named in index "i" but not declared',
  ],
  [
    "primary key on a missing column",
    [table("t", { a: col.int() }, { primaryKey: ["x"] })],
    'table "t" column "x": named in the primary key but not declared',
  ],
  [
    "nullable primary key column",
    [table("t", { a: col.int({ nullable: true }) }, { primaryKey: ["a"] })],
    'table "t" column "a": is in the primary key but nullable',
  ],
  [
    "foreign key to a missing table",
    [
      table(
        "t",
        { p: col.int() },
        { foreignKeys: [{ name: "fk", columns: ["p"], references: { table: "nope", columns: ["id"] } }] },
      ),
    ],
    'table "t": foreign key "fk" references table "nope", which is not declared',
  ],
  [
    "foreign key to a missing column",
    [
      parent,
      table(
        "t",
        { p: col.int({ unsigned: true }) },
        { foreignKeys: [{ name: "fk", columns: ["p"], references: { table: parent, columns: ["nope"] } }] },
      ),
    ],
    'table "t" column "p": foreign key "fk" references column "parent.nope", which is not declared',
  ],
  [
    "foreign key of another type",
    [
      parent,
      table(
        "t",
        { p: col.bigint() },
        { foreignKeys: [{ name: "fk", columns: ["p"], references: { table: parent, columns: ["id"] } }] },
      ),
    ],
    'table "t" column "p": foreign key "fk": type bigint does not match parent.id (int unsigned)',
  ],
  [
    "SET NULL on a NOT NULL column",
    [
      parent,
      table(
        "t",
        { p: col.int({ unsigned: true }) },
        {
          foreignKeys: [
            { name: "fk", columns: ["p"], references: { table: parent, columns: ["id"] }, onDelete: "SET NULL" },
          ],
        },
      ),
    ],
    'table "t" column "p": foreign key "fk" uses SET NULL but the column is NOT NULL',
  ],
  [
    "varchar without a usable length",
    [table("t", { a: col.varchar(0) })],
    'table "t" column "a": varchar length must be an integer from 1 to 65535, got 0',
  ],
  [
    "auto_increment outside a key",
    [table("t", { a: col.int({ autoIncrement: true }) })],
    'table "t" column "a": is AUTO_INCREMENT but not the first column of a key',
  ],
  [
    "default that does not fit",
    [table("t", { a: col.tinyint({ default: 300 }) })],
    'table "t" column "a": default 300 does not fit tinyint',
  ],
  [
    "enum default not a member",
    [table("t", { a: col.enum(["x", "y"], { default: "z" as "x" }) })],
    'table "t" column "a": default "z" does not fit enum(\'x\',\'y\')',
  ],
  [
    "varchar default too long",
    [table("t", { a: col.varchar(2, { default: "abc" }) })],
    'table "t" column "a": default "abc" does not fit varchar(2)',
  ],
  [
    "literal default on text",
    [table("t", { a: col.text({ default: "x" }) })],
    'table "t" column "a": text cannot have a literal default (use an expression default)',
  ],
  [
    "CURRENT_TIMESTAMP on an int",
    [table("t", { a: col.int({ default: sql("CURRENT_TIMESTAMP") }) })],
    'table "t" column "a": default CURRENT_TIMESTAMP needs a datetime or timestamp column',
  ],
  [
    "not a column builder",
    [table("t", { a: Type.Integer() })],
    'table "t" column "a": is not built with a column builder (col.int(), col.varchar(n), …)',
  ],
];

describe("validateEntities", () => {
  for (const [name, input, message] of cases) {
    test(name, () => {
      expect(validateEntities(input).map((e) => e.message)).toContain(message);
    });
  }

  test("the project's own entities are valid", () => {
    expect(validateEntities(tables).map(String)).toEqual([]);
  });

  test("a table's row schema checks rows at run time", () => {
    const t = table("t", {
      id: col.int({ unsigned: true }),
      note: col.varchar(3, { nullable: true }),
      kind: col.enum(["a", "b"]),
    });
    expect(Value.Check(t.row, { id: 1, note: null, kind: "a" })).toBe(true);
    expect(Value.Check(t.row, { id: -1, note: null, kind: "a" })).toBe(false);
    expect(Value.Check(t.row, { id: 1, note: "long", kind: "a" })).toBe(false);
    expect(Value.Check(t.row, { id: 1, note: null, kind: "c" })).toBe(false);
  });
});
