import { describe, expect, test } from "bun:test";
import type { Connection } from "mysql2/promise";
import { mariadb } from "../../src/mysql/flavor.ts";
import { plan } from "../../src/mysql/plan.ts";
import { orderChanges } from "../../src/mysql/plan/order.ts";
import { baseType } from "../../src/mysql/typeinfo.ts";
import { applyChanges } from "../../src/schema/apply.ts";
import type { Schema } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { alterCases } from "./plan/cases-alter.ts";
import { createCases } from "./plan/cases-create.ts";
import { orderCases } from "./plan/cases-order.ts";
import { currentSchema, type PlanCase, planCase } from "./plan/fixtures.ts";

/** What the live comparison looks at: per table, its collation, columns in order, primary key, and constraint names. */
interface Shape {
  [table: string]: {
    collate: string;
    columns: string[];
    primaryKey: string[];
    indexes: string[];
    foreignKeys: string[];
    checks: string[];
  };
}

/** The shape a model schema should have on MariaDB (JSON is longtext with a collation and an automatic check). */
function modelShape(schema: Schema): Shape {
  const shape: Shape = {};
  for (const t of schema.tables) {
    const json = new Set(t.columns.filter((c) => c.type === "json").map((c) => c.name));
    shape[t.name] = {
      collate: t.options.collate ?? "",
      columns: t.columns.map((c) => {
        const type = c.type === "json" ? "longtext" : c.type === "bool" ? "tinyint" : baseType(c.type);
        return `${c.name} ${type} ${c.nullable || c.generated ? "NULL" : "NOT NULL"} ${c.collate ?? (json.has(c.name) ? "utf8mb4_bin" : "-")}`;
      }),
      primaryKey: (t.primaryKey?.parts ?? []).map((p) => p.column ?? ""),
      indexes: t.indexes.map((i) => i.name).sort(),
      foreignKeys: t.foreignKeys.map((f) => f.name).sort(),
      checks: [...t.checks.map((c) => c.name), ...json].sort(),
    };
  }
  return shape;
}

async function rows(conn: Connection, sql: string): Promise<Record<string, string>[]> {
  const [result] = await conn.query(sql);
  return result as Record<string, string>[];
}

/** The same shape read from information_schema. */
async function liveShape(conn: Connection): Promise<Shape> {
  const shape: Shape = {};
  for (const r of await rows(
    conn,
    "SELECT TABLE_NAME AS t, TABLE_COLLATION AS c FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE()",
  )) {
    shape[r.t!] = { collate: r.c!, columns: [], primaryKey: [], indexes: [], foreignKeys: [], checks: [] };
  }
  const cols =
    "SELECT TABLE_NAME AS t, COLUMN_NAME AS n, DATA_TYPE AS d, IS_NULLABLE AS nl, COLLATION_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, ORDINAL_POSITION";
  for (const r of await rows(conn, cols))
    shape[r.t!]!.columns.push(`${r.n} ${r.d} ${r.nl === "YES" ? "NULL" : "NOT NULL"} ${r.c ?? "-"}`);
  const stats =
    "SELECT DISTINCT TABLE_NAME AS t, INDEX_NAME AS n, COLUMN_NAME AS c, SEQ_IN_INDEX AS s FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = DATABASE() ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX";
  for (const r of await rows(conn, stats)) {
    const t = shape[r.t!]!;
    if (r.n === "PRIMARY") t.primaryKey.push(r.c!);
    else if (!t.indexes.includes(r.n!)) t.indexes.push(r.n!);
  }
  const cons =
    "SELECT TABLE_NAME AS t, CONSTRAINT_NAME AS n, CONSTRAINT_TYPE AS k FROM information_schema.TABLE_CONSTRAINTS WHERE TABLE_SCHEMA = DATABASE() AND CONSTRAINT_TYPE IN ('FOREIGN KEY', 'CHECK')";
  for (const r of await rows(conn, cons)) (r.k === "CHECK" ? shape[r.t!]!.checks : shape[r.t!]!.foreignKeys).push(r.n!);
  for (const t of Object.values(shape)) {
    t.indexes.sort();
    t.foreignKeys.sort();
    t.checks.sort();
  }
  return shape;
}

const live = [...createCases, ...alterCases, ...orderCases].filter((c) => c.live);

describe("plan: statements run on MariaDB and give the planned schema", () => {
  test("at least 15 cases run live, all on MariaDB", () => {
    expect(live.length).toBeGreaterThanOrEqual(15);
    expect(live.every((c: PlanCase) => (c.flavor ?? mariadb).name === "mariadb")).toBe(true);
  });
  for (const c of live) {
    test(c.name, async () => {
      await withTestDatabase(async ({ conn }) => {
        const setup = plan(
          currentSchema(c).tables.map((table) => ({ kind: "AddTable" as const, table })),
          mariadb,
        );
        for (const s of setup) await conn.query(s.sql);
        for (const s of planCase(c)) await conn.query(s.sql);
        expect(await liveShape(conn)).toEqual(modelShape(applyChanges(currentSchema(c), orderChanges(c.changes))));
      });
    });
  }
});
