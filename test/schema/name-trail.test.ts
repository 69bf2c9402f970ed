import { describe, expect, test } from "bun:test";
import type { Change } from "../../src/schema/changes.ts";
import type { Column, Table } from "../../src/schema/model.ts";
import { NameTrail } from "../../src/schema/name-trail.ts";

const col = (name: string): Column => ({ name, type: "int", nullable: true });
const table = (name: string): Table => ({
  name,
  columns: [col("a")],
  indexes: [],
  foreignKeys: [],
  checks: [],
  options: {},
});

function trail(changes: Change[]): NameTrail {
  const t = new NameTrail();
  for (const c of changes) t.follow(c);
  return t;
}

describe("NameTrail", () => {
  test("untouched names denote themselves", () => {
    const t = trail([]);
    expect([t.startTable("x"), t.currentTable("x"), t.startColumn("x", "a"), t.currentColumn("x", "a")]).toEqual([
      "x",
      "x",
      "a",
      "a",
    ]);
  });

  test("a chain of table and column renames, both ways", () => {
    const t = trail([
      { kind: "ModifyTable", table: "users", changes: [{ kind: "RenameColumn", from: "email", to: "mail" }] },
      { kind: "RenameTable", from: "users", to: "people" },
      { kind: "ModifyTable", table: "people", changes: [{ kind: "RenameColumn", from: "mail", to: "address" }] },
    ]);
    expect([t.currentTable("users"), t.currentColumn("users", "email")]).toEqual(["people", "address"]);
    expect([t.startTable("people"), t.startColumn("people", "address")]).toEqual(["users", "email"]);
    expect([t.startTable("users"), t.startColumn("people", "email"), t.startColumn("people", "mail")]).toEqual([
      undefined,
      undefined,
      undefined,
    ]);
  });

  test("dropped and re-created objects are not the starting ones", () => {
    const t = trail([
      {
        kind: "ModifyTable",
        table: "t",
        changes: [
          { kind: "DropColumn", column: col("a") },
          { kind: "AddColumn", column: col("a") },
        ],
      },
      { kind: "DropTable", table: table("u") },
      { kind: "AddTable", table: table("u") },
    ]);
    expect([t.currentColumn("t", "a"), t.startColumn("t", "a")]).toEqual([undefined, undefined]);
    expect([t.currentTable("u"), t.startTable("u")]).toEqual([undefined, undefined]);
  });

  test("a swap through a temporary name", () => {
    const t = trail([
      { kind: "RenameTable", from: "a", to: "tmp" },
      { kind: "RenameTable", from: "b", to: "a" },
      { kind: "RenameTable", from: "tmp", to: "b" },
    ]);
    expect([t.currentTable("a"), t.currentTable("b"), t.startTable("a"), t.startTable("tmp")]).toEqual([
      "b",
      "a",
      "b",
      undefined,
    ]);
  });
});
