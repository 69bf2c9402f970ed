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
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { comparableSchema, schemasEqual } from "../../src/schema/equal.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";

async function expectAgreement(sql: string): Promise<void> {
  const replayed = replaySql(sql, mariadb);
  await withTestDatabase(async ({ conn, name }) => {
    for (const stmt of serverStatements(sql)) await conn.query(stmt).catch(ignoreEmptyQuery);
    const inspected = await inspect(queryableOf(conn), name);
    expect(comparableSchema(replayed).tables).toEqual(comparableSchema(inspected).tables);
    expect(schemasEqual(inspected, replayed)).toBe(true);
  });
}

/**
 * Statements as the server reads them from a client that sends comments along (the mysql client): Atlas's splitter
 * takes a versioned comment that starts a statement for its leading comment, so the comments go first.
 */
function serverStatements(sql: string): string[] {
  return splitStatements(sql).map((s) => [...s.comments, s.text].join("\n"));
}

/** A statement that is all an ignored versioned comment is an empty query to the server (ER_EMPTY_QUERY). */
function ignoreEmptyQuery(e: { errno?: number }): void {
  if (e.errno !== 1065) throw e;
}

const PARENT = "CREATE TABLE p (id int PRIMARY KEY, b int);";

describe("the index the server creates for a foreign key", () => {
  test("is dropped by ALTER … ADD INDEX that starts with its columns", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE c ADD INDEX ix (pid, x);`));
  test("is dropped by CREATE INDEX, CREATE UNIQUE INDEX and ADD PRIMARY KEY", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int, pid int, x int, CONSTRAINT fk_c FOREIGN KEY (pid) REFERENCES p (id));
      CREATE TABLE d (id int PRIMARY KEY, pid int, x int);
      ALTER TABLE d ADD FOREIGN KEY fkd (pid) REFERENCES p (id);
      CREATE TABLE e (id int, pid int NOT NULL, FOREIGN KEY (pid) REFERENCES p (id));
      CREATE INDEX ix ON c (pid, x);
      CREATE UNIQUE INDEX u ON d (pid);
      ALTER TABLE e ADD PRIMARY KEY (pid, id);`));
  test("is dropped by an index added in the same ALTER after the foreign key", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int PRIMARY KEY, pid int, x int);
      ALTER TABLE c ADD CONSTRAINT fk FOREIGN KEY (pid) REFERENCES p (id), ADD INDEX ix (pid, x);`));
  test("an unnamed index added in its place takes its name", () =>
    expectAgreement(`CREATE TABLE p (id int PRIMARY KEY, b int, KEY (id, b));
      CREATE TABLE c (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE c ADD INDEX (pid, x);
      CREATE TABLE d (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE d ADD UNIQUE (pid);
      CREATE TABLE e (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE e ADD COLUMN y int, ADD INDEX (pid, y);
      CREATE TABLE f (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE f ADD INDEX pid (pid, x);
      CREATE TABLE g (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE g ADD FOREIGN KEY (pid, x) REFERENCES p (id, b);`));
  test("in one CREATE TABLE, a longer or later generated index takes the place of another", () =>
    expectAgreement(`CREATE TABLE p (id int PRIMARY KEY, b int, KEY (id, b));
      CREATE TABLE g (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id),
        FOREIGN KEY (pid, x) REFERENCES p (id, b));
      CREATE TABLE e (id int PRIMARY KEY, pid int, x int, KEY (x), FOREIGN KEY (pid) REFERENCES p (id),
        FOREIGN KEY (pid, x) REFERENCES p (id, b), KEY (pid));
      CREATE TABLE f (id int PRIMARY KEY, pid int, CONSTRAINT a FOREIGN KEY (pid) REFERENCES p (id),
        CONSTRAINT b FOREIGN KEY (pid) REFERENCES p (id));`));
  test("stays once renamed, and goes when covered after its foreign key was dropped", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE c DROP FOREIGN KEY c_ibfk_1;
      ALTER TABLE c ADD INDEX ix (pid, x);
      CREATE TABLE d (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE d RENAME INDEX pid TO pk2;
      ALTER TABLE d ADD INDEX ix (pid, x);`));
  test("is replaced by the index generated for a newer foreign key on the same columns", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE c DROP FOREIGN KEY c_ibfk_1;
      ALTER TABLE c ADD CONSTRAINT c_ibfk_1 FOREIGN KEY (pid) REFERENCES p (id);
      CREATE TABLE d (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE d ADD CONSTRAINT other FOREIGN KEY (pid) REFERENCES p (id);
      CREATE TABLE e (id int PRIMARY KEY, pid int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE e ADD FOREIGN KEY (pid) REFERENCES p (id);`));
  test("an index the user declared stays", () =>
    expectAgreement(`${PARENT}
      CREATE TABLE c (id int PRIMARY KEY, pid int, x int, KEY mine (pid), FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE c ADD INDEX ix (pid, x);
      CREATE TABLE d (id int PRIMARY KEY, pid int, x int, FOREIGN KEY (pid) REFERENCES p (id));
      ALTER TABLE d ADD INDEX ix (x, pid);`));
});

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
    ALTER TABLE z2 CONVERT TO CHARACTER SET latin1;
    CREATE TABLE k (a varchar(1000), c text, d varchar(100), KEY (a), KEY (c), KEY (d)) CHARSET utf8mb3;
    ALTER TABLE k CONVERT TO CHARACTER SET utf8mb4;`));

test("a key part longer than the key limit is stored as a prefix", () =>
  expectAgreement(`CREATE TABLE w (c0 text, c1 blob, c2 varchar(2000), c3 text, c4 tinytext, c5 varchar(700),
      c7 text CHARSET latin1, c8 varbinary(5000), c9 mediumtext, d text CHARSET utf8mb3, e varchar(1100) CHARSET utf8mb3,
      g varchar(3072) CHARSET latin1, h varchar(3073) CHARSET latin1, i text CHARSET ucs2, b tinytext CHARSET utf8mb3,
      KEY (c0), KEY (c1), KEY (c2), KEY (c3(100)), KEY (c4), KEY (c5), KEY (c7), KEY (c8), KEY (d), KEY (e), KEY (g),
      KEY (h), KEY (i), KEY (c3(10), b));
    CREATE INDEX ix ON w (c9);
    ALTER TABLE w ADD COLUMN n text, ADD INDEX (n);`));

test("a key part follows its column's new type: a prefix when it grows past the limit, the whole column when short", () =>
  expectAgreement(`CREATE TABLE t (a varchar(100), b varchar(500), c text, d varchar(100), KEY (a), KEY (b), KEY (c),
      KEY (d));
    ALTER TABLE t MODIFY a text;
    ALTER TABLE t CHANGE b b varchar(1000);
    ALTER TABLE t MODIFY c varchar(100);
    CREATE TABLE u (a varchar(100), b char(10), c tinytext, d varchar(100), KEY (a(100)), KEY (b(10)), KEY (c(255)),
      KEY (d(50)));
    ALTER TABLE u MODIFY d varchar(40);`));

test("a plan from a live database to a file with long key parts and covered foreign keys converges in one run", () =>
  withTestDatabase(async ({ conn, name }) => {
    const file = Array.from(
      { length: 5 },
      (_, k) => `CREATE TABLE p${k} (id int PRIMARY KEY);
        CREATE TABLE t${k} (id int PRIMARY KEY, c0 text, pid int, x int, KEY (c0), FOREIGN KEY (pid) REFERENCES p${k} (id));
        ALTER TABLE t${k} ADD INDEX ix (pid, x);`,
    ).join("\n");
    const desired = replaySql(file, mariadb);
    const q = queryableOf(conn);
    const first = plan(diff(await inspect(q, name), desired), mariadb);
    for (const s of first) await conn.query(s.sql);
    expect(plan(diff(await inspect(q, name), desired), mariadb)).toEqual([]);
  }));
