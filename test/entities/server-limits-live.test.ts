/**
 * The limits entity validation checks, confirmed on the real MariaDB: each statement just past a limit is refused by
 * the server, and the one at the limit is accepted. (Limits only MySQL has — 16 index parts, 255-character ENUM
 * members — come from MySQL's manual; MariaDB allows more.)
 */
import { expect, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";

const L = (n: number, c = "a") => c.repeat(n);
const list = (n: number, f: (i: number) => string) => Array.from({ length: n }, (_, i) => f(i)).join(",");

const pairs: [string, string, string, RegExp][] = [
  ["table name", `CREATE TABLE ${L(64)} (a int)`, `CREATE TABLE ${L(65)} (a int)`, /Incorrect table name/],
  ["column name", `CREATE TABLE c1 (${L(64, "é")} int)`, `CREATE TABLE c2 (${L(65)} int)`, /is too long/],
  [
    "index name",
    `CREATE TABLE i1 (a int, KEY ${L(64)} (a))`,
    `CREATE TABLE i2 (a int, KEY ${L(65)} (a))`,
    /is too long/,
  ],
  [
    "foreign key name",
    `CREATE TABLE f1 (a int, KEY (a), CONSTRAINT ${L(64)} FOREIGN KEY (a) REFERENCES f1 (a))`,
    `CREATE TABLE f2 (a int, KEY (a), CONSTRAINT ${L(65)} FOREIGN KEY (a) REFERENCES f2 (a))`,
    /is too long/,
  ],
  [
    "check name",
    `CREATE TABLE k1 (a int, CONSTRAINT ${L(64)} CHECK (a > 0))`,
    `CREATE TABLE k2 (a int, CONSTRAINT ${L(65)} CHECK (a > 0))`,
    /is too long/,
  ],
  ["trailing space in a name", "CREATE TABLE s1 (`a` int)", "CREATE TABLE s2 (`a ` int)", /Incorrect column name/],
  [
    "ENUM members differing in case",
    "CREATE TABLE e1 (a enum('x','X') COLLATE utf8mb4_bin)",
    "CREATE TABLE e2 (a enum('x','X'))",
    /duplicated value 'x' in ENUM/,
  ],
  [
    "ENUM members differing in trailing spaces",
    "CREATE TABLE e3 (a enum('x','y'))",
    "CREATE TABLE e4 (a enum('x','x '))",
    /duplicated value 'x' in ENUM/,
  ],
  [
    "SET duplicate",
    "CREATE TABLE e5 (a set('x','y'))",
    "CREATE TABLE e6 (a set('x','x'))",
    /duplicated value 'x' in SET/,
  ],
  [
    "SET members",
    `CREATE TABLE m1 (a set(${list(64, (i) => `'v${i}'`)}))`,
    `CREATE TABLE m2 (a set(${list(65, (i) => `'v${i}'`)}))`,
    /Too many strings/,
  ],
  ["SET member with a comma", "CREATE TABLE m3 (a set('x'))", "CREATE TABLE m4 (a set('x,y'))", /Illegal set/],
  [
    "column comment",
    `CREATE TABLE o1 (a int COMMENT '${L(1024)}')`,
    `CREATE TABLE o2 (a int COMMENT '${L(1025)}')`,
    /Comment for field 'a' is too long \(max = 1024\)/,
  ],
  [
    "table comment",
    `CREATE TABLE o3 (a int) COMMENT '${L(2048)}'`,
    `CREATE TABLE o4 (a int) COMMENT '${L(2049)}'`,
    /Comment for table 'o4' is too long \(max = 2048\)/,
  ],
  [
    "index comment",
    `CREATE TABLE o5 (a int, KEY i (a) COMMENT '${L(1024)}')`,
    `CREATE TABLE o6 (a int, KEY i (a) COMMENT '${L(1025)}')`,
    /Comment for index 'i' is too long \(max = 1024\)/,
  ],
  [
    "index parts (MariaDB: 32)",
    `CREATE TABLE p1 (${list(33, (i) => `c${i} int`)}, KEY i (${list(32, (i) => `c${i}`)}))`,
    `CREATE TABLE p2 (${list(33, (i) => `c${i} int`)}, KEY i (${list(33, (i) => `c${i}`)}))`,
    /max 32 parts/,
  ],
  [
    "indexes (MariaDB: 64 with the primary key)",
    `CREATE TABLE x1 (a int, PRIMARY KEY (a), ${list(63, (i) => `KEY k${i} (a)`)})`,
    `CREATE TABLE x2 (a int, PRIMARY KEY (a), ${list(64, (i) => `KEY k${i} (a)`)})`,
    /max 64 keys/,
  ],
  // 4096 is MySQL's hard limit (manual); MariaDB's table definition already overflows a little below it.
  [
    "columns",
    `CREATE TABLE n1 (${list(1000, (i) => `c${i} tinyint`)})`,
    `CREATE TABLE n2 (${list(4097, (i) => `c${i} tinyint`)})`,
    /Too many columns/,
  ],
];

test("MariaDB refuses each statement just past a limit the entity validation checks, and accepts the one at it", async () => {
  await withTestDatabase(async ({ conn }) => {
    for (const [what, ok, bad, refusal] of pairs) {
      await conn.query(ok).catch((e: Error) => {
        throw new Error(`${what}: the statement at the limit was refused: ${e.message}`);
      });
      const error = await conn.query(bad).then(
        () => undefined,
        (e: Error) => e.message,
      );
      expect(`${what}: ${error}`).toMatch(refusal);
    }
  });
}, 60_000);
