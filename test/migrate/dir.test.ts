import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileDescription, fileVersion, latestVersion, memoryDir, migrationFile } from "../../src/migrate/dir.ts";
import { DirNotFoundError, DuplicateVersionError, InvalidUtf8Error } from "../../src/migrate/dir/errors.ts";
import { DirReadError, dirExists, openLocalDir } from "../../src/migrate/dir/local.ts";

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
    const dir = memoryDir({
      "2_b.sql": "B;",
      "10_a.sql": "A;",
      "notes.txt": "x",
      "atlas.sum": "h1:x\n",
      ".h.sql": "H;",
    });
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

  test("a missing directory is an error naming it", () => {
    const path = join(root, "typo");
    expect(() => openLocalDir(path)).toThrow(new DirNotFoundError(path));
    expect(() => openLocalDir(path)).toThrow(`migration directory "${path}" does not exist`);
    expect(dirExists(path)).toBe(false);
  });

  test("a file where the directory should be is an error, even when it may be created", () => {
    const path = join(root, "plain-file");
    writeFileSync(path, "x");
    expect(() => openLocalDir(path, { mayCreate: true })).toThrow("is not a directory");
  });

  test("with mayCreate a missing directory reads as empty and is created on the first write", () => {
    const path = join(root, "new", "migrations");
    const dir = openLocalDir(path, { mayCreate: true });
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
    const dir = openLocalDir(path, { mayCreate: true });
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

describe("versions are unique", () => {
  const root = mkdtempSync(join(tmpdir(), "stats-db-migrate-dup-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  test("two files of one version are refused, naming both, on disk and in memory", () => {
    writeFileSync(join(root, "20260101000000_a.sql"), "A;");
    writeFileSync(join(root, "20260101000000_b.sql"), "B;");
    expect(() => openLocalDir(root).files()).toThrow(
      new DuplicateVersionError("20260101000000", ["20260101000000_a.sql", "20260101000000_b.sql"]),
    );
    expect(() => memoryDir({ "1.sql": "A;", "1.t_x.sql": "T;", "1_b.sql": "B;" }).files()).toThrow("1.sql and 1_b.sql");
  });

  test("the latest version compares as Atlas does (strings)", () => {
    expect(latestVersion(memoryDir({ "2_b.sql": "B;", "10_a.sql": "A;" }).files())).toBe("2");
    expect(latestVersion([])).toBeUndefined();
  });
});

describe("UTF-8", () => {
  const bad: { name: string; bytes: number[]; offset: number }[] = [
    { name: "a Latin-1 byte", bytes: [0x53, 0x45, 0x4c, 0xe9, 0x3b], offset: 3 },
    { name: "a lone continuation byte", bytes: [0x41, 0x80], offset: 1 },
    { name: "a truncated sequence at the end", bytes: [0x41, 0x42, 0xe2, 0x82], offset: 2 },
    { name: "an overlong encoding", bytes: [0xc0, 0xaf], offset: 0 },
    { name: "a UTF-16 surrogate", bytes: [0x41, 0xed, 0xa0, 0x80], offset: 1 },
    { name: "above U+10FFFF", bytes: [0xf4, 0x90, 0x80, 0x80], offset: 0 },
    { name: "after valid multi-byte text", bytes: [...new TextEncoder().encode("'é€😀'"), 0xff], offset: 11 },
  ];
  test.each(bad)("$name is refused with its offset", (c) => {
    expect(() => migrationFile("1_x.sql", new Uint8Array(c.bytes))).toThrow(new InvalidUtf8Error("1_x.sql", c.offset));
  });
  test("valid text, a BOM included, decodes unchanged", () => {
    const text = "\uFEFFSELECT 'é€😀';\n";
    expect(migrationFile("1_x.sql", new TextEncoder().encode(text)).text).toBe(text);
  });
  test("a file on disk: the error names it, not wrapped as a read error", () => {
    const root = mkdtempSync(join(tmpdir(), "stats-db-migrate-utf8-"));
    writeFileSync(join(root, "1_latin1.sql"), Buffer.from([0x41, 0xe9]));
    expect(() => openLocalDir(root).files()).toThrow(
      "migration file 1_latin1.sql is not valid UTF-8 (first bad byte at offset 1)",
    );
    rmSync(root, { recursive: true, force: true });
  });
});
