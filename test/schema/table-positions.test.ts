/**
 * The replay's in-place tables array and the position hints behind tableIndex: a replay never changes the schema it
 * starts from, a table dropped and created again is found where it now is, and a table replaced under another name
 * is found by that name only.
 */
import { describe, expect, test } from "bun:test";
import { replayFiles, replaySql } from "../../src/migrate/replay.ts";
import { mysql8 } from "../../src/mysql/flavor.ts";
import { withModifiedTable } from "../../src/schema/apply.ts";
import { findTable, tableIndex } from "../../src/schema/model.ts";

const create = (t: string) => `CREATE TABLE \`${t}\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`));\n`;

describe("tables applied in place by a replay", () => {
  test("the start schema stays as it was, tables and hints", () => {
    const start = replaySql(create("a") + create("b"), mysql8);
    const tablesBefore = [...start.tables];
    const after = replaySql(
      `${create("c")}ALTER TABLE \`a\` ADD COLUMN \`x\` int NULL;\nDROP TABLE \`b\`;\n`,
      mysql8,
      start,
    );
    expect(start.tables).toEqual(tablesBefore);
    expect(start.tables.map((t) => t.name)).toEqual(["a", "b"]);
    expect(tableIndex(start, "c")).toBe(-1);
    expect(findTable(start, "a")?.columns.map((c) => c.name)).toEqual(["id"]);
    expect(after.tables.map((t) => t.name)).toEqual(["a", "c"]);
    expect(findTable(after, "a")?.columns.map((c) => c.name)).toEqual(["id", "x"]);
  });

  test("a table dropped and created again across files is found at its new place", () => {
    const files = [
      { name: "1.sql", text: create("a") + create("b") + create("c") },
      { name: "2.sql", text: `DROP TABLE \`a\`;\n${create("d")}` },
      { name: "3.sql", text: `${create("a")}ALTER TABLE \`a\` ADD COLUMN \`y\` int NULL;\n` },
    ];
    const s = replayFiles(files, mysql8);
    expect(s.tables.map((t) => t.name)).toEqual(["b", "c", "d", "a"]);
    expect(tableIndex(s, "a")).toBe(3);
    expect(findTable(s, "a")?.columns.map((c) => c.name)).toEqual(["id", "y"]);
    expect(() => replaySql(create("d"), mysql8, s)).toThrow(/already exists/);
  });

  test("a table replaced under another name is found by that name only", () => {
    const s = replaySql(create("a") + create("b"), mysql8);
    const a = findTable(s, "a")!;
    const renamed = withModifiedTable(s, { kind: "ModifyTable", table: "a", changes: [] }, { ...a, name: "z" });
    expect(tableIndex(renamed, "z")).toBe(0);
    expect(tableIndex(renamed, "a")).toBe(-1);
    expect(tableIndex(renamed, "b")).toBe(1);
  });
});
