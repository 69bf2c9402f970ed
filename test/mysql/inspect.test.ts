/**
 * inspect(): MySQL 8 on captured information_schema rows, MariaDB on the real server (its own forms: quoted
 * defaults, current_timestamp(), JSON as longtext + check, display widths), the query count, the revisions table.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { replaySql } from "../../src/migrate/replay.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { flavorOfVersion, inspect, inspectWithFlavor, SchemaNotFoundError } from "../../src/mysql/inspect.ts";
import { comparableSchema } from "../../src/schema/equal.ts";
import { findColumn, findTable, type Table } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { captured, type CapturedRows, counting, queryableOf } from "./inspect-queryable.ts";

const FIXTURES = join(import.meta.dir, "fixtures", "inspect");

interface CapturedFixture {
  readonly schema: string;
  readonly ddl: string;
  readonly rows: CapturedRows;
}

describe("MySQL 8 from captured rows: inspect ≡ replaySql(ddl, mysql8)", () => {
  const files = readdirSync(FIXTURES).filter((f) => f.endsWith(".json"));
  test("there are fixtures", () => expect(files.length).toBeGreaterThan(0));
  for (const file of files) {
    test(file, async () => {
      const fx = JSON.parse(readFileSync(join(FIXTURES, file), "utf8")) as CapturedFixture;
      const { schema, flavor } = await inspectWithFlavor(captured(fx.rows), fx.schema);
      expect(flavor.name).toBe("mysql");
      expect(schema.collate).toBe("utf8mb4_0900_ai_ci");
      expect(comparableSchema(schema).tables).toEqual(comparableSchema(replaySql(fx.ddl, mysql8)).tables);
    });
  }
});

describe("flavour from @@version", () => {
  test.each([
    ["10.11.19-MariaDB-0+deb12u1", "mariadb", true],
    ["10.4.32-MariaDB", "mariadb", false],
    ["8.0.40", "mysql", true],
    ["8.4.3-commercial", "mysql", true],
  ] as const)("%s", (version, name, renames) => {
    const f = flavorOfVersion(version);
    expect(f.name).toBe(name);
    expect(f.renameColumn).toBe(renames);
  });
  test("MySQL before 8.0.19 reports display widths", () => {
    expect(flavorOfVersion("8.0.18").displayWidth).toBe(true);
    expect(flavorOfVersion("8.0.19").displayWidth).toBe(false);
  });
});

const MARIADB_DDL = `
CREATE TABLE t (
  id int unsigned NOT NULL AUTO_INCREMENT PRIMARY KEY,
  a varchar(10) DEFAULT 'it''s',
  b varchar(10) DEFAULT 'a\\\\b',
  w varchar(10) DEFAULT 'NULL',
  m varchar(5) DEFAULT NULL,
  d int(11) DEFAULT 5,
  e decimal(5,2) DEFAULT 1.50,
  f bit(3) DEFAULT b'101',
  h timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3),
  i datetime DEFAULT now(),
  j int DEFAULT (d + 1),
  k json,
  l tinyint(1) DEFAULT 1,
  n int GENERATED ALWAYS AS (d * 2) STORED,
  o varchar(20) AS (lower(a)) VIRTUAL,
  u int CHECK (u > 0),
  CONSTRAINT ck CHECK (d > e or a <> 'q'),
  KEY idx_pre (a(3), b DESC) COMMENT 'hi',
  FULLTEXT KEY ft (a)
) AUTO_INCREMENT=100 COMMENT 'tbl';
CREATE TABLE r (id int PRIMARY KEY, t_id int unsigned, FOREIGN KEY (t_id) REFERENCES t (id) ON DELETE SET NULL);
`;

describe("MariaDB on the real server", () => {
  test("forms specific to MariaDB come back canonical", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      for (const stmt of splitStatements(MARIADB_DDL)) await conn.query(stmt.text);
      const { schema, flavor } = await inspectWithFlavor(queryableOf(conn), name);
      expect(flavor.name).toBe("mariadb");
      const t = findTable(schema, "t") as Table;
      const col = (c: string) => findColumn(t, c);
      const cases: [string, unknown][] = [
        ["id", { type: "int unsigned", autoIncrement: true, nullable: false }],
        ["a", { default: { kind: "literal", value: "it's" } }],
        ["b", { default: { kind: "literal", value: "a\\b" } }],
        ["w", { default: { kind: "literal", value: "NULL" } }],
        ["d", { type: "int", default: { kind: "literal", value: "5" } }],
        ["e", { default: { kind: "literal", value: "1.50" } }],
        ["f", { default: { kind: "literal", value: "b'101'" } }],
        ["h", { default: { kind: "expr", value: "CURRENT_TIMESTAMP(3)" }, onUpdate: "CURRENT_TIMESTAMP(3)" }],
        ["i", { default: { kind: "expr", value: "CURRENT_TIMESTAMP" } }],
        ["j", { default: { kind: "expr", value: "`d` + 1" } }],
        ["k", { type: "json", nullable: true }],
        ["l", { type: "bool" }],
        ["n", { generated: { expr: "`d` * 2", stored: true } }],
        ["o", { generated: { expr: "lower(`a`)", stored: false } }],
      ];
      for (const [c, want] of cases) expect({ column: c, ...col(c) }).toMatchObject({ column: c, ...(want as object) });
      expect(col("m")?.default).toBeUndefined();
      expect(col("k")?.charset).toBeUndefined();
      expect(t.checks.map((c) => c.name).sort()).toEqual(["ck", "u"]);
      expect(t.options).toMatchObject({
        autoIncrement: 100,
        comment: "tbl",
        engine: "InnoDB",
        collate: "utf8mb4_general_ci",
      });
      expect(t.indexes.find((i) => i.name === "idx_pre")).toEqual({
        name: "idx_pre",
        unique: false,
        type: "BTREE",
        comment: "hi",
        parts: [
          { column: "a", prefix: 3 },
          { column: "b", desc: true },
        ],
      });
      expect(t.indexes.find((i) => i.name === "ft")?.type).toBe("FULLTEXT");
      const r = findTable(schema, "r") as Table;
      expect(r.foreignKeys).toEqual([
        {
          name: "r_ibfk_1",
          columns: ["t_id"],
          refTable: "t",
          refColumns: ["id"],
          onUpdate: "NO ACTION",
          onDelete: "SET NULL",
        },
      ]);
      expect(r.indexes.map((i) => i.name)).toEqual(["t_id"]);
      expect(comparableSchema(schema).tables).toEqual(comparableSchema(replaySql(MARIADB_DDL, mariadb)).tables);
    });
  });

  test("a fixed number of queries: 1 table and 50 tables", async () => {
    const counts: number[] = [];
    for (const n of [1, 50]) {
      await withTestDatabase(async ({ conn, name }) => {
        for (let k = 0; k < n; k++) {
          const fk = k > 0 ? `, FOREIGN KEY (p) REFERENCES t${k - 1} (id)` : "";
          await conn.query(`CREATE TABLE t${k} (id int PRIMARY KEY, p int, v json, CHECK (p > 0)${fk})`);
        }
        const q = counting(queryableOf(conn));
        const schema = await inspect(q, name);
        expect(schema.tables.length).toBe(n);
        counts.push(q.statements.length);
      });
    }
    expect(counts[0]).toBe(14);
    expect(counts[1]).toBe(counts[0]);
  });

  test("the revisions table is left out unless asked for", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      await conn.query("CREATE TABLE atlas_schema_revisions (version varchar(255) NOT NULL PRIMARY KEY)");
      await conn.query("CREATE TABLE users (id int PRIMARY KEY)");
      const q = queryableOf(conn);
      expect((await inspect(q, name)).tables.map((t) => t.name)).toEqual(["users"]);
      expect((await inspect(q, name, { includeRevisions: true })).tables.map((t) => t.name)).toEqual([
        "atlas_schema_revisions",
        "users",
      ]);
    });
  });

  test("a missing schema is a typed error", async () => {
    await withTestDatabase(async ({ conn }) => {
      const err = await inspect(queryableOf(conn), "no_such_schema_p3b").catch((e: unknown) => e);
      expect(err).toBeInstanceOf(SchemaNotFoundError);
      expect((err as SchemaNotFoundError).schema).toBe("no_such_schema_p3b");
    });
  });
});
