/**
 * Triggers, events and routines in the model: the body normal form, what counts as a change (bodies, definers only
 * when both sides state one, a server-filled STARTS never), and applyChanges ∘ diff reaching the desired objects.
 */
import { describe, expect, test } from "bun:test";
import { applyChanges } from "../../src/schema/apply.ts";
import { diff } from "../../src/schema/diff.ts";
import { schemasEqual } from "../../src/schema/equal.ts";
import type { Schema, Table } from "../../src/schema/model.ts";
import { bodyKey, type Routine, type ScheduledEvent, type Trigger } from "../../src/schema/objects.ts";

const t: Table = { name: "t", columns: [], indexes: [], foreignKeys: [], checks: [], options: {} };
const trigger: Trigger = { name: "tr", table: "t", timing: "BEFORE", event: "INSERT", body: "SET NEW.n = 1" };
const event: ScheduledEvent = {
  name: "e",
  schedule: { every: { value: "1", unit: "HOUR" } },
  preserve: false,
  status: "ENABLE",
  body: "DELETE FROM t",
};
const routine: Routine = {
  name: "f",
  kind: "FUNCTION",
  params: [{ name: "a", type: "int", mode: "IN" }],
  returns: "int",
  deterministic: true,
  dataAccess: "CONTAINS SQL",
  security: "DEFINER",
  body: "RETURN a + 1",
};
const base: Schema = { tables: [t], triggers: [trigger], events: [event], routines: [routine] };

describe("objects in the model", () => {
  test("bodyKey ignores layout, comments and keyword case, not quoted text", () => {
    expect(bodyKey("BEGIN\n  -- note\n  SET NEW.n=NEW.n+1; /* x */\nEND;")).toBe(
      bodyKey("begin set new.n = new.n + 1; end"),
    );
    expect(bodyKey("SELECT 'A  b'")).not.toBe(bodyKey("SELECT 'a b'"));
    expect(bodyKey("SELECT `Col`")).not.toBe(bodyKey("SELECT `col`"));
  });

  test("the same objects in another layout are no change", () => {
    const other: Schema = {
      ...base,
      triggers: [{ ...trigger, body: "set new.n   =  1" }],
      routines: [{ ...routine, body: "RETURN a+1 -- plus one\n" }],
    };
    expect(diff(base, other)).toEqual([]);
    expect(schemasEqual(base, other)).toBe(true);
  });

  test("a changed trigger or routine is dropped and created; a changed event altered", () => {
    const other: Schema = {
      ...base,
      triggers: [{ ...trigger, timing: "AFTER" }],
      events: [{ ...event, comment: "c" }],
      routines: [{ ...routine, deterministic: false }],
    };
    const changes = diff(base, other);
    expect(changes.map((c) => c.kind)).toEqual([
      "DropTrigger",
      "AddTrigger",
      "ModifyEvent",
      "DropRoutine",
      "AddRoutine",
    ]);
    expect(schemasEqual(applyChanges(base, changes), other)).toBe(true);
  });

  test("definers differ only when both sides state one; a server-filled STARTS is no change", () => {
    const live: Schema = {
      ...base,
      triggers: [{ ...trigger, definer: "root@localhost" }],
      events: [{ ...event, definer: "root@localhost", schedule: { ...event.schedule, starts: "2026-01-01 00:00:00" } }],
    };
    expect(diff(live, base)).toEqual([]);
    expect(diff(base, live)).toEqual([]);
    const declared: Schema = { ...base, triggers: [{ ...trigger, definer: "app@%" }] };
    expect(diff(live, declared).map((c) => c.kind)).toEqual(["DropTrigger", "AddTrigger"]);
  });

  test("a dropped table's triggers go with it: no DROP TRIGGER", () => {
    const changes = diff(base, { ...base, tables: [], triggers: [] });
    expect(changes.map((c) => c.kind)).toEqual(["DropTable"]);
    expect(applyChanges(base, changes).triggers).toEqual([]);
  });

  test("functions and procedures of one name are different objects", () => {
    const proc: Routine = { ...routine, kind: "PROCEDURE", returns: undefined, body: "SELECT 1" };
    const both: Schema = { ...base, routines: [routine, proc] };
    expect(diff(base, both).map((c) => c.kind)).toEqual(["AddRoutine"]);
    expect(schemasEqual(applyChanges(base, diff(base, both)), both)).toBe(true);
  });
});

test("a renamed table keeps its triggers: the diff is the rename alone", () => {
  const renamed: Schema = {
    ...base,
    tables: [{ ...t, name: "u", renamedFrom: "t" }],
    triggers: [{ ...trigger, table: "u" }],
  };
  const changes = diff(base, renamed);
  expect(changes.map((c) => c.kind)).toEqual(["RenameTable"]);
  expect(schemasEqual(applyChanges(base, changes), renamed)).toBe(true);
});

test("triggers of one table, timing and event keep their firing order: a change of order re-creates from there", () => {
  const a: Trigger = { ...trigger, name: "a" };
  const b: Trigger = { ...trigger, name: "b" };
  const c: Trigger = { ...trigger, name: "c" };
  const current: Schema = { ...base, triggers: [a, b, c] };
  const desired: Schema = { ...base, triggers: [a, c, b] };
  expect(schemasEqual(current, desired)).toBe(false);
  const changes = diff(current, desired);
  expect(changes.map((x) => `${x.kind} ${"trigger" in x ? x.trigger.name : ""}`)).toEqual([
    "DropTrigger b",
    "DropTrigger c",
    "AddTrigger c",
    "AddTrigger b",
  ]);
  expect(schemasEqual(applyChanges(current, changes), desired)).toBe(true);
  expect(diff(current, { ...base, triggers: [a, b, c, { ...trigger, name: "d" }] }).map((x) => x.kind)).toEqual([
    "AddTrigger",
  ]);
});
