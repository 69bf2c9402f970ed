import { describe, expect, test } from "bun:test";
import { col, table, validateEntities, type TableDef } from "../../src/entities/index.ts";
import { readMeta } from "../../src/entities/meta.ts";
import { typeMembers } from "../../src/entities/server-limits.ts";
import { mariadb } from "../../src/mysql/flavor.ts";

const L = (n: number, c = "a") => c.repeat(n);
const many = (n: number) => Object.fromEntries(Array.from({ length: n }, (_, i) => [`c${i}`, col.tinyint()]));
const names = (n: number) => Array.from({ length: n }, (_, i) => `c${i}`);
const parent = table("p", { id: col.int() }, { primaryKey: ["id"] });

const rejected: [string, TableDef[], string][] = [
  [
    "table name over 64 characters",
    [table(L(65), { a: col.int() })],
    `table "${L(65)}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
  ],
  [
    "column name over 64 characters",
    [table("t", { [L(65, "é")]: col.int() })],
    `table "t" column "${L(65, "é")}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
  ],
  [
    "index name over 64 characters",
    [table("t", { a: col.int() }, { indexes: [{ name: L(65), columns: ["a"] }] })],
    `table "t": index "${L(65)}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
  ],
  [
    "foreign key name over 64 characters",
    [
      parent,
      table(
        "t",
        { p: col.int() },
        { foreignKeys: [{ name: L(65), columns: ["p"], references: { table: parent, columns: ["id"] } }] },
      ),
    ],
    `table "t": foreign key "${L(65)}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
  ],
  [
    "check name over 64 characters",
    [table("t", { a: col.int() }, { checks: [{ name: L(65), expr: "a > 0" }] })],
    `table "t": check "${L(65)}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
  ],
  [
    "column name ending with a space",
    [table("t", { "a ": col.int() })],
    'table "t" column "a ": name ends with a space, which the server does not allow',
  ],
  [
    "table name ending with a space",
    [table("t ", { a: col.int() })],
    'table "t ": name ends with a space, which the server does not allow',
  ],
  [
    "exact duplicate ENUM member",
    [table("t", { a: col.enum(["x", "y", "x"]) })],
    'table "t" column "a": ENUM members "x" and "x" are the same to the server (it ignores case and trailing spaces)',
  ],
  [
    "ENUM members differing in case",
    [table("t", { a: col.enum(["draft", "Draft"]) })],
    'table "t" column "a": ENUM members "draft" and "Draft" are the same to the server (it ignores case and trailing spaces)',
  ],
  [
    "ENUM members differing in trailing spaces",
    [table("t", { a: col.enum(["x", "x  "]) })],
    'table "t" column "a": ENUM members "x" and "x  " are the same to the server (it ignores case and trailing spaces)',
  ],
  [
    "SET members differing in case",
    [table("t", { a: col.set(["ab", "AB"]) })],
    'table "t" column "a": SET members "ab" and "AB" are the same to the server (it ignores case and trailing spaces)',
  ],
  [
    "duplicate member under a binary collation",
    [table("t", { a: col.enum(["x", "x"], { collate: "utf8mb4_bin" }) })],
    'table "t" column "a": ENUM members "x" and "x" are the same to the server',
  ],
  [
    "ENUM member over 255 characters",
    [table("t", { a: col.enum([L(256)]) })],
    `table "t" column "a": ENUM member "${L(20)}…" is 256 characters long; the server allows at most 255`,
  ],
  [
    "SET member over 255 characters",
    [table("t", { a: col.set(["x", L(300, "é")]) })],
    `table "t" column "a": SET member "${L(20, "é")}…" is 300 characters long; the server allows at most 255`,
  ],
  [
    "SET of 65 members",
    [table("t", { a: col.set(names(65)) })],
    'table "t" column "a": SET has 65 members; the server allows at most 64',
  ],
  [
    "SET member with a comma",
    [table("t", { a: col.set(["a,b"]) })],
    'table "t" column "a": SET member "a,b" contains a comma, which separates SET values',
  ],
  ["ENUM without members", [table("t", { a: col.enum([]) })], 'table "t" column "a": ENUM needs at least one member'],
  [
    "column comment over 1024 characters",
    [table("t", { a: col.int({ comment: L(1025) }) })],
    'table "t" column "a": comment is 1025 characters long; the server allows at most 1024',
  ],
  [
    "table comment over 2048 characters",
    [table("t", { a: col.int() }, { comment: L(2049) })],
    'table "t": comment is 2049 characters long; the server allows at most 2048',
  ],
  [
    "index comment over 1024 characters",
    [table("t", { a: col.int() }, { indexes: [{ name: "i", columns: ["a"], comment: L(1025) }] })],
    'table "t": index "i" comment is 1025 characters long; the server allows at most 1024',
  ],
  ["more than 4096 columns", [table("t", many(4097))], 'table "t": has 4097 columns; the server allows at most 4096'],
  [
    "index of 17 parts (MySQL)",
    [table("t", many(17), { indexes: [{ name: "i", columns: names(17) }] })],
    'table "t": index "i" has 17 parts; the server allows at most 16',
  ],
  [
    "primary key of 17 parts (MySQL)",
    [table("t", many(17), { primaryKey: names(17) })],
    'table "t": the primary key has 17 parts; the server allows at most 16',
  ],
  [
    "66 indexes (MySQL: 64 secondary + the primary key)",
    [
      table(
        "t",
        { a: col.int() },
        { primaryKey: ["a"], indexes: Array.from({ length: 65 }, (_, i) => ({ name: `k${i}`, columns: ["a"] })) },
      ),
    ],
    'table "t": has 66 indexes (the primary key included); the server allows at most 65',
  ],
];

const accepted: [string, TableDef[]][] = [
  [
    "names of exactly 64 characters",
    [
      table(
        L(64),
        { [L(64, "é")]: col.int() },
        { indexes: [{ name: L(64), columns: [L(64, "é")] }], checks: [{ name: L(64, "b"), expr: "1" }] },
      ),
    ],
  ],
  [
    "ENUM members differing in case under a binary collation",
    [table("t", { a: col.enum(["x", "X"], { collate: "utf8mb4_bin" }) })],
  ],
  [
    "ENUM members differing in case under a binary table collation",
    [table("t", { a: col.enum(["x", "X"]) }, { collate: "utf8mb4_bin" })],
  ],
  [
    "ENUM member of 255 characters and a SET of 64 members",
    [table("t", { a: col.enum([L(255)]), b: col.set(names(64)) })],
  ],
  [
    "comments at their limits",
    [
      table(
        "t",
        { a: col.int({ comment: L(1024) }) },
        { comment: L(2048), indexes: [{ name: "i", columns: ["a"], comment: L(1024) }] },
      ),
    ],
  ],
  ["4096 columns", [table("t", many(4096))]],
  ["an index of 16 parts", [table("t", many(16), { indexes: [{ name: "i", columns: names(16) }] })]],
];

describe("entities the server would reject", () => {
  for (const [name, input, message] of rejected) {
    test(name, () => expect(validateEntities(input).map((e) => e.message)).toContain(message));
  }
  for (const [name, input] of accepted) {
    test(`accepted: ${name}`, () => expect(validateEntities(input).map((e) => e.message)).toEqual([]));
  }

  test("MariaDB's index limits: 32 parts, 64 indexes with the primary key", () => {
    const wide = table("t", many(33), { indexes: [{ name: "i", columns: names(32) }] });
    expect(validateEntities([wide], mariadb.keyLimits).map(String)).toEqual([]);
    const wider = table("t", many(33), { indexes: [{ name: "i", columns: names(33) }] });
    expect(validateEntities([wider], mariadb.keyLimits).map((e) => e.message)).toEqual([
      'table "t": index "i" has 33 parts; the server allows at most 32',
    ]);
    const keyed = table(
      "t",
      { a: col.int() },
      { primaryKey: ["a"], indexes: Array.from({ length: 64 }, (_, i) => ({ name: `k${i}`, columns: ["a"] })) },
    );
    expect(validateEntities([keyed], mariadb.keyLimits).map((e) => e.message)).toEqual([
      'table "t": has 65 indexes (the primary key included); the server allows at most 64',
    ]);
  });

  test("typeMembers reads back what the builders quote", () => {
    const values = ["it's", "back\\slash", "plain", "a,b"];
    expect(typeMembers(readMeta(col.set(values))!.type)).toEqual({ kind: "SET", members: values });
    expect(typeMembers("int")).toBeUndefined();
  });
});
