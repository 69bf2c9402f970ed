/** The generated embedded module: what it carries and the build's refusal to embed a directory that fails atlas.sum. */
import { describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { EmbedChecksumError, embeddedModuleSource, readEmbeddedFiles } from "../../scripts/embed.ts";
import { repoRoot } from "../../scripts/build.ts";
import { dirInfo } from "../../src/project/embedded-dir.ts";
import { memoryDir } from "../../src/migrate/dir.ts";
import { InvalidUtf8Error } from "../../src/migrate/dir/errors.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";

function copyOfMigrations(): string {
  const dir = mkdtempSync(join(tmpdir(), "stats-db-embed-"));
  cpSync(join(repoRoot, "migrations"), dir, { recursive: true });
  return dir;
}

describe("embedded migrations", () => {
  test("every migration file and atlas.sum, byte for byte", () => {
    const files = readEmbeddedFiles(join(repoRoot, "migrations"));
    for (const [name, text] of Object.entries(files))
      expect(text).toBe(readFileSync(join(repoRoot, "migrations", name), "utf8"));
    expect(Object.keys(files)).toContain("atlas.sum");
  });

  test("the in-memory directory reports the same hash as atlas.sum's first line", () => {
    const files = readEmbeddedFiles(join(repoRoot, "migrations"));
    expect(dirInfo(memoryDir(files)).hash).toBe(files["atlas.sum"]!.split("\n")[0]!);
  });

  test.each([
    [
      "an edited file",
      (dir: string) => writeFileSync(join(dir, "20261125122811_initial.sql"), "SELECT 1;\n"),
      EmbedChecksumError,
      "checksum mismatch",
    ],
    [
      "a corrupt atlas.sum",
      (dir: string) => writeFileSync(join(dir, "atlas.sum"), "h1:x\n"),
      EmbedChecksumError,
      "checksum mismatch",
    ],
    [
      "a file that is not UTF-8 (even with a matching atlas.sum)",
      (dir: string) => {
        writeFileSync(join(dir, "30000101000000_bad.sql"), Buffer.from([0x2d, 0x2d, 0x20, 0xff, 0x0a]));
        const files = readdirSync(dir)
          .filter((n) => n.endsWith(".sql"))
          .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
        writeFileSync(join(dir, "atlas.sum"), formatSum(computeSum(files)));
      },
      InvalidUtf8Error,
      "migration file 30000101000000_bad.sql is not valid UTF-8 (first bad byte at offset 3)",
    ],
  ] as const)("the build refuses %s", (_name, spoil, kind, reason) => {
    const dir = copyOfMigrations();
    spoil(dir);
    expect(() => readEmbeddedFiles(dir)).toThrow(kind);
    expect(() => readEmbeddedFiles(dir)).toThrow(reason);
  });

  test("the generated module imports the entities and holds the files as JSON", () => {
    const src = embeddedModuleSource({
      migrationsDir: join(repoRoot, "migrations"),
      entitiesEntry: join(repoRoot, "entities", "index.ts"),
    });
    expect(src).toStartWith("export const embedded = { files: {");
    expect(src).toEndWith(`entities: () => import(${JSON.stringify(join(repoRoot, "entities", "index.ts"))}) };\n`);
    expect(src).toContain('"atlas.sum":');
  });
});
