/**
 * Replay fidelity without a server (issue 11): the MySQL 8 side of the server facts that
 * test/mysql/replay-fidelity.test.ts checks against MariaDB — versioned comments, CONVERT TO widening, an inline key
 * on an added column — from MySQL's manual.
 */
import { describe, expect, test } from "bun:test";
import { replaySql } from "../../src/migrate/replay.ts";
import { convertedTextType } from "../../src/mysql/charset-width.ts";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { replay } from "./parse-helpers.ts";

const columnsOf = (sql: string, flavor = mysql8) => replay([sql], flavor).tables[0]!.columns.map((c) => c.name);

describe("versioned comments", () => {
  const sql = `CREATE TABLE t (a int /*!50700 , b int */ /*!80040 , c int */ /*!80041 , d int */ /*M!100100 , e int */
    /*! , f int */ /*!100000 , g int */ /*!40101 , h int */)`;
  test("MySQL 8 runs /*! up to its version (5 or 6 digits) and ignores MariaDB's /*M!", () =>
    expect(columnsOf(sql)).toEqual(["a", "b", "c", "f", "h"]));
  test("MariaDB 10.11 runs /*M! and /*! up to its version, except 50700–99999", () =>
    expect(columnsOf(sql, mariadb)).toEqual(["a", "e", "f", "g", "h"]));
  test("an ignored comment may hold a whole statement's worth of text", () =>
    expect(
      replay(["CREATE TABLE t (a int)", "ALTER TABLE t /*!90000 ADD COLUMN b int */"], mysql8).tables[0]!.columns,
    ).toHaveLength(1));
});

test("a statement that is only a versioned comment runs as the flavour's server runs it", () => {
  const sql =
    "/*!50700 CREATE TABLE u (a int) */;\n/*M!100000 CREATE TABLE v (a int) */;\n/*!40101 CREATE TABLE w (a int) */;\n";
  const names = (flavor: typeof mysql8) => replaySql(sql, flavor).tables.map((t) => t.name);
  expect(names(mysql8)).toEqual(["u", "w"]);
  expect(names(mariadb)).toEqual(["v", "w"]);
});

describe("CONVERT TO CHARACTER SET widens text types (MySQL manual, ALTER TABLE: Changing the Character Set)", () => {
  test.each([
    ["text", "latin1", "utf8mb4", "mediumtext"],
    ["text", "utf8mb3", "utf8mb4", "mediumtext"],
    ["tinytext", "utf8mb3", "utf8mb4", "text"],
    ["mediumtext", "latin1", "utf8mb3", "longtext"],
    ["longtext", "latin1", "utf8mb4", "longtext"],
    ["text", "utf8mb4", "utf8mb4", "text"],
    ["text", "utf8mb4", "latin1", "text"],
    ["varchar(100)", "latin1", "utf8mb4", "varchar(100)"],
  ])("%s %s → %s is %s", (type, from, to, want) => expect(convertedTextType(type, from, to)).toBe(want));
  test("the replay applies it to the table's text columns", () => {
    const t = replay(
      [
        "CREATE TABLE t (a text, b varchar(10), c tinytext CHARSET utf8mb4, d blob) CHARSET utf8mb3",
        "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4",
      ],
      mysql8,
    ).tables[0]!;
    expect(t.columns.map((c) => c.type)).toEqual(["mediumtext", "varchar(10)", "tinytext", "blob"]);
  });
});

test("ADD COLUMN with an inline PRIMARY KEY adds the column, then the key", () => {
  const t = replay(["CREATE TABLE t (a int)", "ALTER TABLE t ADD COLUMN id int NOT NULL PRIMARY KEY"], mysql8)
    .tables[0]!;
  expect(t.primaryKey).toEqual({ parts: [{ column: "id" }] });
});

describe("the index generated for a foreign key (MySQL manual: FOREIGN KEY Constraints, index_name)", () => {
  const setup = [
    "CREATE TABLE p (id int PRIMARY KEY)",
    "CREATE TABLE c (id int PRIMARY KEY, pid int, x int, CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id))",
  ];
  const indexesOf = (more: string[]) =>
    replay([...setup, ...more], mysql8)
      .tables.find((t) => t.name === "c")!
      .indexes.map((i) => i.name);
  test("is dropped once another index starts with its columns", () =>
    expect(indexesOf(["ALTER TABLE c ADD INDEX ix (pid, x)"])).toEqual(["ix"]));
  test("stays when the other index starts elsewhere or with a prefix of the column", () =>
    expect(indexesOf(["ALTER TABLE c ADD INDEX ix (x, pid)"])).toEqual(["fk", "ix"]));
  test("an index the user declared is not generated", () =>
    expect(
      replay(
        [
          "CREATE TABLE p (id int PRIMARY KEY)",
          "CREATE TABLE c (pid int, KEY k (pid), FOREIGN KEY (pid) REFERENCES p (id))",
        ],
        mysql8,
      ).tables[1]!.indexes[0]!.generated,
    ).toBeUndefined());
});

test("MySQL 8 keeps a key part as written (it refuses one over the key limit; MariaDB stores a prefix)", () => {
  const sql = ["CREATE TABLE t (a text CHARSET latin1, b varchar(2000), KEY (b))", "CREATE INDEX ia ON t (a)"];
  const parts = (flavor: typeof mysql8) => replay(sql, flavor).tables[0]!.indexes.map((i) => i.parts[0]!.prefix);
  expect(parts(mysql8)).toEqual([undefined, undefined]);
  expect(parts(mariadb)).toEqual([768, 3072]);
});

test("a prefix as long as its CHAR/VARCHAR column is the whole column, on both servers", () => {
  for (const flavor of [mysql8, mariadb]) {
    const t = replay(
      ["CREATE TABLE t (a varchar(10), b varchar(10), KEY (a(10)), KEY (b(5)))", "ALTER TABLE t MODIFY b varchar(4)"],
      flavor,
    ).tables[0]!;
    expect(t.indexes.map((i) => i.parts[0]!.prefix)).toEqual([undefined, undefined]);
  }
});
