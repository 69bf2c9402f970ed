/**
 * Views on a real server: the sqldef peer cases about views that load on MariaDB (current into database A, desired
 * into database B, plan A → B, run it, compare), and the round trips entities → plan → apply → inspect → diff empty
 * and replayed statements ≡ inspected database.
 */
import { describe, expect, test } from "bun:test";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { entitiesToSchema, sql, table, col, view, type TableDef, type ViewDef } from "../../src/entities/index.ts";
import { schemaToEntitiesSource } from "../../src/entities/typebox-source.ts";
import { schemaToHcl } from "../../src/hcl/write-schema.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import type { Schema } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";
import { replay } from "./parse-helpers.ts";

interface PeerCase {
  readonly id: string;
  readonly current: string | null;
  readonly desired: string | null;
  readonly flavor: string | null;
  readonly max_version: string | null;
  readonly error: string | null;
  readonly topics: readonly string[] | null;
  readonly loads_on_mariadb_10_11: boolean;
}

const SUITE = join(import.meta.dir, "../../../shared/peer-suites/sqldef-mysql.jsonl");

/** The sqldef cases about views that load on MariaDB 10.11. */
function viewCases(): PeerCase[] {
  return readFileSync(SUITE, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as PeerCase)
    .filter(
      (c) =>
        (c.topics ?? []).includes("view") &&
        c.loads_on_mariadb_10_11 &&
        !c.error &&
        !["mysql", "tidb", "!mariadb"].includes(c.flavor ?? "") &&
        c.max_version !== "5.7",
    );
}

function statements(text: string | null): string[] {
  return splitStatements(text ?? "").map((s) => s.text);
}

async function run(conn: Connection, sqls: readonly string[]): Promise<void> {
  for (const s of sqls) await conn.query(s);
}

/** SHOW CREATE VIEW / TABLE of every object, without the database name and the definer. */
async function shapes(conn: Connection, db: string): Promise<Record<string, string>> {
  const [rows] = await conn.query(
    "SELECT TABLE_NAME, TABLE_TYPE FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?",
    [db],
  );
  const out: Record<string, string> = {};
  for (const r of rows as { TABLE_NAME: string; TABLE_TYPE: string }[]) {
    const isView = r.TABLE_TYPE === "VIEW";
    const [res] = await conn.query(`SHOW CREATE ${isView ? "VIEW" : "TABLE"} \`${r.TABLE_NAME}\``);
    const row = (res as Record<string, string>[])[0]!;
    out[r.TABLE_NAME] = (row["Create View"] ?? row["Create Table"] ?? "")
      .replace(/ DEFINER=`[^`]*`@`[^`]*`/, "")
      .replace(/ AUTO_INCREMENT=\d+/, "")
      .replaceAll(`\`${db}\`.`, "");
  }
  return out;
}

describe("sqldef view cases on MariaDB", () => {
  const cases = viewCases();
  test("the suite has the seven view cases that load on MariaDB", () => {
    expect(cases.length).toBe(7);
  });
  for (const c of cases) {
    test(`${c.id}: plan A → B converges`, async () => {
      await withTestDatabase(async (a) => {
        await withTestDatabase(async (b) => {
          await run(a.conn, statements(c.current));
          await run(b.conn, statements(c.desired));
          const current = await inspect(queryableOf(a.conn), a.name);
          const desired = await inspect(queryableOf(b.conn), b.name);
          const stmts = plan(diff(current, desired), mariadb, { current });
          await run(
            a.conn,
            stmts.map((s) => s.sql),
          );
          expect(diff(await inspect(queryableOf(a.conn), a.name), desired)).toEqual([]);
          expect(await shapes(a.conn, a.name)).toEqual(await shapes(b.conn, b.name));
          // The desired statements replayed offline are the inspected database.
          expect(diff(replay(statements(c.desired)), desired)).toEqual([]);
          expect(diff(desired, replay(statements(c.desired)))).toEqual([]);
        });
      });
    });
  }
});

const users = table(
  "users",
  { id: col.int(), name: col.varchar(100, { nullable: true }), active: col.tinyint({ nullable: true }) },
  { primaryKey: ["id"] },
);

function declared(views: ReturnType<typeof view>[]): Schema {
  return normalizeSchema(entitiesToSchema([users], {}, views), mariadb);
}

describe("entities with views on MariaDB", () => {
  test("entities → plan → apply → inspect → diff empty, then a change replaces only the view", async () => {
    await withTestDatabase(async (db) => {
      const first = declared([
        view("active_users", sql`SELECT id, name FROM users WHERE active = 1`),
        view("active_ids", sql`SELECT id FROM active_users`, { algorithm: "MERGE", checkOption: "LOCAL" }),
      ]);
      const empty = await inspect(queryableOf(db.conn), db.name);
      const stmts = plan(diff(empty, first), mariadb, { current: empty });
      expect(stmts.map((s) => s.comment)).toEqual([
        'create "users" table',
        'create "active_users" view',
        'create "active_ids" view',
      ]);
      await run(
        db.conn,
        stmts.map((s) => s.sql),
      );
      const live = await inspect(queryableOf(db.conn), db.name);
      expect(diff(live, first)).toEqual([]);
      expect(live.views?.map((v) => [v.name, v.algorithm, v.checkOption])).toEqual([
        ["active_ids", "MERGE", "LOCAL"],
        ["active_users", undefined, undefined],
      ]);

      const second = declared([
        view("active_users", sql`SELECT id, name FROM users WHERE active = 1 AND name IS NOT NULL`),
        view("active_ids", sql`SELECT id FROM active_users`, { algorithm: "MERGE", checkOption: "LOCAL" }),
      ]);
      const change = diff(live, second);
      expect(change.map((c) => c.kind)).toEqual(["ModifyView"]);
      await run(
        db.conn,
        plan(change, mariadb, { current: live }).map((s) => s.sql),
      );
      expect(diff(await inspect(queryableOf(db.conn), db.name), second)).toEqual([]);
    });
  });

  test("a column list, a union and a star: the replayed statement is the inspected view", async () => {
    await withTestDatabase(async (db) => {
      const ddl = [
        "CREATE TABLE users (id int PRIMARY KEY, name varchar(100), active tinyint)",
        "CREATE VIEW v (a, b) AS SELECT id, name FROM users UNION SELECT 1, 'x'",
        "CREATE VIEW w AS SELECT * FROM users u WHERE (u.active = 1 OR u.id < 0) AND u.name <> ''",
        "CREATE VIEW t AS SELECT TIMESTAMPDIFF(SECOND, NOW(), NOW()) s, SUM(id) OVER (PARTITION BY active ORDER BY id " +
          "ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) r FROM users",
      ];
      await run(db.conn, ddl);
      const live = await inspect(queryableOf(db.conn), db.name);
      expect(diff(replay(ddl), live)).toEqual([]);
      expect(diff(live, replay(ddl))).toEqual([]);
      // The normal form is what the plan writes: it runs, and gives the same views again.
      await run(db.conn, ["DROP VIEW v, w, t"]);
      const bare = await inspect(queryableOf(db.conn), db.name);
      await run(
        db.conn,
        plan(diff(bare, live), mariadb, { current: bare }).map((s) => s.sql),
      );
      expect(diff(await inspect(queryableOf(db.conn), db.name), live)).toEqual([]);
    });
  });

  test("dropping a column a view reads drops the view before the ALTER and creates it after", async () => {
    await withTestDatabase(async (db) => {
      await run(db.conn, [
        "CREATE TABLE users (id int PRIMARY KEY, name varchar(100), active tinyint)",
        "CREATE VIEW named AS SELECT id, name FROM users",
      ]);
      const live = await inspect(queryableOf(db.conn), db.name);
      const desired: Schema = {
        ...live,
        tables: live.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => c.name !== "active") })),
        views: live.views,
      };
      const withoutName: Schema = {
        ...desired,
        tables: desired.tables.map((t) => ({ ...t, columns: t.columns.filter((c) => c.name !== "name") })),
        views: [
          normalizeSchema({ tables: [], views: [{ name: "named", definition: "select id from users" }] }, mariadb)
            .views![0]!,
        ],
      };
      const stmts = plan(diff(live, withoutName), mariadb, { current: live });
      expect(stmts.map((s) => s.comment)).toEqual(['drop "named" view', 'modify "users" table', 'create "named" view']);
      await run(
        db.conn,
        stmts.map((s) => s.sql),
      );
      expect(diff(await inspect(queryableOf(db.conn), db.name), withoutName)).toEqual([]);
    });
  });
});

describe("a live database with views, exported", () => {
  test("inspect → TypeBox entities → diff empty; HCL has a view block; clearing plans the views first", async () => {
    await withTestDatabase(async (db) => {
      await run(db.conn, [
        "CREATE TABLE users (id int PRIMARY KEY, name varchar(100), active tinyint)",
        "CREATE VIEW everyone AS SELECT * FROM users",
        "CREATE SQL SECURITY INVOKER VIEW active_users AS SELECT id, name FROM users WHERE active = 1 WITH CHECK OPTION",
        "CREATE ALGORITHM=TEMPTABLE VIEW `odd ${name}` AS SELECT COUNT(*) AS n, 'a`b' AS q FROM active_users",
      ]);
      const live = await inspect(queryableOf(db.conn), db.name);
      const source = schemaToEntitiesSource(live, { importFrom: join(import.meta.dir, "../../src/entities/index.ts") });
      expect(source).toMatch(/view\("active_users", sql.select /);
      const dir = mkdtempSync(join(tmpdir(), "views-typebox-"));
      try {
        writeFileSync(join(dir, "m.ts"), source);
        const mod = (await import(join(dir, "m.ts"))) as { tables: TableDef[]; views: ViewDef[]; database: object };
        const back = normalizeSchema(entitiesToSchema(mod.tables, mod.database, mod.views), mariadb);
        expect(diff(live, back)).toEqual([]);
        expect(back.views?.length).toBe(3);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      const hcl = schemaToHcl(live, mariadb, db.name);
      expect(hcl).toContain(
        'view "active_users" {\n  schema       = schema.' +
          db.name +
          "\n  as           = <<-SQL\n  select `id`, `name` from `users` where `active` = 1\n  SQL\n  check_option = CASCADED\n  depends_on   = [table.users]\n}\n",
      );
      const clear = plan(diff(live, { tables: [] }), mariadb, { current: live });
      expect(clear.map((s) => s.comment)).toEqual([
        'drop "everyone" view',
        'drop "odd ${name}" view',
        'drop "active_users" view',
        'drop "users" table',
      ]);
      await run(
        db.conn,
        clear.map((s) => s.sql),
      );
      expect(await inspect(queryableOf(db.conn), db.name)).toEqual({ ...live, tables: [], views: undefined });
    });
  });
});
