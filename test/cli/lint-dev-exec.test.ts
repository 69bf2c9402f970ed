/**
 * `migrate lint --dev-url` executes the new files on the dev database after the base (as Atlas does): a statement
 * the server refuses — one the offline parser accepts — is an error-level SR101 diagnostic naming the file, the line
 * and the server's message, and the dev database is left empty.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>): string {
  const root = mkdtempSync(join(tmpdir(), "stats-lint-exec-"));
  dirs.push(root);
  mkdirSync(join(root, "migrations"));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(root, "migrations", n), t);
  writeFileSync(
    join(root, "migrations", "atlas.sum"),
    formatSum(
      computeSum(
        Object.keys(files)
          .sort()
          .map((name) => ({ name, bytes: Buffer.from(files[name]!) })),
      ),
    ),
  );
  return root;
}

const init = "CREATE TABLE `t` (`id` int NOT NULL, PRIMARY KEY (`id`));\n";
/** The report with Atlas's line wrapping undone. */
const flat = (s: string) => s.replace(/\s+/g, " ");
const noTime = (s: string) =>
  s.replace(/\((?:[\d.]+(?:ns|µs|ms|s))\)/g, "(T)").replace(/-- [\d.]+(?:ns|µs|ms|s)\n/, "-- T\n");

const badDefault = {
  "1_init.sql": init,
  "2_add.sql": "ALTER TABLE `t` ADD COLUMN `a` int NULL;\nALTER TABLE `t` ADD COLUMN `c` int NULL DEFAULT 'abc';\n",
};
const longName = { "1_init.sql": init, "2_long.sql": `CREATE TABLE \`${"a".repeat(65)}\` (id int);\n` };

describe("migrate lint --dev-url executes the new files", () => {
  test("a bad default the offline analysis accepts is an SR101 error with file, line and the server's message", async () => {
    const root = project(badDefault);
    const memory = cli(["migrate", "lint", "--latest", "1", "--flavor", "mariadb"], { cwd: root });
    expect(memory.code).toBe(0);
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe("");
      expect(flat(r.stdout)).toContain(
        "-- statement rejected by the dev database: -- L2: 2_add.sql:2: executing statement on the dev database: Error 1067 (42000): Invalid default value for 'c' [SR101] -- ok",
      );
      expect(r.stdout).toContain("-- 1 version with errors");
      const json = JSON.parse(
        cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url, "--format", "json"], { cwd: root }).stdout,
      );
      expect(json.Files[0].Error).toBe("statement rejected by the dev database");
      expect(json.Files[0].Reports[0].Diagnostics[0]).toMatchObject({ Pos: 41, Code: "SR101" });
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });

  test("an identifier over 64 characters is refused by the dev database; a sound file after the base still lints as in memory", async () => {
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: project(longName) });
      expect(r.code).toBe(1);
      expect(flat(r.stdout)).toMatch(
        /-- L1: 2_long\.sql:1: executing statement on the dev database: Error 1103 \(42000\): Incorrect table name 'a{65}' \[SR101\]/,
      );
      const sound = project({ "1_init.sql": init, "2_ok.sql": "ALTER TABLE `t` ADD COLUMN `a` int NULL;\n" });
      const memory = cli(["migrate", "lint", "--latest", "1", "--flavor", "mariadb"], { cwd: sound });
      const ok = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: sound });
      expect(ok.code).toBe(0);
      expect(noTime(ok.stdout)).toBe(noTime(memory.stdout));
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });

  test("a file that atlas:nolint skips is still executed: its refused statement is reported", async () => {
    const root = project({
      "1_init.sql": init,
      "2_quiet.sql": "-- atlas:nolint\n\nALTER TABLE `t` ADD COLUMN `c` int NULL DEFAULT 'abc';\n",
    });
    const memory = cli(["migrate", "lint", "--latest", "1", "--flavor", "mariadb"], { cwd: root });
    expect(memory.code).toBe(0);
    expect(memory.stdout).toBe("");
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: root });
      expect(r.code).toBe(1);
      expect(flat(r.stdout)).toContain(
        "-- L3: 2_quiet.sql:3: executing statement on the dev database: Error 1067 (42000): Invalid default value for 'c' [SR101]",
      );
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });

  test("the files after a refused one are analysed in memory only: one SR101, on the file that was refused", async () => {
    const root = project({
      "1_init.sql": init,
      "2_bad.sql": `ALTER TABLE \`t\` ADD COLUMN \`${"c".repeat(65)}\` int NULL;\n`,
      "3_next.sql": "ALTER TABLE `t` ADD COLUMN `d` int NULL;\n",
    });
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "2", "--dev-url", dev.url, "--format", "json"], { cwd: root });
      expect(r.code).toBe(1);
      const files = JSON.parse(r.stdout).Files as {
        Name: string;
        Error?: string;
        Reports?: { Diagnostics: { Code: string; Text: string }[] }[];
      }[];
      expect(files.map((f) => [f.Name, f.Error ?? null])).toEqual([
        ["2_bad.sql", "statement rejected by the dev database"],
        ["3_next.sql", null],
      ]);
      expect(files[0]!.Reports![0]!.Diagnostics[0]!.Text).toMatch(
        /^2_bad\.sql:1: executing statement on the dev database: Error 1059 \(42000\): Identifier name 'c{65}' is too long$/,
      );
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });
});
