import { describe, expect, test } from "bun:test";
import { mariadb } from "../../src/mysql/flavor.ts";
import {
  DataStatementError,
  ParseError,
  SchemaStateError,
  UnsupportedStatementError,
  parse,
  statementKind,
} from "../../src/mysql/parse.ts";
import { replay } from "./parse-helpers.ts";

const SETUP = ["CREATE TABLE a (id int, x int, KEY ix (x))", "CREATE TABLE b (id int)"];
const ctx = () => ({ flavor: mariadb, schema: replay(SETUP) });
const tableA = () => ctx().schema.tables[0]!;

describe("parse other statements", () => {
  const cases: { name: string; sql: string; want: () => unknown }[] = [
    {
      name: "DROP TABLE list",
      sql: "DROP TABLE a, b;",
      want: () => [
        { kind: "DropTable", table: tableA() },
        { kind: "DropTable", table: ctx().schema.tables[1] },
      ],
    },
    {
      name: "DROP TABLE IF EXISTS skips missing",
      sql: "DROP TABLE IF EXISTS zz, b CASCADE",
      want: () => [{ kind: "DropTable", table: ctx().schema.tables[1] }],
    },
    {
      name: "RENAME TABLE pairs",
      sql: "RENAME TABLE a TO c, b TO a",
      want: () => [
        { kind: "RenameTable", from: "a", to: "c" },
        { kind: "RenameTable", from: "b", to: "a" },
      ],
    },
    {
      name: "CREATE INDEX",
      sql: "CREATE UNIQUE INDEX ux ON a (id DESC)",
      want: () => [
        {
          kind: "ModifyTable",
          table: "a",
          changes: [
            {
              kind: "AddIndex",
              index: { name: "ux", unique: true, type: "BTREE", parts: [{ column: "id", desc: true }] },
            },
          ],
        },
      ],
    },
    {
      name: "CREATE FULLTEXT INDEX",
      sql: "CREATE FULLTEXT INDEX ft ON a (x)",
      want: () => [
        {
          kind: "ModifyTable",
          table: "a",
          changes: [
            { kind: "AddIndex", index: { name: "ft", unique: false, type: "FULLTEXT", parts: [{ column: "x" }] } },
          ],
        },
      ],
    },
    {
      name: "DROP INDEX ON",
      sql: "DROP INDEX ix ON a ALGORITHM=INPLACE",
      want: () => [{ kind: "ModifyTable", table: "a", changes: [{ kind: "DropIndex", index: tableA().indexes[0] }] }],
    },
    { name: "DROP INDEX IF EXISTS missing", sql: "DROP INDEX IF EXISTS nope ON a", want: () => [] },
    {
      name: "ALTER DATABASE charset",
      sql: "ALTER DATABASE db DEFAULT CHARACTER SET = utf8mb4 COLLATE utf8mb4_unicode_ci",
      want: () => [{ kind: "ModifySchema", charset: "utf8mb4", collate: "utf8mb4_unicode_ci" }],
    },
    {
      name: "ALTER SCHEMA charset only",
      sql: "ALTER SCHEMA CHARSET latin1",
      want: () => [{ kind: "ModifySchema", charset: "latin1", collate: "latin1_swedish_ci" }],
    },
    { name: "SET session statement", sql: "SET FOREIGN_KEY_CHECKS=0;", want: () => [] },
    { name: "SET NAMES in a conditional comment", sql: "/*!40101 SET NAMES utf8mb4 */;", want: () => [] },
    { name: "LOCK TABLES", sql: "LOCK TABLES a WRITE", want: () => [] },
    { name: "comment only", sql: "-- nothing here\n", want: () => [] },
  ];
  for (const c of cases) test(c.name, () => expect(parse(c.sql, ctx())).toEqual(c.want() as never));
});

describe("parse errors", () => {
  const cases: { name: string; sql: string; error: new (...a: never[]) => Error; message: string }[] = [
    {
      name: "missing type",
      sql: "CREATE TABLE t (a (1))",
      error: ParseError,
      message: '1:19: expected column type, found "("',
    },
    {
      name: "bad token on line 2",
      sql: "CREATE TABLE t (\n  a int NOT FOO)",
      error: ParseError,
      message: '2:9: expected column attribute, found "NOT"',
    },
    {
      name: "unclosed paren",
      sql: "CREATE TABLE t (a int",
      error: ParseError,
      message: '1:22: expected ")", found end of statement',
    },
    {
      name: "unclosed string",
      sql: "CREATE TABLE t (a int COMMENT 'x)",
      error: ParseError,
      message: '1:31: unclosed quote "\'"',
    },
    { name: "unknown type", sql: "CREATE TABLE t (a wibble)", error: Error, message: 'unknown column type "wibble"' },
    {
      name: "unknown ALTER clause",
      sql: "ALTER TABLE a FROB x",
      error: ParseError,
      message: '1:15: expected ALTER TABLE clause, found "FROB"',
    },
    {
      name: "CREATE TABLE LIKE",
      sql: "CREATE TABLE t LIKE a",
      error: UnsupportedStatementError,
      message: "1:16: unsupported statement: CREATE TABLE … LIKE",
    },
    {
      name: "CREATE TABLE AS SELECT",
      sql: "CREATE TABLE t AS SELECT * FROM a",
      error: UnsupportedStatementError,
      message: "1:16: unsupported statement: CREATE TABLE … AS SELECT",
    },
    {
      name: "system-time partitions",
      sql: "CREATE TABLE t (a int) PARTITION BY SYSTEM_TIME",
      error: UnsupportedStatementError,
      message: "1:37: unsupported statement: PARTITION BY SYSTEM_TIME",
    },
    {
      name: "loadable function",
      sql: "CREATE FUNCTION metaphon RETURNS STRING SONAME 'udf_example.so'",
      error: UnsupportedStatementError,
      message: "1:1: unsupported statement: CREATE FUNCTION",
    },
    {
      name: "user",
      sql: "CREATE USER u IDENTIFIED BY 'x'",
      error: UnsupportedStatementError,
      message: "1:1: unsupported statement: CREATE USER",
    },
    {
      name: "create database",
      sql: "CREATE DATABASE x",
      error: UnsupportedStatementError,
      message: "1:1: unsupported statement: CREATE DATABASE",
    },
    {
      name: "drop database",
      sql: "DROP DATABASE x",
      error: UnsupportedStatementError,
      message: "1:1: unsupported statement: DROP DATABASE",
    },
    { name: "use", sql: "USE x", error: UnsupportedStatementError, message: "1:1: unsupported statement: USE" },
    {
      name: "temporary table",
      sql: "CREATE TEMPORARY TABLE t (a int)",
      error: UnsupportedStatementError,
      message: "1:1: unsupported statement: CREATE TEMPORARY TABLE",
    },
    {
      name: "insert",
      sql: "INSERT INTO a VALUES (1, 2)",
      error: DataStatementError,
      message: "data statement INSERT changes rows, not the schema",
    },
    {
      name: "truncate",
      sql: "TRUNCATE TABLE a",
      error: DataStatementError,
      message: "data statement TRUNCATE changes rows, not the schema",
    },
    { name: "drop missing table", sql: "DROP TABLE zz", error: SchemaStateError, message: 'table "zz" does not exist' },
    {
      name: "create existing table",
      sql: "CREATE TABLE a (x int)",
      error: SchemaStateError,
      message: 'table "a" already exists',
    },
    {
      name: "drop missing index",
      sql: "ALTER TABLE a DROP INDEX nope",
      error: SchemaStateError,
      message: 'index "nope" does not exist',
    },
    {
      name: "duplicate index name",
      sql: "ALTER TABLE a ADD INDEX ix (id)",
      error: SchemaStateError,
      message: 'index "ix" already exists',
    },
    {
      name: "modify missing column",
      sql: "ALTER TABLE a MODIFY nope int",
      error: SchemaStateError,
      message: 'column "nope" does not exist',
    },
    {
      name: "SERIAL DEFAULT VALUE column attribute",
      sql: "CREATE TABLE t (a int SERIAL DEFAULT VALUE)",
      error: UnsupportedStatementError,
      message: "1:23: unsupported statement: column attribute SERIAL",
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      let caught: unknown;
      try {
        parse(c.sql, ctx());
      } catch (e) {
        caught = e;
      }
      expect(caught).toBeInstanceOf(c.error);
      expect((caught as Error).message).toBe(c.message);
    });
  }

  test("ParseError carries line and column", () => {
    try {
      parse("CREATE TABLE t (\n\n   a int,,)", ctx());
      throw new Error("no error");
    } catch (e) {
      expect(e).toBeInstanceOf(ParseError);
      expect([(e as ParseError).line, (e as ParseError).column]).toEqual([3, 10]);
    }
  });
});

describe("statementKind", () => {
  const cases: [string, string][] = [
    ["CREATE TABLE t (a int);", "ddl"],
    ["alter table t add b int", "ddl"],
    ["CREATE UNIQUE INDEX i ON t (a)", "ddl"],
    ["DROP INDEX i ON t", "ddl"],
    ["RENAME TABLE a TO b", "ddl"],
    ["ALTER DATABASE d CHARSET utf8mb4", "ddl"],
    ["INSERT INTO t VALUES (1)", "data"],
    ["update t set a = 1", "data"],
    ["DELETE FROM t", "data"],
    ["REPLACE INTO t VALUES (1)", "data"],
    ["LOAD DATA INFILE 'x' INTO TABLE t", "data"],
    ["SELECT 1", "data"],
    ["SET NAMES utf8mb4", "session"],
    ["/*!40014 SET @OLD=@@FOREIGN_KEY_CHECKS */", "session"],
    ["CREATE VIEW v AS SELECT 1", "ddl"],
    ["GRANT ALL ON *.* TO x", "unsupported"],
    ["CREATE TABLE 'unclosed", "unsupported"],
  ];
  for (const [sql, kind] of cases) test(sql, () => expect(statementKind(sql)).toBe(kind as never));
});
