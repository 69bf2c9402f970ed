import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileDescription, fileVersion, memoryDir } from "../../src/migrate/dir.ts";
import { DirReadError, dirExists, openLocalDir } from "../../src/migrate/local-dir.ts";

const names: { name: string; version: string; description: string }[] = [
  { name: "1.a_sub.up.sql", version: "1.a", description: "sub.up" },
  { name: "2.10.x-20_description.sql", version: "2.10.x-20", description: "description" },
  { name: "1_initial.up.sql", version: "1", description: "initial.up" },
  { name: "20240102030405.sql", version: "20240102030405", description: "" },
  { name: "20240102030405_add_users_table.sql", version: "20240102030405", description: "add_users_table" },
];

describe("file names", () => {
  test.each(names)("$name", (c) => {
    expect(fileVersion(c.name)).toBe(c.version);
    expect(fileDescription(c.name)).toBe(c.description);
  });
});

describe("memoryDir", () => {
  test("lists *.sql byte-wise, reads and writes atlas.sum", () => {
    const dir = memoryDir({ "2_b.sql": "B;", "10_a.sql": "A;", "notes.txt": "x", "atlas.sum": "h1:x\n", ".h.sql": "H;" });
    expect(dir.files().map((f) => f.name)).toEqual([".h.sql", "10_a.sql", "2_b.sql"]);
    expect(dir.readSum()).toBe("h1:x\n");
    dir.writeFile("3_c.sql", "C;");
    dir.writeSum("h1:y\n");
    expect(dir.files().map((f) => [f.version, f.description, f.text])).toEqual([
      [".h", "", "H;"],
      ["10", "a", "A;"],
      ["2", "b", "B;"],
      ["3", "c", "C;"],
    ]);
    expect(dir.readSum()).toBe("h1:y\n");
    dir.removeFile("3_c.sql");
    dir.removeFile("9_missing.sql");
    expect(dir.files().map((f) => f.name)).toEqual([".h.sql", "10_a.sql", "2_b.sql"]);
  });
  test("a directory without atlas.sum", () => {
    expect(memoryDir({}).readSum()).toBeUndefined();
  });
  test("bytes are the UTF-8 encoding of the text", () => {
    const [file] = memoryDir({ "1_é.sql": "SELECT 'é';" }).files();
    expect(file?.bytes).toEqual(new TextEncoder().encode("SELECT 'é';"));
  });
});

describe("openLocalDir", () => {
  const root = mkdtempSync(join(tmpdir(), "stats-db-migrate-dir-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("a missing directory reads as empty and is created on the first write", () => {
    const path = join(root, "new", "migrations");
    const dir = openLocalDir(path);
    expect(dir.files()).toEqual([]);
    expect(dir.readSum()).toBeUndefined();
    expect(dirExists(path)).toBe(false);
    dir.writeFile("1_a.sql", "SELECT 1;\n");
    dir.writeSum("h1:x\n");
    expect(readdirSync(path).sort()).toEqual(["1_a.sql", "atlas.sum"]);
    expect(readFileSync(join(path, "1_a.sql"), "utf8")).toBe("SELECT 1;\n");
    expect(statSync(join(path, "atlas.sum")).mode & 0o777).toBe(0o644 & ~process.umask());
  });

  test("top-level *.sql only, byte-wise order, raw bytes kept", () => {
    const path = join(root, "listing");
    mkdirSync(join(path, "sub"), { recursive: true });
    writeFileSync(join(path, "sub", "3_c.sql"), "C;");
    writeFileSync(join(path, "2_b.sql"), "B;\r\n");
    writeFileSync(join(path, "10_a.sql"), "A;");
    writeFileSync(join(path, "README.md"), "x");
    writeFileSync(join(path, "x.SQL"), "x");
    const files = openLocalDir(path).files();
    expect(files.map((f) => f.name)).toEqual(["10_a.sql", "2_b.sql"]);
    expect(files[1]?.bytes).toEqual(new TextEncoder().encode("B;\r\n"));
  });

  test("overwriting leaves no temporary files behind", () => {
    const path = join(root, "overwrite");
    const dir = openLocalDir(path);
    dir.writeFile("1_a.sql", "one");
    dir.writeFile("1_a.sql", "two");
    expect(readdirSync(path)).toEqual(["1_a.sql"]);
    expect(dir.files()[0]?.text).toBe("two");
    dir.removeFile("1_a.sql");
    dir.removeFile("1_a.sql");
    expect(readdirSync(path)).toEqual([]);
  });

  test("a directory named *.sql cannot be read", () => {
    const path = join(root, "dirnamed");
    mkdirSync(join(path, "1_x.sql"), { recursive: true });
    expect(() => openLocalDir(path).files()).toThrow(DirReadError);
  });
});
