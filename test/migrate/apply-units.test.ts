import { describe, expect, test } from "bun:test";
import { pendingFiles, parseExecOrder, type PendingInput } from "../../src/migrate/apply/pending.ts";
import { memoryDir } from "../../src/migrate/dir.ts";
import type { Revision } from "../../src/migrate/revisions.ts";
import { withoutOnlineToolObjects } from "../../src/migrate/apply/online/tool-objects.ts";
import type { Schema } from "../../src/schema/model.ts";
import { revisionRow } from "../support/revision-row.ts";

const dir = memoryDir({ "1_a.sql": "A;", "2_b.sql": "B;", "3_c.sql": "C;", "4_d.sql": "D;" });
const files = dir.files();
const rev = (version: string, applied = 1, total = 1): Revision => revisionRow(version, { applied, total });
const names = (input: Partial<PendingInput>) =>
  pendingFiles({ files, revisions: [], allowDirty: false, execOrder: "linear", ...input }).files.map((f) => f.version);

describe("pendingFiles", () => {
  const cases: [string, Partial<PendingInput>, string[] | string][] = [
    ["fresh database: everything", {}, ["1", "2", "3", "4"]],
    [
      "dirty database refused",
      { dirty: 'found table "x" in schema "s"' },
      'sql/migrate: connected database is not clean: found table "x" in schema "s". baseline version or allow-dirty is required',
    ],
    ["dirty with allow-dirty", { dirty: "x", allowDirty: true }, ["1", "2", "3", "4"]],
    ["baseline", { dirty: "x", baseline: "2" }, ["3", "4"]],
    ["baseline not found", { baseline: "9" }, 'baseline version "9" not found'],
    ["after revisions", { revisions: [rev("1"), rev("2")] }, ["3", "4"]],
    ["partial last file again", { revisions: [rev("1"), rev("2", 1, 3)] }, ["2", "3", "4"]],
    [
      "out of order (linear)",
      { revisions: [rev("1"), rev("3")] },
      "migration file 2_b.sql was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error",
    ],
    ["out of order (linear-skip)", { revisions: [rev("1"), rev("3")], execOrder: "linear-skip" }, ["4"]],
    ["out of order (non-linear)", { revisions: [rev("1"), rev("4")], execOrder: "non-linear" }, ["2", "3"]],
    [
      "two out of order",
      { revisions: [rev("1"), rev("4")] },
      "migration files 2_b.sql, 3_c.sql were added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error",
    ],
    [
      "partial file missing",
      { revisions: [rev("1"), rev("25", 1, 2)] },
      'sql/migrate: missing migration: revision "25.sql" is partially applied but migration file was not found',
    ],
    ["all applied", { revisions: [rev("1"), rev("2"), rev("3"), rev("4")] }, []],
  ];
  for (const [label, input, want] of cases) {
    test(label, () => {
      if (typeof want === "string") expect(() => names(input)).toThrow(want);
      else expect(names(input)).toEqual(want);
    });
  }

  test("exec order spellings", () => {
    expect([parseExecOrder("LINEAR_SKIP"), parseExecOrder("NON_LINEAR"), parseExecOrder("linear")]).toEqual([
      "linear-skip",
      "non-linear",
      "linear",
    ]);
    expect(() => parseExecOrder("random")).toThrow('unknown exec-order "random"');
  });
});

describe("the drift gate leaves an online tool's work objects to the online path", () => {
  const table = (name: string) => ({ name, columns: [], indexes: [], foreignKeys: [], checks: [], options: {} });
  const trigger = (name: string, on: string) =>
    ({ name, table: on, timing: "AFTER", event: "INSERT", body: "SET @x = 1" }) as const;
  test("shadow and old tables of existing tables and pt-osc's triggers go; look-alikes stay", () => {
    const live = {
      tables: [table("hits"), table("_hits_new"), table("__hits_old"), table("_orphan_new"), table("_hits_newer")],
      triggers: [trigger("pt_osc_db_hits_ins", "hits"), trigger("pt_osc_db_hits_audit", "hits"), trigger("t", "hits")],
    };
    const kept = withoutOnlineToolObjects(live as unknown as Schema, "db");
    expect(kept.tables.map((t) => t.name)).toEqual(["hits", "_orphan_new", "_hits_newer"]);
    expect(kept.triggers?.map((t) => t.name)).toEqual(["pt_osc_db_hits_audit", "t"]);
  });
});
