import { describe, expect, test } from "bun:test";
import { applyChanges } from "../../src/schema/apply.ts";
import { diff } from "../../src/schema/diff.ts";
import { schemasEqual } from "../../src/schema/equal.ts";
import type { Column, Schema, Table } from "../../src/schema/model.ts";

const col = (name: string, type = "int", extra: Partial<Column> = {}): Column => ({
  name,
  type,
  nullable: false,
  ...extra,
});
const table = (name: string, columns: Column[], extra: Partial<Table> = {}): Table => ({
  name,
  columns,
  indexes: [],
  foreignKeys: [],
  checks: [],
  options: { charset: "utf8mb4", collate: "utf8mb4_general_ci", engine: "InnoDB" },
  ...extra,
});
const schema = (...tables: Table[]): Schema => ({ tables });

const sites = table(
  "sites",
  [
    col("id", "bigint unsigned", { autoIncrement: true }),
    col("host", "varchar(255)", { charset: "utf8mb4", collate: "utf8mb4_general_ci" }),
  ],
  {
    primaryKey: { parts: [{ column: "id" }] },
  },
);
const views = table("views", [col("id", "bigint"), col("site_id", "bigint unsigned"), col("n", "int")], {
  primaryKey: { parts: [{ column: "id" }] },
  indexes: [{ name: "site_id", unique: false, type: "BTREE", parts: [{ column: "site_id" }] }],
  foreignKeys: [
    {
      name: "views_site",
      columns: ["site_id"],
      refTable: "sites",
      refColumns: ["id"],
      onDelete: "CASCADE",
      onUpdate: "NO ACTION",
    },
  ],
});

const pairs: [string, Schema, Schema][] = [
  ["empty to full", schema(), schema(sites, views)],
  ["full to empty", schema(sites, views), schema()],
  [
    "add column in the middle",
    schema(sites),
    schema({ ...sites, columns: [sites.columns[0]!, col("x"), sites.columns[1]!] }),
  ],
  ["add column first", schema(sites), schema({ ...sites, columns: [col("x"), ...sites.columns] })],
  ["drop column", schema(views), schema({ ...views, columns: views.columns.filter((c) => c.name !== "n") })],
  [
    "modify column",
    schema(views),
    schema({
      ...views,
      columns: views.columns.map((c) => (c.name === "n" ? { ...c, type: "bigint", nullable: true } : c)),
    }),
  ],
  [
    "move column",
    schema(views),
    schema({ ...views, columns: [views.columns[2]!, views.columns[0]!, views.columns[1]!] }),
  ],
  ["reverse columns", schema(views), schema({ ...views, columns: [...views.columns].reverse() })],
  [
    "change fk action",
    schema(sites, views),
    schema(sites, { ...views, foreignKeys: [{ ...views.foreignKeys[0]!, onDelete: "NO ACTION" }] }),
  ],
  ["drop pk", schema(views), schema({ ...views, primaryKey: undefined })],
  ["change pk", schema(views), schema({ ...views, primaryKey: { parts: [{ column: "id" }, { column: "n" }] } })],
  ["table comment", schema(sites), schema({ ...sites, options: { ...sites.options, comment: "hi" } })],
  ["add check", schema(views), schema({ ...views, checks: [{ name: "n_pos", expr: "`n` > 0", enforced: true }] })],
];

describe("diff and applyChanges", () => {
  for (const [name, a, b] of pairs) {
    test(`${name}: applyChanges(a, diff(a, b)) ≡ b and diff(b, b) is empty`, () => {
      const changes = diff(a, b);
      expect(changes.length).toBeGreaterThan(0);
      expect(schemasEqual(applyChanges(a, changes), b)).toBe(true);
      expect(diff(b, b)).toEqual([]);
    });
  }

  test("a declared table rename becomes RenameTable and carries foreign keys along", () => {
    const desired = schema(
      { ...sites, name: "websites", renamedFrom: "sites" },
      { ...views, foreignKeys: [{ ...views.foreignKeys[0]!, refTable: "websites" }] },
    );
    const changes = diff(schema(sites, views), desired);
    expect(changes).toEqual([{ kind: "RenameTable", from: "sites", to: "websites" }]);
    expect(schemasEqual(applyChanges(schema(sites, views), changes), desired)).toBe(true);
  });

  test("a declared column rename becomes RenameColumn, not drop + add", () => {
    const desired = schema({
      ...views,
      columns: views.columns.map((c) => (c.name === "n" ? { ...c, name: "hits", renamedFrom: "n" } : c)),
    });
    const changes = diff(schema(views), desired);
    expect(changes).toEqual([
      { kind: "ModifyTable", table: "views", changes: [{ kind: "RenameColumn", from: "n", to: "hits" }] },
    ]);
    expect(schemasEqual(applyChanges(schema(views), changes), desired)).toBe(true);
  });

  test("renaming a referenced column retargets foreign keys of other tables", () => {
    const renamedSites = {
      ...sites,
      columns: sites.columns.map((c) => (c.name === "id" ? { ...c, name: "site_id", renamedFrom: "id" } : c)),
      primaryKey: { parts: [{ column: "site_id" }] },
    };
    const desired = schema(renamedSites, {
      ...views,
      foreignKeys: [{ ...views.foreignKeys[0]!, refColumns: ["site_id"] }],
    });
    const changes = diff(schema(sites, views), desired);
    expect(changes).toHaveLength(1);
    expect(schemasEqual(applyChanges(schema(sites, views), changes), desired)).toBe(true);
  });

  test("AUTO_INCREMENT is left alone unless the desired state sets it", () => {
    const a = schema({ ...sites, options: { ...sites.options, autoIncrement: 500 } });
    expect(diff(a, schema(sites))).toEqual([]);
    expect(diff(schema(sites), a)).toHaveLength(1);
  });

  test("applyChanges refuses a change that does not fit", () => {
    expect(() => applyChanges(schema(sites), [{ kind: "AddTable", table: sites }])).toThrow(
      'table "sites" already exists',
    );
    expect(() => applyChanges(schema(), [{ kind: "DropTable", table: sites }])).toThrow('table "sites" does not exist');
  });
});

test("a new table keeps its index and check order, without rename markers (the planner writes them in that order)", () => {
  const t: Table = {
    name: "t",
    renamedFrom: "old",
    columns: [
      { name: "b", type: "int", nullable: true },
      { name: "a", type: "int", nullable: true, renamedFrom: "x" },
    ],
    indexes: [
      { name: "zb", unique: false, type: "BTREE", parts: [{ column: "b" }] },
      { name: "ka", unique: false, type: "BTREE", parts: [{ column: "a" }] },
    ],
    foreignKeys: [],
    checks: [
      { name: "z_chk", expr: "`b` > 0", enforced: true },
      { name: "a_chk", expr: "`a` > 0", enforced: true },
    ],
    options: {},
  };
  const [change] = diff({ tables: [] }, { tables: [t] });
  if (change?.kind !== "AddTable") throw new Error(`want AddTable, got ${change?.kind}`);
  expect(change.table.indexes.map((i) => i.name)).toEqual(["zb", "ka"]);
  expect(change.table.checks.map((c) => c.name)).toEqual(["z_chk", "a_chk"]);
  expect(change.table.renamedFrom).toBeUndefined();
  expect(change.table.columns.map((c) => c.renamedFrom)).toEqual([undefined, undefined]);
});
