import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { schemaToHcl } from "../../src/hcl/write-schema.ts";
import { flavorByName } from "../../src/mysql/flavor.ts";
import type { Check, Schema, Table } from "../../src/schema/model.ts";
import { mysql8 } from "../../src/mysql/flavor.ts";

const dir = join(import.meta.dir, "fixtures");

describe("schemaToHcl golden files", () => {
  for (const name of readdirSync(dir)) {
    test(name, () => {
      const c = JSON.parse(readFileSync(join(dir, name, "case.json"), "utf8"));
      const flavor = flavorByName(c.flavor);
      expect(flavor).toBeDefined();
      const expected = readFileSync(join(dir, name, "expected.hcl"), "utf8");
      expect(schemaToHcl(c.schema, flavor!, c.schemaName)).toBe(expected);
    });
  }
});

const table = (checks: Check[]): Table => ({
  name: "t",
  columns: [{ name: "a", type: "int", nullable: false }],
  indexes: [],
  foreignKeys: [],
  checks,
  options: { engine: "InnoDB", charset: "latin1", collate: "latin1_swedish_ci" },
});

describe("schemaToHcl rules", () => {
  const cases: [string, Schema, string[]][] = [
    [
      "schema defaults come from the flavor when the model has none",
      { tables: [] },
      ['  charset = "utf8mb4"', '  collate = "utf8mb4_0900_ai_ci"'],
    ],
    ["a table charset that differs from the schema's is printed", { tables: [table([])] }, ['  charset = "latin1"']],
    [
      "a NOT ENFORCED check prints Atlas's enforced = true quirk",
      { tables: [table([{ name: "c", expr: "`a` > 0", enforced: false }])] },
      ['    expr     = "(`a` > 0)"', "    enforced = true"],
    ],
  ];
  for (const [name, schema, lines] of cases) {
    test(name, () => {
      const out = schemaToHcl(schema, mysql8, "s").split("\n");
      for (const line of lines) expect(out).toContain(line);
    });
  }
  test("an enforced check has no enforced attribute and the output ends in one newline", () => {
    const out = schemaToHcl({ tables: [table([{ name: "c", expr: "`a` > 0", enforced: true }])] }, mysql8, "s");
    expect(out).not.toContain("enforced");
    expect(out.endsWith("}\n")).toBe(true);
    expect(out.endsWith("\n\n")).toBe(false);
  });
});
