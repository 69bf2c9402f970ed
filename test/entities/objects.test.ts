/**
 * Declared triggers, events and routines: the model they give (types and times in canonical form after the dialect's
 * normaliser) and one problem per mistake.
 */
import { expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, event, objectsToSchema, routine, table, trigger, validateObjects } from "../../src/entities/index.ts";
import { schemaToEntitiesSource } from "../../src/entities/typebox-source.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { type EntitiesModule, schemaFromEntities } from "../../src/project/entities-schema.ts";
import { diff } from "../../src/schema/diff.ts";

const t = table("t", { id: col.int() });

test("objects as the model", () => {
  const s = objectsToSchema([
    trigger("tr", { on: t, timing: "AFTER", event: "DELETE", body: " SET @a = 1 " }),
    event("e", { every: "'1:30' hour_minute", starts: "2030-01-01", body: "DO 1" }),
    routine("p", { kind: "procedure", params: [{ name: "x", type: "INT", mode: "OUT" }], body: "SELECT 1 INTO x" }),
  ]);
  expect(s.triggers).toEqual([{ name: "tr", table: "t", timing: "AFTER", event: "DELETE", body: "SET @a = 1" }]);
  expect(s.events?.[0]?.schedule).toEqual({ every: { value: "1:30", unit: "HOUR_MINUTE" }, starts: "2030-01-01" });
  expect(s.routines?.[0]).toMatchObject({ kind: "PROCEDURE", params: [{ name: "x", type: "INT", mode: "OUT" }] });
});

test("one problem per mistake", () => {
  expect(
    validateObjects(
      ["t"],
      [
        trigger("a", { on: "nope", timing: "AFTER", event: "DELETE", body: "SET @a = 1" }),
        trigger("a", { on: t, timing: "AFTER", event: "DELETE", body: "SET @a = 1" }),
        event("e", { every: "1 FORTNIGHT", body: "DO 1" }),
        event("e2", { at: "2030-01-01", every: "1 DAY", body: "DO 1" }),
        routine("f", {
          kind: "function",
          params: [{ name: "x", type: "int", mode: "OUT" }],
          returns: "int",
          body: "RETURN 1",
        }),
        routine("p", { kind: "procedure", returns: "int", body: " " }),
      ],
    ),
  ).toEqual([
    'trigger "a" is on table "nope", which is not declared',
    'trigger "a" is declared twice',
    'event "e": every must be "<quantity> <unit>", e.g. "1 HOUR"',
    'event "e2" needs exactly one of at and every',
    'function "f": only a procedure has OUT or INOUT parameters',
    'procedure "p" has no body',
    'procedure "p": a procedure has no returns',
  ]);
});

test("TypeBox source: a table named like a builder, its trigger and a procedure load back to the same schema", async () => {
  const schema = replaySql(
    `CREATE TABLE event (id int primary key);
CREATE TRIGGER event BEFORE INSERT ON event FOR EACH ROW SET @a = 1;
CREATE PROCEDURE routine(INOUT x int) SQL SECURITY INVOKER SET x = x + 1;`,
    mariadb,
  );
  const dir = mkdtempSync(join(tmpdir(), "stats-db-objects-source-"));
  try {
    const path = join(dir, "m.ts");
    writeFileSync(
      path,
      schemaToEntitiesSource(schema, { importFrom: join(import.meta.dir, "../../src/entities/index.ts") }),
    );
    const back = schemaFromEntities((await import(path)) as EntitiesModule, mariadb, path);
    expect(diff(schema, back)).toEqual([]);
    expect(diff(back, schema)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
