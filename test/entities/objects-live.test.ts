/**
 * trigger(), event() and routine() end to end on a real server: entities → plan → apply → inspect → no difference;
 * inspect → TypeBox entities source → load → no difference; and a declared-object mistake is one clear problem each.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, event, routine, table, trigger } from "../../src/entities/index.ts";
import { schemaToEntitiesSource } from "../../src/entities/typebox-source.ts";
import { formatMigrationFile } from "../../src/migrate/dir/name.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { plan } from "../../src/mysql/plan.ts";
import { type EntitiesModule, schemaFromEntities } from "../../src/project/entities-schema.ts";
import { SourceError } from "../../src/project/errors.ts";
import { diff } from "../../src/schema/diff.ts";
import { emptySchema } from "../../src/schema/model.ts";
import { queryableOf } from "../mysql/inspect-queryable.ts";
import { withTestDatabase } from "../support/mariadb.ts";

const ENTITIES = join(import.meta.dir, "..", "..", "src", "entities", "index.ts");
const dir = mkdtempSync(join(tmpdir(), "stats-db-objects-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const orders = table("orders", { id: col.int({ autoIncrement: true }), total: col.int() }, { primaryKey: ["id"] });
const audit = table("audit", { id: col.int({ autoIncrement: true }), note: col.varchar(200) }, { primaryKey: ["id"] });

const MODULE: EntitiesModule = {
  tables: [orders, audit],
  ordersAudit: trigger("orders_audit", {
    on: orders,
    timing: "AFTER",
    event: "INSERT",
    body: "BEGIN\n  INSERT INTO audit (note) VALUES (CONCAT('order ', NEW.id));\nEND",
  }),
  ordersCheck: trigger("orders_check", {
    on: "orders",
    timing: "BEFORE",
    event: "UPDATE",
    body: "IF NEW.total < 0 THEN SET NEW.total = 0; END IF",
  }),
  purge: event("purge_audit", { every: "1 DAY", comment: "nightly", body: "DELETE FROM audit WHERE id < 0" }),
  once: event("once", { at: "2037-01-01", preserve: true, status: "DISABLE", body: "DELETE FROM audit" }),
  twice: event("window", {
    every: "'1:30' HOUR_MINUTE",
    starts: "2030-01-01 10:00:00",
    ends: "2031-01-01",
    body: "DO 1",
  }),
  total: routine("order_total", {
    kind: "function",
    params: [{ name: "order_id", type: "INT" }],
    returns: "INT",
    deterministic: true,
    dataAccess: "READS SQL DATA",
    body: "RETURN (SELECT total FROM orders WHERE id = order_id)",
  }),
  archive: routine("archive", {
    kind: "procedure",
    params: [
      { name: "upto", type: "int" },
      { name: "n", type: "int", mode: "OUT" },
    ],
    dataAccess: "MODIFIES SQL DATA",
    security: "INVOKER",
    comment: "moves old rows",
    body: "BEGIN\n  DELETE FROM audit WHERE id < upto;\n  SET n = ROW_COUNT();\nEND",
  }),
};

describe("declared triggers, events and routines", () => {
  test("entities → plan → apply → inspect → no difference, then inspect → TypeBox → no difference", async () => {
    const desired = schemaFromEntities(MODULE, mariadb, "entities");
    expect(desired.routines?.[0]?.params).toEqual([{ name: "order_id", type: "int", mode: "IN" }]);
    const file = formatMigrationFile(plan(diff(emptySchema, desired), mariadb));
    await withTestDatabase(async ({ conn, name }) => {
      for (const s of splitStatements(file)) await conn.query(s.text);
      const live = await inspect(queryableOf(conn), name);
      expect(diff(live, desired)).toEqual([]);
      expect(live.triggers?.map((t) => t.name).sort()).toEqual(["orders_audit", "orders_check"]);

      const source = schemaToEntitiesSource(live, { importFrom: ENTITIES });
      expect(source).toContain('trigger("orders_audit"');
      expect(source).toContain('routine("archive"');
      expect(source).toContain('event("window"');
      const path = join(dir, "inspected.ts");
      writeFileSync(path, source);
      const back = schemaFromEntities((await import(path)) as EntitiesModule, mariadb, path);
      expect(diff(live, back)).toEqual([]);
      expect(diff(back, live)).toEqual([]);
    });
  });

  test("a trigger on an undeclared table, a function without returns and a bad schedule are problems", () => {
    const bad: EntitiesModule = {
      tables: [orders],
      t: trigger("t", { on: "nope", timing: "AFTER", event: "DELETE", body: "SET @a = 1" }),
      f: routine("f", { kind: "function", body: "RETURN 1" }),
      e: event("e", { every: "often", body: "DO 1" }),
    };
    let caught: unknown;
    try {
      schemaFromEntities(bad, mariadb, "entities");
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(SourceError);
    expect((caught as SourceError).message).toContain("3 problems");
  });
});
