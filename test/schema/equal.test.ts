import { describe, expect, test } from "bun:test";
import { diffTable } from "../../src/schema/diff-table.ts";
import { sameTableUpToOrder } from "../../src/schema/equal.ts";
import type { Index, Table } from "../../src/schema/model.ts";

const index = (name: string, column: string, extra: Partial<Index> = {}): Index => ({
  name,
  unique: false,
  type: "BTREE",
  parts: [{ column }],
  ...extra,
});
const base: Table = {
  name: "t",
  columns: [
    { name: "a", type: "int", nullable: false },
    { name: "b", type: "int", nullable: true },
  ],
  primaryKey: { parts: [{ column: "a" }] },
  indexes: [index("ia", "a"), index("ib", "b")],
  foreignKeys: [],
  checks: [
    { name: "c1", expr: "`a` > 0" },
    { name: "c2", expr: "`b` > 0" },
  ],
  options: { engine: "InnoDB", charset: "utf8mb4", collate: "utf8mb4_general_ci" },
};
const reversed = { ...base, indexes: [...base.indexes].reverse(), checks: [...base.checks].reverse() };

describe("sameTableUpToOrder agrees with diffTable", () => {
  test.each([
    ["the same table", base, true],
    ["indexes and checks in another order", reversed, true],
    [
      "an index the replay marked generated",
      { ...reversed, indexes: [index("ia", "a", { generated: true }), index("ib", "b")] },
      true,
    ],
    ["an undefined option", { ...base, options: { ...base.options, comment: undefined } }, true],
    ["an index on another column", { ...reversed, indexes: [index("ia", "a"), index("ib", "a")] }, false],
    ["an index fewer", { ...base, indexes: [index("ia", "a")] }, false],
    ["another check expression", { ...reversed, checks: [{ name: "c1", expr: "`a` > 1" }, base.checks[1]!] }, false],
    ["a column more", { ...reversed, columns: [...base.columns, { name: "c", type: "int", nullable: true }] }, false],
    ["another engine", { ...reversed, options: { ...base.options, engine: "Aria" } }, false],
    ["no primary key", { ...reversed, primaryKey: undefined }, false],
  ] as const)("%s", (_what, other, same) => {
    expect(sameTableUpToOrder(base, other)).toBe(same);
    expect(sameTableUpToOrder(other, base)).toBe(same);
    expect(diffTable(base, other).length === 0).toBe(same);
  });
});
