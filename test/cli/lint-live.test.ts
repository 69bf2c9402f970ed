/**
 * `stats-db migrate lint` against real servers: `--dev-url` (the base files executed on a clean dev database, from
 * the flag or the env's `dev`; a dirty one refused), and `--url` (live row counts in blocking warnings, errors above
 * `--max-rows` or `lint { max_rows = N }` of atlas.hcl); exit codes; no password in any output.
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

function project(files: Record<string, string>, hcl?: string): string {
  const root = mkdtempSync(join(tmpdir(), "stats-lint-live-"));
  dirs.push(root);
  mkdirSync(join(root, "migrations"));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(root, "migrations", n), t);
  const sorted = Object.entries(files).sort(([a], [b]) => (a < b ? -1 : 1));
  writeFileSync(
    join(root, "migrations", "atlas.sum"),
    formatSum(computeSum(sorted.map(([name, text]) => ({ name, bytes: Buffer.from(text) })))),
  );
  if (hcl !== undefined) writeFileSync(join(root, "atlas.hcl"), hcl);
  return root;
}

const init = "CREATE TABLE `t` (`id` int NOT NULL, `a` int NOT NULL, PRIMARY KEY (`id`));\n";
const noTime = (s: string) =>
  s.replace(/\((?:[\d.]+(?:ns|µs|ms|s))\)/g, "(T)").replace(/-- [\d.]+(?:ns|µs|ms|s)\n/, "-- T\n");
const codes = (stdout: string): string[] =>
  JSON.parse(stdout).Files.flatMap((f: { Reports?: { Diagnostics: { Code: string }[] }[] }) =>
    (f.Reports ?? []).flatMap((r) => r.Diagnostics.map((d) => d.Code)),
  );

describe("migrate lint --dev-url", () => {
  test("prints what the in-memory lint prints, and leaves the dev database empty", async () => {
    const root = project({
      "1_init.sql": init,
      "2_drop.sql": "ALTER TABLE `t` DROP COLUMN `a`;\nALTER TABLE `t` MODIFY COLUMN `id` bigint NOT NULL;\n",
    });
    const memory = cli(["migrate", "lint", "--latest", "1", "--flavor", "mariadb"], { cwd: root });
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: root });
      expect(r.stderr).toBe("");
      expect(r.code).toBe(1);
      expect(noTime(r.stdout)).toBe(noTime(memory.stdout));
      expect(r.stdout).toContain("DS103");
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });

  test("replays on the server what the in-memory replay cannot model (CREATE TABLE … LIKE), from the flag or the env's dev", async () => {
    const files = {
      "1_init.sql": `${init}CREATE TABLE \`t2\` LIKE \`t\`;\n`,
      "2_drop.sql": "ALTER TABLE `t2` DROP COLUMN `a`;\n",
    };
    const memory = cli(["migrate", "lint", "--latest", "1"], { cwd: project(files) });
    expect(memory.code).toBe(1);
    expect(memory.stdout).toContain("unsupported statement: CREATE TABLE … LIKE");
    await withTestDatabase(async (dev) => {
      const flag = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url, "--format", "json"], {
        cwd: project(files),
      });
      expect(flag.stderr).toBe("");
      expect(codes(flag.stdout)).toEqual(["DS103"]);
      expect(JSON.parse(flag.stdout).Files[0].Reports[0].Diagnostics[0].Text).toBe('Dropping non-virtual column "a"');
      const env = cli(["migrate", "lint", "--env", "ci", "--latest", "1", "--format", "json"], {
        cwd: project(files, `env "ci" {\n  dev = "${dev.url}"\n}\n`),
      });
      expect(env.stderr).toBe("");
      expect(codes(env.stdout)).toEqual(["DS103"]);
    });
  });

  test("a base statement the dev server refuses is reported with its file and line (exit 1)", async () => {
    const root = project({
      "1_init.sql": `${init}CREATE TABLE \`u\` (\`id\` nosuchtype);\n`,
      "2_x.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n",
    });
    await withTestDatabase(async (dev) => {
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stdout).toContain("  Error: 1_init.sql:2: executing statement on the dev database: ");
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect(tables).toEqual([]);
    });
  });

  test("a dev database that holds a table is refused (exit 1, Atlas's message) and not touched", async () => {
    const root = project({ "1_init.sql": init, "2_x.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n" });
    await withTestDatabase(async (dev) => {
      await dev.conn.query("CREATE TABLE `leftover` (`id` int)");
      const r = cli(["migrate", "lint", "--latest", "1", "--dev-url", dev.url], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stdout).toBe("");
      expect(r.stderr).toBe(
        `Error: sql/migrate: connected database is not clean: found table "leftover" in schema "${dev.name}"\n`,
      );
      const [tables] = await dev.conn.query("SHOW TABLES");
      expect((tables as Record<string, string>[]).map((row) => Object.values(row)[0])).toEqual(["leftover"]);
    });
  });
});

describe("migrate lint --url", () => {
  const files = { "1_init.sql": init, "2_big.sql": "ALTER TABLE `t` MODIFY COLUMN `a` bigint NOT NULL;\n" };
  const withTarget = (fn: (url: string) => Promise<void>) =>
    withTestDatabase(async (target) => {
      await target.conn.query(init);
      await target.conn.query("INSERT INTO `t` VALUES (1, 1), (2, 2), (3, 3)");
      await target.conn.query("ANALYZE TABLE `t`");
      await fn(target.url);
    });
  const diagnostic = (stdout: string) => JSON.parse(stdout).Files[0].Reports[0].Diagnostics[0];

  test("the blocking warning shows the live row count; above --max-rows it is an error", async () => {
    await withTarget(async (url) => {
      const warn = cli(["migrate", "lint", "--latest", "1", "--url", url], { cwd: project(files) });
      expect(warn.stderr).toBe("");
      expect(warn.code).toBe(0);
      expect(warn.stdout).toContain('-- L1: Table "t" (about 3 rows) is copied to change the type of column "a"');
      const cases: [string, number, string][] = [
        ["2", 1, 'Table "t" (about 3 rows, above max_rows 2) is copied'],
        ["3", 0, 'Table "t" (about 3 rows) is copied'],
      ];
      for (const [max, code, text] of cases) {
        const r = cli(["migrate", "lint", "--latest", "1", "--url", url, "--max-rows", max, "--format", "json"], {
          cwd: project(files),
        });
        expect({ max, code: r.code, stderr: r.stderr }).toEqual({ max, code, stderr: "" });
        expect(diagnostic(r.stdout)).toMatchObject({ Code: "BD101" });
        expect(diagnostic(r.stdout).Text).toStartWith(text);
        expect(JSON.parse(r.stdout).Files[0].Error !== undefined).toBe(code === 1);
      }
    });
  });

  test("lint { max_rows = N } of atlas.hcl with --env, the env's url, and --max-rows over it", async () => {
    await withTarget(async (url) => {
      const root = project(files, `lint {\n  max_rows = 2\n}\nenv "ci" {\n  url = "${url}"\n}\n`);
      const fromHcl = cli(["migrate", "lint", "--env", "ci", "--latest", "1"], { cwd: root });
      expect(fromHcl.stderr).toBe("");
      expect(fromHcl.code).toBe(1);
      expect(fromHcl.stdout).toContain('Table "t" (about 3 rows, above max_rows 2)');
      expect(fromHcl.stdout).toContain("-- 1 version with errors");
      const overridden = cli(["migrate", "lint", "--env", "ci", "--latest", "1", "--max-rows", "10"], { cwd: root });
      expect(overridden.code).toBe(0);
      expect(overridden.stdout).toContain('Table "t" (about 3 rows) is copied');
      const noUrl = cli(["migrate", "lint", "--latest", "1"], { cwd: root });
      expect(noUrl.code).toBe(0);
      expect(noUrl.stdout).toContain('-- L1: Table "t" is copied');
    });
  });

  test("an unreachable --url fails with one line and no password (exit 1)", () => {
    const r = cli(["migrate", "lint", "--latest", "1", "--url", "mysql://root:s3cret@127.0.0.1:1/app"], {
      cwd: project(files),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toStartWith("Error: ");
    expect(r.stderr.trim().split("\n")).toHaveLength(1);
    expect(r.stdout + r.stderr).not.toContain("s3cret");
  });

  test.each([
    [["--max-rows", "x"], "--max-rows needs a whole number"],
    [["--url", "mysql://root:s3cret@127.0.0.1:3306"], "names no database"],
  ])("usage: %p exits 2", (extra, message) => {
    const r = cli(["migrate", "lint", "--latest", "1", ...extra], { cwd: project(files) });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain("s3cret");
  });
});
