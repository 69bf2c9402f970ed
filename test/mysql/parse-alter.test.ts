import { describe, expect, test } from "bun:test";
import { mariadb, mysql8, type Flavor } from "../../src/mysql/flavor.ts";
import { parse, parseApplied } from "../../src/mysql/parse.ts";
import { applyChanges } from "../../src/schema/apply.ts";
import type { Change } from "../../src/schema/changes.ts";
import { altered, replay } from "./parse-helpers.ts";

const cs = { charset: "utf8mb4", collate: "utf8mb4_general_ci" };
const P = "CREATE TABLE p (id int PRIMARY KEY, a int, b int)";
const T =
  "CREATE TABLE t (id int NOT NULL, a int DEFAULT 1, s varchar(10) COMMENT 'c', PRIMARY KEY (id), KEY ia (a), KEY sa (s, a), CONSTRAINT pos CHECK (a > 0))";
const id = { name: "id", type: "int", nullable: false };
const a = { name: "a", type: "int", nullable: true, default: { kind: "literal", value: "1" } };
const s = { name: "s", type: "varchar(10)", nullable: true, ...cs, comment: "c" };
const ia = { name: "ia", unique: false, type: "BTREE", parts: [{ column: "a" }] };
const sa = { name: "sa", unique: false, type: "BTREE", parts: [{ column: "s" }, { column: "a" }] };
const pos = { name: "pos", expr: "`a` > 0", enforced: true };

interface Case {
  readonly name: string;
  readonly sql: string;
  readonly setup?: readonly string[];
  readonly flavor?: Flavor;
  readonly pick?: (c: Change[]) => unknown;
  readonly want: unknown;
}

const cases: Case[] = [
  {
    name: "ADD COLUMN with position",
    sql: "ALTER TABLE t ADD COLUMN b int NOT NULL AFTER id, ADD c char(2) FIRST",
    want: [
      { kind: "AddColumn", column: { name: "b", type: "int", nullable: false }, position: { after: "id" } },
      { kind: "AddColumn", column: { name: "c", type: "char(2)", nullable: true, ...cs }, position: { first: true } },
    ],
  },
  {
    name: "ADD COLUMN list",
    sql: "ALTER TABLE t ADD (b int, c int)",
    want: [
      { kind: "AddColumn", column: { name: "b", type: "int", nullable: true } },
      { kind: "AddColumn", column: { name: "c", type: "int", nullable: true } },
    ],
  },
  {
    name: "ADD COLUMN with inline UNIQUE",
    sql: "ALTER TABLE t ADD b int UNIQUE",
    want: [
      { kind: "AddColumn", column: { name: "b", type: "int", nullable: true } },
      { kind: "AddIndex", index: { name: "b", unique: true, type: "BTREE", parts: [{ column: "b" }] } },
    ],
  },
  {
    name: "ADD COLUMN IF NOT EXISTS on an existing column",
    sql: "ALTER TABLE t ADD COLUMN IF NOT EXISTS a int",
    pick: (c) => c,
    want: [],
  },
  {
    name: "DROP COLUMN shrinks and drops indexes and checks",
    sql: "ALTER TABLE t DROP COLUMN a",
    want: [
      { kind: "DropColumn", column: a },
      { kind: "DropIndex", index: ia },
      { kind: "DropIndex", index: sa },
      { kind: "AddIndex", index: { ...sa, parts: [{ column: "s" }] } },
      { kind: "DropCheck", check: pos },
    ],
  },
  {
    name: "DROP COLUMN of the primary key",
    sql: "ALTER TABLE t DROP id",
    want: [
      { kind: "DropColumn", column: id },
      { kind: "DropPrimaryKey", primaryKey: { parts: [{ column: "id" }] } },
    ],
  },
  {
    name: "DROP COLUMN IF EXISTS on a missing column",
    sql: "ALTER TABLE t DROP COLUMN IF EXISTS zz",
    pick: (c) => c,
    want: [],
  },
  {
    name: "MODIFY is a full redefinition",
    sql: "ALTER TABLE t MODIFY COLUMN s varchar(20) NOT NULL AFTER id",
    want: [
      {
        kind: "ModifyColumn",
        from: s,
        to: { name: "s", type: "varchar(20)", nullable: false, ...cs },
        position: { after: "id" },
      },
    ],
  },
  {
    name: "MODIFY of a primary key column stays NOT NULL",
    sql: "ALTER TABLE t MODIFY id bigint",
    want: [{ kind: "ModifyColumn", from: id, to: { name: "id", type: "bigint", nullable: false } }],
  },
  {
    name: "CHANGE renames and redefines",
    sql: "ALTER TABLE t CHANGE a a2 bigint DEFAULT 1",
    want: [
      { kind: "RenameColumn", from: "a", to: "a2" },
      {
        kind: "ModifyColumn",
        from: { ...a, name: "a2" },
        to: { name: "a2", type: "bigint", nullable: true, default: { kind: "literal", value: "1" } },
      },
    ],
  },
  {
    name: "CHANGE with the same definition is only a rename",
    sql: "ALTER TABLE t CHANGE COLUMN a b int DEFAULT 1",
    want: [{ kind: "RenameColumn", from: "a", to: "b" }],
  },
  {
    name: "RENAME COLUMN",
    sql: "ALTER TABLE t RENAME COLUMN a TO b",
    want: [{ kind: "RenameColumn", from: "a", to: "b" }],
  },
  {
    name: "ALTER COLUMN SET DEFAULT",
    sql: "ALTER TABLE t ALTER COLUMN s SET DEFAULT 'x'",
    want: [{ kind: "ModifyColumn", from: s, to: { ...s, default: { kind: "literal", value: "x" } } }],
  },
  {
    name: "ALTER COLUMN DROP DEFAULT",
    sql: "ALTER TABLE t ALTER a DROP DEFAULT",
    want: [{ kind: "ModifyColumn", from: a, to: { name: "a", type: "int", nullable: true } }],
  },
  {
    name: "ADD INDEX unnamed clashes",
    sql: "ALTER TABLE t ADD INDEX (s), ADD UNIQUE KEY (s), ADD FULLTEXT INDEX ft (s)",
    want: [
      { kind: "AddIndex", index: { name: "s", unique: false, type: "BTREE", parts: [{ column: "s" }] } },
      { kind: "AddIndex", index: { name: "s_2", unique: true, type: "BTREE", parts: [{ column: "s" }] } },
      { kind: "AddIndex", index: { name: "ft", unique: false, type: "FULLTEXT", parts: [{ column: "s" }] } },
    ],
  },
  {
    name: "DROP INDEX / KEY",
    sql: "ALTER TABLE t DROP INDEX ia, DROP KEY sa",
    want: [
      { kind: "DropIndex", index: ia },
      { kind: "DropIndex", index: sa },
    ],
  },
  {
    name: "RENAME INDEX",
    sql: "ALTER TABLE t RENAME INDEX ia TO ib",
    want: [{ kind: "RenameIndex", from: "ia", to: "ib" }],
  },
  {
    name: "DROP PRIMARY KEY, ADD PRIMARY KEY makes columns NOT NULL",
    sql: "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, a)",
    want: [
      { kind: "DropPrimaryKey", primaryKey: { parts: [{ column: "id" }] } },
      { kind: "ModifyColumn", from: a, to: { ...a, nullable: false } },
      { kind: "AddPrimaryKey", primaryKey: { parts: [{ column: "id" }, { column: "a" }] } },
    ],
  },
  {
    name: "ADD FOREIGN KEY without an index adds the implicit index",
    setup: [P],
    sql: "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a, id) REFERENCES p (a, b) ON DELETE CASCADE",
    want: [
      {
        kind: "AddIndex",
        index: {
          name: "fk",
          unique: false,
          type: "BTREE",
          parts: [{ column: "a" }, { column: "id" }],
          generated: true,
        },
      },
      {
        kind: "AddForeignKey",
        foreignKey: {
          name: "fk",
          columns: ["a", "id"],
          refTable: "p",
          refColumns: ["a", "b"],
          onDelete: "CASCADE",
          onUpdate: "NO ACTION",
        },
      },
    ],
  },
  {
    name: "ADD FOREIGN KEY covered by an index",
    setup: [P],
    sql: "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)",
    want: [
      {
        kind: "AddForeignKey",
        foreignKey: {
          name: "t_ibfk_1",
          columns: ["a"],
          refTable: "p",
          refColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
      },
    ],
  },
  {
    name: "unnamed FK numbering continues",
    setup: [P, "ALTER TABLE t ADD FOREIGN KEY (a) REFERENCES p (id)"],
    sql: "ALTER TABLE t ADD FOREIGN KEY (id) REFERENCES p (id)",
    pick: (c) => (altered(c) as { foreignKey: { name: string } }[])[0]!.foreignKey.name,
    want: "t_ibfk_2",
  },
  {
    name: "DROP FOREIGN KEY",
    setup: [P, "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES p (id)"],
    sql: "ALTER TABLE t DROP FOREIGN KEY fk",
    want: [
      {
        kind: "DropForeignKey",
        foreignKey: {
          name: "fk",
          columns: ["a"],
          refTable: "p",
          refColumns: ["id"],
          onDelete: "NO ACTION",
          onUpdate: "NO ACTION",
        },
      },
    ],
  },
  {
    name: "ADD CHECK unnamed on MariaDB",
    sql: "ALTER TABLE t ADD CHECK (id > 0), ADD CONSTRAINT c2 CHECK (id < 5)",
    want: [
      { kind: "AddCheck", check: { name: "CONSTRAINT_1", expr: "`id` > 0", enforced: true } },
      { kind: "AddCheck", check: { name: "c2", expr: "`id` < 5", enforced: true } },
    ],
  },
  {
    name: "ADD CHECK unnamed on MySQL",
    flavor: mysql8,
    sql: "ALTER TABLE t ADD CHECK (id > 0)",
    want: [{ kind: "AddCheck", check: { name: "t_chk_1", expr: "`id` > 0", enforced: true } }],
  },
  { name: "DROP CHECK", sql: "ALTER TABLE t DROP CHECK pos", want: [{ kind: "DropCheck", check: pos }] },
  {
    name: "DROP CONSTRAINT finds a check",
    sql: "ALTER TABLE t DROP CONSTRAINT pos",
    want: [{ kind: "DropCheck", check: pos }],
  },
  {
    name: "DROP CONSTRAINT finds a unique index",
    setup: ["CREATE TABLE u (x int, CONSTRAINT ux UNIQUE (x))"],
    sql: "ALTER TABLE u DROP CONSTRAINT ux",
    want: [{ kind: "DropIndex", index: { name: "ux", unique: true, type: "BTREE", parts: [{ column: "x" }] } }],
  },
  {
    name: "ALTER CHECK NOT ENFORCED",
    flavor: mysql8,
    sql: "ALTER TABLE t ALTER CHECK pos NOT ENFORCED",
    want: [
      { kind: "DropCheck", check: pos },
      { kind: "AddCheck", check: { ...pos, enforced: false } },
    ],
  },
  {
    name: "table options",
    sql: "ALTER TABLE t ENGINE=myisam COMMENT 'x', AUTO_INCREMENT = 100",
    want: [
      { kind: "ModifyOptions", from: { engine: "InnoDB" }, to: { engine: "MyISAM", comment: "x" } },
      { kind: "ModifyOptions", from: {}, to: { autoIncrement: 100 } },
    ],
  },
  {
    name: "DEFAULT CHARSET option resolves collation",
    sql: "ALTER TABLE t DEFAULT CHARSET=latin1",
    want: [{ kind: "ModifyOptions", from: cs, to: { charset: "latin1", collate: "latin1_swedish_ci" } }],
  },
  {
    name: "CONVERT TO CHARACTER SET",
    sql: "ALTER TABLE t CONVERT TO CHARACTER SET utf8 COLLATE utf8_bin",
    want: [{ kind: "ConvertCharset", charset: "utf8mb3", collate: "utf8mb3_bin" }],
  },
  {
    name: "ALGORITHM and LOCK make no change",
    sql: "ALTER TABLE t ADD INDEX ix (id), ALGORITHM=INPLACE, LOCK=NONE",
    want: [{ kind: "AddIndex", index: { name: "ix", unique: false, type: "BTREE", parts: [{ column: "id" }] } }],
  },
  {
    name: "RENAME TO after changes",
    sql: "ALTER TABLE t ADD b int, RENAME TO t2",
    pick: (c) => c,
    want: [
      {
        kind: "ModifyTable",
        table: "t",
        changes: [{ kind: "AddColumn", column: { name: "b", type: "int", nullable: true } }],
      },
      { kind: "RenameTable", from: "t", to: "t2" },
    ],
  },
  {
    name: "later clauses see earlier ones",
    sql: "ALTER TABLE t ADD b int, ADD INDEX (b)",
    want: [
      { kind: "AddColumn", column: { name: "b", type: "int", nullable: true } },
      { kind: "AddIndex", index: { name: "b", unique: false, type: "BTREE", parts: [{ column: "b" }] } },
    ],
  },
  {
    name: "ALTER TABLE IF EXISTS on a missing table",
    sql: "ALTER TABLE IF EXISTS nope ADD b int",
    pick: (c) => c,
    want: [],
  },
];

describe("parse ALTER TABLE", () => {
  for (const c of cases) {
    test(c.name, () => {
      const flavor = c.flavor ?? mariadb;
      const schema = replay([T, ...(c.setup ?? [])], flavor);
      const changes = parse(c.sql, { flavor, schema });
      expect((c.pick ?? altered)(changes)).toEqual(c.want);
    });
  }
});

describe("parseApplied: the table the clauses built while parsing, put in place once", () => {
  for (const c of cases) {
    test(`same schema as applying the changes: ${c.name}`, () => {
      const flavor = c.flavor ?? mariadb;
      const schema = replay([T, ...(c.setup ?? [])], flavor);
      const { changes, after } = parseApplied(c.sql, { flavor, schema });
      expect(after).toEqual(applyChanges(schema, changes));
    });
  }

  test("a renamed column moves other tables' foreign keys, and RENAME TO renames the built table", () => {
    const schema = replay([P, "CREATE TABLE c (pid int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (a))"]);
    const sql = "ALTER TABLE p RENAME COLUMN a TO a2, ADD COLUMN z int, RENAME TO p2";
    const { changes, after } = parseApplied(sql, { flavor: mariadb, schema });
    expect(after).toEqual(applyChanges(schema, changes));
    expect(after.tables.map((t) => t.name)).toEqual(["p2", "c"]);
    expect(after.tables[1]!.foreignKeys[0]).toMatchObject({ refTable: "p2", refColumns: ["a2"] });
    expect(after.tables[0]!.columns.map((col) => col.name)).toEqual(["id", "a2", "b", "z"]);
  });
});
