/**
 * Views in diff, applyChanges and the plan order: drops before the tables they read, creates after, views on views
 * in dependency order, and a drop and re-create around a table change that takes away what a view reads.
 */
import { describe, expect, test } from "bun:test";
import { mariadb } from "../../src/mysql/flavor.ts";
import { plan } from "../../src/mysql/plan.ts";
import { applyChanges } from "../../src/schema/apply.ts";
import { diff } from "../../src/schema/diff.ts";
import type { Schema, Table, View } from "../../src/schema/model.ts";

const users: Table = {
  name: "users",
  columns: [
    { name: "id", type: "int", nullable: false },
    { name: "name", type: "varchar(10)", nullable: true, charset: "utf8mb4", collate: "utf8mb4_general_ci" },
  ],
  indexes: [],
  foreignKeys: [],
  checks: [],
  options: { charset: "utf8mb4", collate: "utf8mb4_general_ci" },
};
const named: View = { name: "named", definition: "select `id`, `name` from `users`", reads: ["users"] };
const ids: View = { name: "ids", definition: "select `id` from `named`", reads: ["named"] };

function comments(current: Schema, desired: Schema): string[] {
  return plan(diff(current, desired), mariadb, { current }).map((s) => s.comment);
}

describe("view diff and order", () => {
  test("views are created after what they read, views on views last, whatever the declared order", () => {
    const desired: Schema = { tables: [users], views: [ids, named] };
    expect(comments({ tables: [] }, desired)).toEqual([
      'create "users" table',
      'create "named" view',
      'create "ids" view',
    ]);
    expect(applyChanges({ tables: [] }, diff({ tables: [] }, desired))).toEqual(desired);
  });

  test("views are dropped before what they read", () => {
    expect(comments({ tables: [users], views: [named, ids] }, { tables: [] })).toEqual([
      'drop "ids" view',
      'drop "named" view',
      'drop "users" table',
    ]);
  });

  test("a changed view is replaced; an equal one makes no change; an undeclared definer is no difference", () => {
    const changed = { ...named, definition: "select `id` from `users`" };
    const current: Schema = { tables: [users], views: [{ ...named, reportedDefiner: "root@%" }] };
    expect(diff(current, { tables: [users], views: [{ ...named, definer: "root@%" }] })).toEqual([]);
    // A reported definer is never planned, also when the inspected schema is the desired one.
    expect(plan(diff({ tables: [users] }, current), mariadb).map((s) => s.sql)).toEqual([
      "CREATE VIEW `named` AS select `id`, `name` from `users`",
    ]);
    expect(diff(current, { tables: [users], views: [named] })).toEqual([]);
    expect(diff(current, { tables: [users], views: [{ ...named, definer: "app@%" }] }).map((c) => c.kind)).toEqual([
      "ModifyView",
    ]);
    const stmts = plan(diff(current, { tables: [users], views: [changed] }), mariadb);
    expect(stmts.map((s) => s.sql)).toEqual(["CREATE OR REPLACE VIEW `named` AS select `id` from `users`"]);
  });

  test("dropping a column a kept view reads drops the view before the ALTER and creates it after", () => {
    const slim: Table = { ...users, columns: [users.columns[0]!] };
    const keep: View = { ...named, definition: "select `id` from `users`" };
    expect(comments({ tables: [users], views: [named] }, { tables: [slim], views: [keep] })).toEqual([
      'drop "named" view',
      'modify "users" table',
      'create "named" view',
    ]);
  });

  test("a column change the view does not read leaves it alone", () => {
    const wide: Table = { ...users, columns: [...users.columns, { name: "extra", type: "int", nullable: true }] };
    expect(comments({ tables: [wide], views: [named] }, { tables: [users], views: [named] })).toEqual([
      'modify "users" table',
    ]);
  });

  test("options are planned; the definer only when declared", () => {
    const v: View = { ...named, algorithm: "MERGE", security: "INVOKER", checkOption: "LOCAL", definer: "app@%" };
    expect(plan(diff({ tables: [users] }, { tables: [users], views: [v] }), mariadb).map((s) => s.sql)).toEqual([
      "CREATE ALGORITHM = MERGE DEFINER = `app`@`%` SQL SECURITY INVOKER VIEW `named` AS select `id`, `name` from `users` WITH LOCAL CHECK OPTION",
    ]);
  });

  test("applyChanges refuses a view that exists or is missing", () => {
    expect(() => applyChanges({ tables: [users], views: [named] }, [{ kind: "AddView", view: named }])).toThrow(
      'view "named" already exists',
    );
    expect(() => applyChanges({ tables: [users] }, [{ kind: "DropView", view: named }])).toThrow(
      'view "named" does not exist',
    );
  });
});
