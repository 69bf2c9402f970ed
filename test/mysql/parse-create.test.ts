import { describe, expect, test } from "bun:test";
import { mariadb, mysql8, type Flavor } from "../../src/mysql/flavor.ts";
import { parse } from "../../src/mysql/parse.ts";
import type { Table } from "../../src/schema/model.ts";
import { added, replay } from "./parse-helpers.ts";

const utf8mb4 = { charset: "utf8mb4", collate: "utf8mb4_general_ci" };
const P = "CREATE TABLE p (id int PRIMARY KEY, a int, b int, KEY (a, b))";

interface Case {
  readonly name: string;
  readonly sql: string;
  readonly flavor?: Flavor;
  readonly setup?: readonly string[];
  readonly pick: (t: Table) => unknown;
  readonly want: unknown;
}

const cases: Case[] = [
  {
    name: "int display width dropped, PK not null",
    sql: "CREATE TABLE t (id INT(11) NOT NULL AUTO_INCREMENT, PRIMARY KEY (id))",
    pick: (t) => [t.columns, t.primaryKey],
    want: [[{ name: "id", type: "int", nullable: false, autoIncrement: true }], { parts: [{ column: "id" }] }],
  },
  {
    name: "inline primary key forces NOT NULL",
    sql: "CREATE TABLE t (id bigint unsigned primary key)",
    pick: (t) => t.columns[0],
    want: { name: "id", type: "bigint unsigned", nullable: false },
  },
  {
    name: "tinyint(1) is bool, default TRUE is 1",
    sql: "CREATE TABLE t (b tinyint(1) NOT NULL DEFAULT TRUE)",
    pick: (t) => t.columns[0],
    want: { name: "b", type: "bool", nullable: false, default: { kind: "literal", value: "1" } },
  },
  {
    name: "quoted number default on int",
    sql: "CREATE TABLE t (n int DEFAULT '5')",
    pick: (t) => t.columns[0]!.default,
    want: { kind: "literal", value: "5" },
  },
  {
    name: "negative default",
    sql: "CREATE TABLE t (n int DEFAULT -1)",
    pick: (t) => t.columns[0]!.default,
    want: { kind: "literal", value: "-1" },
  },
  {
    name: "DEFAULT NULL is no default",
    sql: "CREATE TABLE t (n int DEFAULT NULL)",
    pick: (t) => t.columns[0],
    want: { name: "n", type: "int", nullable: true },
  },
  {
    name: "string default with escapes",
    sql: "CREATE TABLE t (s varchar(5) DEFAULT 'it''s\\n')",
    pick: (t) => t.columns[0]!.default,
    want: { kind: "literal", value: "it's\n" },
  },
  {
    name: "character column inherits table charset",
    sql: "CREATE TABLE t (s text) CHARSET latin1",
    pick: (t) => [t.columns[0], t.options],
    want: [
      { name: "s", type: "text", nullable: true, charset: "latin1", collate: "latin1_swedish_ci" },
      { engine: "InnoDB", charset: "latin1", collate: "latin1_swedish_ci" },
    ],
  },
  {
    name: "column collate gives charset",
    sql: "CREATE TABLE t (s char(3) COLLATE utf8mb4_bin)",
    pick: (t) => t.columns[0],
    want: { name: "s", type: "char(3)", nullable: true, charset: "utf8mb4", collate: "utf8mb4_bin" },
  },
  {
    name: "column charset gives its default collation",
    sql: "CREATE TABLE t (s char CHARACTER SET utf8) DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin",
    pick: (t) => t.columns[0],
    want: { name: "s", type: "char(1)", nullable: true, charset: "utf8mb3", collate: "utf8mb3_general_ci" },
  },
  {
    name: "mysql default collation",
    flavor: mysql8,
    sql: "CREATE TABLE t (e enum('a','b'))",
    pick: (t) => [t.columns[0], t.options.collate],
    want: [
      { name: "e", type: "enum('a','b')", nullable: true, charset: "utf8mb4", collate: "utf8mb4_0900_ai_ci" },
      "utf8mb4_0900_ai_ci",
    ],
  },
  {
    name: "schema charset inherited",
    setup: ["ALTER DATABASE db CHARACTER SET latin1"],
    sql: "CREATE TABLE t (a int)",
    pick: (t) => t.options,
    want: { engine: "InnoDB", charset: "latin1", collate: "latin1_swedish_ci" },
  },
  {
    name: "table options with and without =",
    sql: "CREATE TABLE t (a int) ENGINE MyISAM, AUTO_INCREMENT=5 COMMENT='hi' ROW_FORMAT=DYNAMIC",
    pick: (t) => t.options,
    want: { engine: "MyISAM", ...utf8mb4, comment: "hi", autoIncrement: 5, rowFormat: "DYNAMIC" },
  },
  {
    name: "AUTO_INCREMENT=1 not modelled",
    sql: "CREATE TABLE t (a int) AUTO_INCREMENT=1 ENGINE=innodb",
    pick: (t) => t.options,
    want: { engine: "InnoDB", ...utf8mb4 },
  },
  {
    name: "conditional comment content parsed",
    sql: "CREATE TABLE t (a int) ENGINE=InnoDB /*!40101 DEFAULT CHARSET=utf8 */ /* plain */",
    pick: (t) => t.options.charset,
    want: "utf8mb3",
  },
  {
    name: "timestamp defaults and on update",
    sql: "CREATE TABLE t (a timestamp(6) NOT NULL DEFAULT current_timestamp(6) ON UPDATE NOW(6), b datetime DEFAULT NOW(), c datetime DEFAULT LOCALTIMESTAMP)",
    pick: (t) => t.columns.map((c) => [c.default, c.onUpdate]),
    want: [
      [{ kind: "expr", value: "CURRENT_TIMESTAMP(6)" }, "CURRENT_TIMESTAMP(6)"],
      [{ kind: "expr", value: "CURRENT_TIMESTAMP" }, undefined],
      [{ kind: "expr", value: "CURRENT_TIMESTAMP" }, undefined],
    ],
  },
  {
    name: "expression default",
    sql: "CREATE TABLE t (a int, b int DEFAULT (A + 1), u varchar(36) DEFAULT (UUID()))",
    pick: (t) => [t.columns[1]!.default, t.columns[2]!.default],
    want: [
      { kind: "expr", value: "`A` + 1" },
      { kind: "expr", value: "uuid()" },
    ],
  },
  {
    name: "comment",
    sql: "CREATE TABLE t (a int COMMENT 'the a', b int COMMENT '')",
    pick: (t) => [t.columns[0]!.comment, t.columns[1]!.comment],
    want: ["the a", undefined],
  },
  {
    name: "generated columns",
    sql: "CREATE TABLE t (a int, b int GENERATED ALWAYS AS ((a*2)) STORED, c int AS (a+1), d int AS (a) PERSISTENT)",
    pick: (t) => t.columns.slice(1).map((c) => c.generated),
    want: [
      { expr: "`a` * 2", stored: true },
      { expr: "`a` + 1", stored: false },
      { expr: "`a`", stored: true },
    ],
  },
  {
    name: "inline unique gets column name",
    sql: "CREATE TABLE t (email varchar(100) UNIQUE KEY)",
    pick: (t) => t.indexes,
    want: [{ name: "email", unique: true, type: "BTREE", parts: [{ column: "email" }] }],
  },
  {
    name: "inline REFERENCES ignored",
    sql: "CREATE TABLE t (pid int REFERENCES p (id) ON DELETE CASCADE)",
    setup: [P],
    pick: (t) => [t.foreignKeys, t.indexes],
    want: [[], []],
  },
  {
    name: "index parts: prefix, desc, comment, using",
    sql: "CREATE TABLE t (a varchar(200), b int, KEY ab USING HASH (a(10), b DESC) COMMENT 'c')",
    pick: (t) => t.indexes,
    want: [
      {
        name: "ab",
        unique: false,
        type: "HASH",
        parts: [
          { column: "a", prefix: 10 },
          { column: "b", desc: true },
        ],
        comment: "c",
      },
    ],
  },
  {
    name: "fulltext with parser",
    sql: "CREATE TABLE t (body text, FULLTEXT KEY ft (body) WITH PARSER ngram)",
    pick: (t) => t.indexes,
    want: [{ name: "ft", unique: false, type: "FULLTEXT", parts: [{ column: "body" }], parser: "ngram" }],
  },
  {
    name: "unnamed index clash names",
    sql: "CREATE TABLE t (x int, KEY x (x), UNIQUE (x), INDEX (x))",
    pick: (t) => t.indexes.map((i) => i.name),
    want: ["x", "x_2", "x_3"],
  },
  {
    name: "constraint symbol names a unique",
    sql: "CREATE TABLE t (x int, CONSTRAINT uq UNIQUE (x))",
    pick: (t) => t.indexes.map((i) => [i.name, i.unique]),
    want: [["uq", true]],
  },
  {
    name: "expression index part",
    sql: "CREATE TABLE t (j json, INDEX ((CAST(j->>'$.a' AS CHAR(10)))))",
    flavor: mysql8,
    pick: (t) => t.indexes,
    want: [
      { name: "functional_index", unique: false, type: "BTREE", parts: [{ expr: "cast(`j` ->> '$.a' as char(10))" }] },
    ],
  },
  {
    name: "unnamed FK gets ibfk name and implicit index",
    setup: [P],
    sql: "CREATE TABLE c (id int, pid int, FOREIGN KEY (pid) REFERENCES p (id) ON DELETE RESTRICT ON UPDATE CASCADE)",
    pick: (t) => [t.foreignKeys, t.indexes],
    want: [
      [
        {
          name: "c_ibfk_1",
          columns: ["pid"],
          refTable: "p",
          refColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "CASCADE",
        },
      ],
      [{ name: "pid", unique: false, type: "BTREE", parts: [{ column: "pid" }], generated: true }],
    ],
  },
  {
    name: "named FK names its implicit index",
    setup: [P],
    sql: "CREATE TABLE c (pid int, CONSTRAINT fk_p FOREIGN KEY (pid) REFERENCES p (id) ON DELETE SET NULL)",
    pick: (t) => [t.foreignKeys[0]!.name, t.foreignKeys[0]!.onDelete, t.indexes.map((i) => i.name)],
    want: ["fk_p", "SET NULL", ["fk_p"]],
  },
  {
    name: "MariaDB names FK after FOREIGN KEY name",
    setup: [P],
    sql: "CREATE TABLE c (pid int, FOREIGN KEY fkn (pid) REFERENCES p (id))",
    pick: (t) => [t.foreignKeys[0]!.name, t.indexes.map((i) => i.name)],
    want: ["fkn", ["fkn"]],
  },
  {
    name: "MySQL ignores FOREIGN KEY name for the constraint",
    flavor: mysql8,
    setup: [P],
    sql: "CREATE TABLE c (pid int, FOREIGN KEY fkn (pid) REFERENCES p (id))",
    pick: (t) => [t.foreignKeys[0]!.name, t.indexes.map((i) => i.name)],
    want: ["c_ibfk_1", ["fkn"]],
  },
  {
    name: "FK covered by a later index: no implicit index",
    setup: [P],
    sql: "CREATE TABLE c (a int, b int, FOREIGN KEY (a) REFERENCES p (id), KEY ab (a, b))",
    pick: (t) => t.indexes.map((i) => i.name),
    want: ["ab"],
  },
  {
    name: "FK covered by the primary key",
    setup: [P],
    sql: "CREATE TABLE c (id int, PRIMARY KEY (id), FOREIGN KEY (id) REFERENCES p (id))",
    pick: (t) => t.indexes,
    want: [],
  },
  {
    name: "FK implicit index takes the name first (declaration order)",
    setup: [P],
    sql: "CREATE TABLE c (x int, y int, FOREIGN KEY (x, y) REFERENCES p (a, b), UNIQUE (x))",
    pick: (t) => t.indexes.map((i) => i.name),
    want: ["x", "x_2"],
  },
  {
    name: "MariaDB check names",
    sql: "CREATE TABLE t (a int CHECK (a > 0), b int, CONSTRAINT CONSTRAINT_2 CHECK (b > 1), CHECK (b > 2), CHECK (b>3))",
    pick: (t) => t.checks.map((c) => c.name),
    want: ["a", "CONSTRAINT_2", "CONSTRAINT_1", "CONSTRAINT_3"],
  },
  {
    name: "MySQL check names",
    flavor: mysql8,
    sql: "CREATE TABLE t (a int CHECK (a > 0), CHECK (a < 9) NOT ENFORCED)",
    pick: (t) => t.checks,
    want: [
      { name: "t_chk_1", expr: "`a` > 0", enforced: true },
      { name: "t_chk_2", expr: "`a` < 9", enforced: false },
    ],
  },
  {
    name: "named check with formatting",
    sql: "CREATE TABLE t (a int, CONSTRAINT pos CHECK ((`a`>0) AND a<10))",
    pick: (t) => t.checks,
    want: [{ name: "pos", expr: "(`a` > 0) and `a` < 10", enforced: true }],
  },
  {
    name: "json column has no charset and no check",
    sql: "CREATE TABLE t (j json)",
    pick: (t) => [t.columns, t.checks],
    want: [[{ name: "j", type: "json", nullable: true }], []],
  },
  {
    name: "types normalised",
    sql: "CREATE TABLE t (a numeric(5), b real, c float(30), d year(4), e bit, f integer(10) zerofill, g time(0), h dec, i varchar(10))",
    pick: (t) => t.columns.map((c) => c.type),
    want: [
      "decimal(5,0)",
      "double",
      "double",
      "year",
      "bit(1)",
      "int unsigned zerofill",
      "time",
      "decimal(10,0)",
      "varchar(10)",
    ],
  },
  {
    name: "backtick identifiers with doubled backticks",
    sql: "CREATE TABLE `we``ird` (`col``x` int)",
    pick: (t) => [t.name, t.columns[0]!.name],
    want: ["we`ird", "col`x"],
  },
  { name: "schema-qualified name", sql: "CREATE TABLE db.t (a int)", pick: (t) => t.name, want: "t" },
  {
    name: "comments and whitespace",
    sql: "-- lead\nCREATE TABLE t ( # hash\n a int /* inline */ NOT NULL\n);",
    pick: (t) => t.columns[0],
    want: { name: "a", type: "int", nullable: false },
  },
  {
    name: "enum values quoted canonically",
    sql: "CREATE TABLE t (e ENUM(\"x\", 'it''s') NOT NULL DEFAULT 'x')",
    pick: (t) => [t.columns[0]!.type, t.columns[0]!.default],
    want: ["enum('x','it''s')", { kind: "literal", value: "x" }],
  },
];

describe("parse CREATE TABLE", () => {
  for (const c of cases) {
    test(c.name, () => {
      const flavor = c.flavor ?? mariadb;
      const schema = replay(c.setup ?? [], flavor);
      expect(c.pick(added(parse(c.sql, { flavor, schema })))).toEqual(c.want);
    });
  }

  test("IF NOT EXISTS on an existing table makes no change", () => {
    const schema = replay(["CREATE TABLE t (a int)"]);
    expect(parse("CREATE TABLE IF NOT EXISTS t (b int)", { flavor: mariadb, schema })).toEqual([]);
  });
});
