import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import {
  ChecksumError,
  ChecksumFileNotFound,
  ChecksumFormatError,
  ChecksumMismatch,
  computeSum,
  formatSum,
  parseSum,
  type SumInput,
  validateDir,
} from "../../src/migrate/dir/sum.ts";
import { sharedVectors } from "./vectors.ts";

const enc = (s: string) => new TextEncoder().encode(s);
const INIT = { name: "20240101000000_init.sql", bytes: enc("CREATE TABLE `t1` (`id` int NOT NULL);\n") };
const ADD = {
  name: "20240102000000_add_name.sql",
  bytes: enc("ALTER TABLE `t1` ADD COLUMN `name` varchar(255) NULL;\n"),
};
const WORKED =
  "h1:WJG3rN6JGfkqOU9F+yXKVSoYTe51n5HBP3ow4yxn+MI=\n" +
  "20240101000000_init.sql h1:nbPMtVYObDZtrPOV2UmCYad48G3Wi1f2DZ/mwZtvxBc=\n" +
  "20240102000000_add_name.sql h1:Wh4jNYf6NmHwfqzKQBoZYQ/WsyomPzxZC584nt7x3GA=\n";

describe("atlas.sum vectors", () => {
  const root = sharedVectors("atlas-sum");
  if (root === undefined) return;
  const dirs = readdirSync(root, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  test("the vector set is not empty", () => expect(dirs.length).toBeGreaterThanOrEqual(5));
  test.each(dirs)("%s is reproduced byte for byte and validates", (dir) => {
    const files = readdirSync(join(root, dir))
      .filter((f) => f.endsWith(".sql"))
      .map((name) => ({ name, bytes: readFileSync(join(root, dir, name)) }));
    const want = readFileSync(join(root, dir, "atlas.sum"), "utf8");
    expect(formatSum(computeSum(files))).toBe(want);
    expect(validateDir(files, want)).toEqual({ ok: true });
  });
});

describe("computeSum / formatSum / parseSum", () => {
  test("the worked example of docs/atlas-compat.md §1.2", () => {
    expect(formatSum(computeSum([ADD, INIT]))).toBe(WORKED);
  });
  test("parseSum reads back what formatSum writes", () => {
    expect(parseSum(WORKED)).toEqual(computeSum([INIT, ADD]));
  });
  test("parseSum accepts CRLF line ends", () => {
    expect(parseSum(WORKED.replaceAll("\n", "\r\n"))).toEqual(computeSum([INIT, ADD]));
  });
  test("files are ordered byte-wise by name", () => {
    const a = { name: "10_a.sql", bytes: enc("A;") };
    const b = { name: "2_b.sql", bytes: enc("B;") };
    expect(computeSum([b, a]).entries.map((e) => e.name)).toEqual(["10_a.sql", "2_b.sql"]);
  });
  test("an atlas:sum ignore file is hashed by name only and gets no line", () => {
    const ignored = { name: "20240101500000_x.sql", bytes: enc("-- atlas:sum ignore\nSELECT 1;\n") };
    const sum = computeSum([INIT, ignored, ADD]);
    const h = createHash("sha256");
    for (const part of [INIT.name, INIT.bytes, ignored.name, ADD.name, ADD.bytes]) h.update(part);
    expect(sum.entries.map((e) => e.name)).toEqual([INIT.name, ADD.name]);
    expect(sum.entries[1]?.hash).toBe(h.digest("base64"));
  });
  test("atlas:sum ignore counts only on the first line", () => {
    const late = { name: "1_x.sql", bytes: enc("SELECT 1;\n-- atlas:sum ignore\n") };
    expect(computeSum([late]).entries).toHaveLength(1);
  });
});

const edit = (f: SumInput, extra: string): SumInput => ({
  name: f.name,
  bytes: enc(new TextDecoder().decode(f.bytes) + extra),
});
const C = { name: "20240103000000_c.sql", bytes: enc("SELECT 3;\n") };
const X = { name: "20240101500000_x.sql", bytes: enc("SELECT 2;\n") };

const mismatches: { name: string; files: SumInput[]; line: number; file: string; reason: string }[] = [
  { name: "last file edited", files: [INIT, edit(ADD, "-- x\n")], line: 3, file: ADD.name, reason: "edited" },
  { name: "first file edited", files: [edit(INIT, " "), ADD], line: 2, file: INIT.name, reason: "edited" },
  { name: "first file removed", files: [ADD], line: 2, file: INIT.name, reason: "removed" },
  { name: "last file removed", files: [INIT], line: 3, file: ADD.name, reason: "removed" },
  { name: "file added at the end", files: [INIT, ADD, C], line: 4, file: C.name, reason: "added" },
  { name: "file added in the middle", files: [INIT, X, ADD], line: 3, file: X.name, reason: "added" },
];

describe("validateDir", () => {
  test.each(mismatches)("$name", (c) => {
    const result = validateDir(c.files, WORKED);
    expect(result.ok).toBe(false);
    const error = result.ok ? undefined : result.error;
    expect(error).toBeInstanceOf(ChecksumError);
    const e = error as ChecksumError;
    expect([e.line, e.file, e.reason, e.message]).toEqual([c.line, c.file, c.reason, "checksum mismatch"]);
  });
  test("missing atlas.sum with files", () => {
    const result = validateDir([INIT], undefined);
    expect(result.ok ? undefined : result.error).toBeInstanceOf(ChecksumFileNotFound);
    expect(result.ok ? "" : result.error.message).toBe("checksum file not found");
  });
  test("missing atlas.sum without files is fine", () => {
    expect(validateDir([], undefined)).toEqual({ ok: true });
  });
  test("a line without h1: is a format error", () => {
    const result = validateDir([INIT], "h1:abc\n20240101000000_init.sql nbPM\n");
    expect(result.ok ? undefined : result.error).toBeInstanceOf(ChecksumFormatError);
    expect(result.ok ? "" : result.error.message).toBe("checksum file format invalid");
  });
  test("a tampered total is a plain mismatch without a line", () => {
    const result = validateDir([INIT, ADD], WORKED.replace("h1:W", "h1:X"));
    const error = result.ok ? undefined : result.error;
    expect(error).toBeInstanceOf(ChecksumMismatch);
    expect(error).not.toBeInstanceOf(ChecksumError);
    expect(error?.message).toBe("checksum mismatch");
  });
  test("an empty atlas.sum with files is a mismatch", () => {
    const result = validateDir([INIT], "");
    expect(result.ok ? undefined : result.error).toBeInstanceOf(ChecksumMismatch);
  });
});
