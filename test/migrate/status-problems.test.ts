import { describe, expect, test } from "bun:test";
import { memoryDir } from "../../src/migrate/dir.ts";
import type { Revision } from "../../src/migrate/revisions.ts";
import { statusHasProblems, type StatusReport } from "../../src/migrate/status.ts";
import { statusProblems } from "../../src/migrate/status/problems.ts";
import { formatStatusText, statusJson } from "../../src/cli/report/status.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { revisionRow } from "../support/revision-row.ts";

const FILES = {
  "1_a.sql": "CREATE TABLE a (id int);\n",
  "2_b.sql": "CREATE TABLE b (id int);\n",
  "3_c.sql": "CREATE TABLE c (id int);\n",
};
const files = memoryDir(FILES).files();
const hashes = new Map(computeSum(files).entries.map((e) => [e.name.split("_")[0]!, e.hash]));
const SUM = formatSum(computeSum(files));

function rev(version: string, extra: Partial<Revision> = {}): Revision {
  return revisionRow(version, {
    description: "x",
    hash: hashes.get(version) ?? "h",
    operatorVersion: "stats-db v0.1.0",
    ...extra,
  });
}

const sumOf = (fs: typeof files) => formatSum(computeSum(fs));

describe("statusProblems", () => {
  test("a directory that fails its atlas.sum", () => {
    expect(statusProblems(files, SUM.replace("h1:", "h1:x"), [])).toEqual([
      "The migration directory fails its atlas.sum (checksum mismatch): run 'stats-db migrate validate' for the details",
    ]);
    expect(statusProblems(files, undefined, [])).toEqual([
      "The migration directory fails its atlas.sum (checksum file not found): run 'stats-db migrate validate' for the details",
    ]);
  });

  test("none when the applied files match", () => {
    expect(statusProblems(files, sumOf(files), [rev("1"), rev("2")])).toEqual([]);
    expect(statusProblems(files, sumOf(files), [])).toEqual([]);
  });

  test("a database ahead of the directory (an older binary)", () => {
    expect(statusProblems(files, sumOf(files), [rev("1"), rev("2"), rev("3"), rev("4"), rev("5")])).toEqual([
      "The database is ahead of the migration directory: versions 4, 5 are applied but not in the directory (an older checkout or binary?): use the directory that applied them",
    ]);
    expect(statusProblems([], sumOf([]), [rev("1")])[0]).toStartWith(
      "The database is ahead of the migration directory: version 1 is applied",
    );
  });

  test("an applied file removed from the directory", () => {
    const without2 = files.filter((f) => f.version !== "2");
    expect(statusProblems(without2, sumOf(without2), [rev("1"), rev("2", { hash: "" })])).toEqual([
      "Applied version 2 has no file in the migration directory (removed or renamed after being applied)",
    ]);
  });

  test("a file edited after it was applied: the first one is named", () => {
    expect(statusProblems(files, sumOf(files), [rev("1", { hash: "other" }), rev("2", { hash: "other" })])).toEqual([
      "Checksum mismatch: 1_a.sql differs from the file applied as version 1 (edited after it was applied?): restore it, and change the schema with a new migration file",
    ]);
  });

  test("a file added out of order later is not a checksum mismatch", () => {
    const withEarly = memoryDir({ ...FILES, "1.5_x.sql": "SELECT 1;\n" }).files();
    expect(statusProblems(withEarly, sumOf(withEarly), [rev("1"), rev("2"), rev("3")])).toEqual([]);
  });

  test("baseline rows (no hash) are not compared", () => {
    expect(statusProblems(files, sumOf(files), [rev("2", { hash: "", type: 1 })])).toEqual([]);
  });

  test("a failed file and a killed run each get a line", () => {
    expect(
      statusProblems(files, sumOf(files), [
        rev("1"),
        rev("2", { applied: 1, total: 3, error: "Error 1050: exists", errorStmt: "CREATE TABLE b" }),
      ]),
    ).toEqual([
      "Version 2 failed (1 of 3 statements applied; the error is below): fix it, then run 'stats-db migrate apply' again",
    ]);
    expect(statusProblems(files, sumOf(files), [rev("1"), rev("2", { applied: 0, total: 2 })])).toEqual([
      "Version 2 was partly applied (0 of 2 statements applied; its run stopped between statements): 'stats-db migrate apply' resumes at statement 1",
    ]);
    const doubt = { version: "2", index: 0, hash: "h1:x", connId: 9 };
    expect(statusProblems(files, sumOf(files), [rev("1"), rev("2", { applied: 0, total: 2 })], [doubt])).toEqual([
      "Version 2 was partly applied (0 of 2 statements applied) and statement 1 is in doubt (its run was interrupted while it ran): 'stats-db migrate apply' first decides from the live schema whether it took effect, then goes on",
    ]);
  });
});

describe("the status text", () => {
  const base: StatusReport = {
    available: files,
    pending: files.slice(1),
    applied: [rev("1"), rev("2", { applied: 0, total: 2 })],
    status: "PENDING",
    current: "2",
    next: "2",
    count: 0,
    total: 2,
    outOfOrder: [],
    error: "",
    sql: "",
    problems: ["Version 2 was partly applied"],
  };

  test("after a killed run: no empty error block, the problem instead; a problem means exit 1", () => {
    const text = formatStatusText(base);
    expect(text).not.toContain("ERROR:");
    expect(text).not.toContain("SQL:");
    expect(text).toEndWith(
      "  -- Executed Files:  2 (last one partially)\n  -- Pending Files:   2\n\nProblems:\n  -- Version 2 was partly applied\n",
    );
    expect(statusHasProblems(base)).toBe(true);
    expect(statusJson(base).Problems).toEqual(["Version 2 was partly applied"]);
  });

  test("a failure shows Atlas's block with real values", () => {
    const text = formatStatusText({ ...base, error: "Error 1050: exists", sql: "CREATE TABLE b" });
    expect(text).toContain(
      "Last migration attempt had errors:\n  -- SQL:   CREATE TABLE b\n  -- ERROR: Error 1050: exists\n",
    );
  });

  test("pending only is not a problem", () => {
    expect(statusHasProblems({ ...base, total: 0, applied: [rev("1")], problems: [] })).toBe(false);
  });
});
