import { expect, test } from "bun:test";
import { memoryDir } from "../../src/migrate/dir.ts";
import { filesAsApplied, filesBetween } from "../../src/migrate/down/target.ts";
import type { Revision } from "../../src/migrate/revisions.ts";
import { revisionRow } from "../support/revision-row.ts";

const rev = (version: string, applied: number, total: number): Revision => revisionRow(version, { applied, total });

test("filesAsApplied cuts a partly applied file after its applied statements, comments and directive line kept", () => {
  const files = memoryDir({
    "1_a.sql": "CREATE TABLE a (x int);\n-- second\nCREATE TABLE b (x int);\nCREATE TABLE c (x int);\n",
    "2_b.sql": "-- atlas:delimiter //\nCREATE TABLE d (x int)//\n-- é\nCREATE TABLE e (x int)//\n",
    "3_c.sql": "CREATE TABLE f (x int);\n",
  }).files();
  const cut = filesAsApplied(files, [rev("1", 2, 3), rev("2", 1, 2), rev("3", 1, 1)]);
  expect(cut.map((f) => f.text)).toEqual([
    "CREATE TABLE a (x int);\n-- second\nCREATE TABLE b (x int);\n",
    "-- atlas:delimiter //\nCREATE TABLE d (x int)//\n-- é\n",
    "CREATE TABLE f (x int);\n",
  ]);
  expect(new TextDecoder().decode(cut[1]!.bytes)).toBe(cut[1]!.text);
  expect(filesBetween(files, "1", "3").map((f) => f.version)).toEqual(["2", "3"]);
  expect(filesBetween(files, "", "2").map((f) => f.version)).toEqual(["1", "2"]);
});
