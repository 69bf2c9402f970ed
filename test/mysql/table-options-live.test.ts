/**
 * Table and index options and column forms on the real server: each desired state (SQL) is planned from nothing and
 * from a starting state, applied, inspected, and must then diff empty against the desired state.
 */
import { describe, expect, test } from "bun:test";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { plan } from "../../src/mysql/plan.ts";
import { col, entitiesToSchema, table } from "../../src/entities/index.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { loadDesired } from "../../src/project/sources.ts";
import { diff } from "../../src/schema/diff.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";
import { replay } from "./parse-helpers.ts";

interface LiveCase {
  readonly name: string;
  /** The starting state (none: an empty database). */
  readonly from?: readonly string[];
  readonly to: readonly string[];
}

const cases: LiveCase[] = [
  {
    name: "ROW_FORMAT=COMPRESSED with KEY_BLOCK_SIZE, persistent statistics",
    to: [
      "CREATE TABLE t (id int PRIMARY KEY, v varchar(20)) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=0 STATS_AUTO_RECALC=1 STATS_SAMPLE_PAGES=25",
    ],
  },
  { name: "KEY_BLOCK_SIZE alone (the server keeps it as written)", to: ["CREATE TABLE t (id int) KEY_BLOCK_SIZE=4"] },
  {
    name: "MariaDB page compression",
    to: ["CREATE TABLE t (id int) PAGE_COMPRESSED=1 PAGE_COMPRESSION_LEVEL=6"],
  },
  {
    name: "row format changed and reset",
    from: ["CREATE TABLE t (id int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=1"],
    to: ["CREATE TABLE t (id int) ROW_FORMAT=dynamic"],
  },
  {
    name: "row format added",
    from: ["CREATE TABLE t (id int)"],
    to: ["CREATE TABLE t (id int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"],
  },
  {
    name: "comments on the primary key and an index, ignored and invisible forms",
    to: [
      "CREATE TABLE t (id int, a int, b int, PRIMARY KEY (id) COMMENT 'the key', INDEX ia (a) COMMENT 'a' IGNORED, INDEX ib (b) INVISIBLE)",
    ],
  },
  {
    name: "an index becomes ignored, the primary key gets a comment",
    from: ["CREATE TABLE t (id int PRIMARY KEY, a int, INDEX ia (a))"],
    to: ["CREATE TABLE t (id int, a int, PRIMARY KEY (id) COMMENT 'pk', INDEX ia (a) IGNORED)"],
  },
  {
    name: "an ignored index becomes visible again",
    from: ["CREATE TABLE t (id int PRIMARY KEY, a int, INDEX ia (a) COMMENT 'c' IGNORED)"],
    to: ["CREATE TABLE t (id int PRIMARY KEY, a int, INDEX ia (a) COMMENT 'c')"],
  },
  {
    name: "invisible columns",
    from: ["CREATE TABLE t (id int PRIMARY KEY, a int)"],
    to: [
      "CREATE TABLE t (id int AUTO_INCREMENT INVISIBLE PRIMARY KEY, a int INVISIBLE, b int NOT NULL DEFAULT 1 INVISIBLE, g int AS (a + 1) VIRTUAL INVISIBLE, ts timestamp NULL ON UPDATE current_timestamp() INVISIBLE, v int)",
    ],
  },
  {
    name: "spatial types and a SPATIAL index",
    from: ["CREATE TABLE users (id bigint(20) NOT NULL)"],
    to: [
      "CREATE TABLE users (id bigint(20) NOT NULL, location point NOT NULL, area polygon, SPATIAL KEY index_users_location (location))",
    ],
  },
  {
    name: "BINARY and tinyint(1) unsigned column forms",
    to: [
      "CREATE TABLE t (a varchar(10) BINARY, b char(3) CHARACTER SET latin1 BINARY, c tinyint(1) unsigned, d text BINARY NOT NULL)",
    ],
  },
  {
    name: "AUTO_INCREMENT start on create",
    to: ["CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=100"],
  },
];

describe("table and index options round trip on MariaDB", () => {
  for (const c of cases) {
    test(c.name, async () => {
      await withTestDatabase(async ({ conn, name }) => {
        const q = queryableOf(conn);
        const desired = replay(c.to);
        for (const sql of c.from ?? []) await conn.query(sql);
        const current = await inspect(q, name);
        const statements = plan(diff(current, desired), mariadb, { current });
        for (const s of statements) await conn.query(s.sql);
        const after = await inspect(q, name);
        const left = diff(after, desired);
        expect({ statements: statements.map((s) => s.sql), left }).toEqual({
          statements: statements.map((s) => s.sql),
          left: [],
        });
      });
    });
  }
});

describe("AUTO_INCREMENT counters of a live database", () => {
  test("a live desired state plans no counter; the live current one raises no change against a declared start", async () => {
    await withTestDatabase(async ({ conn, name, url }) => {
      await conn.query("CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=100");
      await conn.query("INSERT INTO t VALUES (), (), ()");
      const live = await inspect(queryableOf(conn), name);
      expect(live.tables[0]!.options.autoIncrement).toBe(103);
      const desired = await loadDesired(url, mariadb);
      expect(plan(diff({ tables: [] }, desired), mariadb).map((s) => s.sql)).toEqual([
        "CREATE TABLE `t` (`id` int NOT NULL AUTO_INCREMENT, PRIMARY KEY (`id`)) CHARSET utf8mb4 COLLATE utf8mb4_general_ci",
      ]);
      expect(diff(live, replay(["CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY) AUTO_INCREMENT=100"]))).toEqual([]);
    });
  });
});

describe("entities with every option round trip on MariaDB", () => {
  test("entities → plan → apply → inspect → diff empty", async () => {
    const places = table(
      "places",
      {
        id: col.int({ autoIncrement: true, unsigned: true }),
        level: col.tinyint({ displayWidth: 2, invisible: true, default: 0 }),
        flag: col.tinyint({ unsigned: true, displayWidth: 1, default: 0 }),
        ratio: col.float({ precision: 7, scale: 2, nullable: true }),
        location: col.point(),
        code: col.varchar(10, { collate: "utf8mb4_bin" }),
      },
      {
        primaryKey: ["id"],
        primaryKeyComment: "surrogate",
        indexes: [
          { name: "location", columns: ["location"], type: "SPATIAL" },
          { name: "code", columns: ["code"], comment: "lookup", ignored: true },
        ],
        rowFormat: "COMPRESSED",
        keyBlockSize: 8,
        statsPersistent: false,
        statsSamplePages: 30,
        autoIncrement: 100,
      },
    );
    const paged = table("paged", { id: col.int() }, { pageCompressed: true, pageCompressionLevel: 3 });
    const desired = normalizeSchema(entitiesToSchema([places, paged]), mariadb);
    await withTestDatabase(async ({ conn, name }) => {
      const q = queryableOf(conn);
      for (const s of plan(diff({ tables: [] }, desired), mariadb)) await conn.query(s.sql);
      expect(diff(await inspect(q, name), desired)).toEqual([]);
    });
  });
});
