/**
 * Replay as faithful as the server (issue 11): for each statement sequence, replaying it offline gives the schema that
 * `inspect` reads after running it on MariaDB — the server's implicit effects included (a foreign key's generated index
 * dropped once another index covers it, versioned comments, CONVERT TO widening text types, long key parts stored as a
 * prefix, an inline key on an added column).
 */
import { describe, expect, test } from "bun:test";
import { replaySql } from "../../src/migrate/replay.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { comparableSchema, schemasEqual } from "../../src/schema/equal.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";

async function expectAgreement(sql: string): Promise<void> {
  const replayed = replaySql(sql, mariadb);
  await withTestDatabase(async ({ conn, name }) => {
    for (const stmt of splitStatements(sql)) await conn.query(stmt.text).catch(ignoreEmptyQuery);
    const inspected = await inspect(queryableOf(conn), name);
    expect(comparableSchema(replayed).tables).toEqual(comparableSchema(inspected).tables);
    expect(schemasEqual(inspected, replayed)).toBe(true);
  });
}

/** A statement that is all an ignored versioned comment is an empty query to the server (ER_EMPTY_QUERY). */
function ignoreEmptyQuery(e: { errno?: number }): void {
  if (e.errno !== 1065) throw e;
}

describe("versioned comments run as on MariaDB 10.11", () => {
  test("inside a statement", () =>
    expectAgreement(`CREATE TABLE t (a int /*!50700 , b int */ /*!40100 , c int */ /*M!100100 , d int */
      /*!100100 , e int */ /*!99999 , f int */ /*!110000 , h int */ /*!49999 , i int */ /*M! , j int */
      /*! , k int */ /*M!50700 , l int */ /*M!999999 , m int */);`));
  test("a whole statement", () =>
    expectAgreement(`/*!50700 CREATE TABLE u (a int) */;
      /*M!100000 CREATE TABLE v (a int) */;
      /*!40101 CREATE TABLE w (a int) */;
      /*!80000 DROP TABLE w */;`));
});

test("ADD COLUMN with an inline PRIMARY KEY or UNIQUE", () =>
  expectAgreement(`CREATE TABLE t (a int);
    ALTER TABLE t ADD COLUMN id int NOT NULL PRIMARY KEY;
    CREATE TABLE u (a int);
    ALTER TABLE u ADD COLUMN id int NOT NULL AUTO_INCREMENT PRIMARY KEY FIRST, ADD COLUMN k int UNIQUE KEY;
    CREATE TABLE v (a int);
    ALTER TABLE v ADD id bigint KEY;`));

test("CONVERT TO CHARACTER SET widens text types to hold as many characters", () =>
  expectAgreement(`CREATE TABLE y (c0 text, c1 mediumtext, c2 longtext, c3 tinytext, c4 varchar(16000),
      c6 text CHARACTER SET latin1, c7 text CHARACTER SET utf8mb4, c8 char(10), c9 text CHARSET ascii, c10 blob,
      c11 text COLLATE utf8mb3_bin) CHARSET utf8mb3;
    ALTER TABLE y CONVERT TO CHARACTER SET utf8mb4;
    CREATE TABLE z (c0 text, c3 tinytext, c5 mediumtext) CHARSET latin1;
    ALTER TABLE z CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;
    CREATE TABLE z2 (c0 text, c3 tinytext, c5 mediumtext) CHARSET utf8mb4;
    ALTER TABLE z2 CONVERT TO CHARACTER SET latin1;`));
