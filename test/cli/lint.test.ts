/** `stats-db migrate lint` end to end: report text, JSON, exit codes, --git-base in a temporary git repository. */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, mkdirSync, readdirSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli } from "./run-cli.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { gitIn } from "../support/git.ts";

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function project(files: Record<string, string>, sum = true): string {
  const root = mkdtempSync(join(tmpdir(), "stats-lint-"));
  dirs.push(root);
  mkdirSync(join(root, "migrations"));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(root, "migrations", n), t);
  if (sum)
    writeFileSync(
      join(root, "migrations", "atlas.sum"),
      formatSum(
        computeSum(
          Object.entries(files)
            .sort(([a], [b]) => (a < b ? -1 : 1))
            .map(([name, text]) => ({ name, bytes: Buffer.from(text) })),
        ),
      ),
    );
  return root;
}

const init = "CREATE TABLE `t` (`id` int NOT NULL, `a` int NOT NULL, PRIMARY KEY (`id`));\n";
const noTime = (s: string) =>
  s.replace(/\((?:[\d.]+(?:ns|µs|ms|s))\)/g, "(T)").replace(/-- [\d.]+(?:ns|µs|ms|s)\n/, "-- T\n");

describe("migrate lint", () => {
  test("prints Atlas's report and exits 1 on a destructive change", () => {
    const root = project({ "1_init.sql": init, "2_drop.sql": "ALTER TABLE `t` DROP COLUMN `a`;\n" });
    const r = cli(["migrate", "lint", "--latest", "1"], { cwd: root });
    expect(r.code).toBe(1);
    expect(noTime(r.stdout)).toBe(
      [
        "Analyzing changes from version 1 to 2 (1 migration in total):",
        "",
        "  -- analyzing version 2",
        "    -- destructive changes detected:",
        '      -- L1: Dropping non-virtual column "a" https://atlasgo.io/lint/analyzers#DS103',
        "    -- suggested fix:",
        '      -> Add a pre-migration check to ensure column "a" is NULL before dropping it',
        "  -- ok (T)",
        "",
        "  -------------------------",
        "  -- T",
        "  -- 1 version with errors",
        "  -- 1 schema change",
        "  -- 1 diagnostic",
        "",
      ].join("\n"),
    );
    expect(r.stderr).toBe("");
  });

  test("warnings only exit 0; JSON carries Atlas's field names", () => {
    const root = project({ "1_init.sql": init, "2_big.sql": "ALTER TABLE `t` MODIFY COLUMN `a` bigint NOT NULL;\n" });
    const r = cli(["migrate", "lint", "--latest", "1", "--format", "{{ json . }}"], { cwd: root });
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.Files[0].Name).toBe("2_big.sql");
    expect(j.Files[0].Reports[0].Diagnostics[0]).toMatchObject({ Pos: 0, Code: "BD101" });
    expect(j.Files[0].Error).toBeUndefined();
  });

  test("--format sarif and --format github name the file from the working directory and keep the exit code", () => {
    const root = project({ "1_init.sql": init, "2_drop.sql": "\nALTER TABLE `t` DROP COLUMN `a`;\n" });
    const sarif = cli(["migrate", "lint", "--latest", "1", "--format", "sarif"], { cwd: root });
    expect(sarif.code).toBe(1);
    const result = JSON.parse(sarif.stdout).runs[0].results[0];
    expect(result).toMatchObject({ ruleId: "DS103", level: "error" });
    expect(result.locations[0].physicalLocation).toEqual({
      artifactLocation: { uri: "migrations/2_drop.sql", uriBaseId: "%SRCROOT%" },
      region: { startLine: 2 },
    });
    const github = cli(
      ["migrate", "lint", "--latest", "1", "--format", "github", "--dir", `file://${root}/migrations`],
      {
        cwd: root,
      },
    );
    expect(github.code).toBe(1);
    expect(github.stdout).toStartWith("::error file=migrations/2_drop.sql,line=2,title=DS103%3A ");
    const bad = cli(["migrate", "lint", "--latest", "1", "--format", "xml"], { cwd: root });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('unsupported --format "xml": use json, {{ json . }}, sarif or github');
  });

  test("an edited file fails the atlas.sum check", () => {
    const root = project({ "1_init.sql": init, "2_x.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n" });
    writeFileSync(join(root, "migrations", "2_x.sql"), "ALTER TABLE `t` ADD COLUMN `c` int NULL;\n");
    const r = cli(["migrate", "lint", "--latest", "1"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Error: checksum mismatch (atlas.sum): L3: 2_x.sql was edited");
  });

  test("a statement the parser cannot model is an error, never skipped", () => {
    const root = project({ "1_init.sql": init, "2_temp.sql": "CREATE TEMPORARY TABLE `x` (`id` int);\n" });
    const r = cli(["migrate", "lint", "--latest", "1"], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stdout).toContain("Error: 2_temp.sql:1:");
  });

  test.each([
    [["migrate", "lint"], "--latest or --git-base is required"],
    [["migrate", "lint", "--latest", "1", "--git-base", "main"], "--latest and --git-base are mutually exclusive"],
    [["migrate", "lint", "--latest", "1", "--dev-url", "mysql://root:secret@localhost"], "names no database"],
    [["migrate", "lint", "--latest", "x"], "--latest needs a whole number"],
  ])("usage: %p", (args, message) => {
    const root = project({ "1_init.sql": init });
    const r = cli(args, { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain("secret");
  });

  test("the project's own migrations lint clean", () => {
    const r = cli(["migrate", "lint", "--latest", "1"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("no diagnostics found");
  });

  test("--git-base main: files added on the branch, out-of-order files are errors", () => {
    const root = project({ "1_init.sql": init, "3_b.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n" });
    const git = gitIn(root);
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    git("checkout", "-qb", "feature");
    const files = {
      "1_init.sql": init,
      "2_late.sql": "ALTER TABLE `t` DROP COLUMN `a`;\n",
      "3_b.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n",
      "4_c.sql": "ALTER TABLE `t` ADD COLUMN `c` int NULL;\n",
    };
    writeFileSync(join(root, "migrations", "2_late.sql"), files["2_late.sql"]);
    writeFileSync(join(root, "migrations", "4_c.sql"), files["4_c.sql"]);
    writeFileSync(
      join(root, "migrations", "atlas.sum"),
      formatSum(computeSum(Object.entries(files).map(([name, text]) => ({ name, bytes: Buffer.from(text) })))),
    );
    git("add", ".");
    git("commit", "-qm", "feature");
    const r = cli(["migrate", "lint", "--git-base", "main", "--format", "json"], { cwd: root });
    expect(r.code).toBe(1);
    const j = JSON.parse(r.stdout);
    expect(j.Files.map((f: { Name: string }) => f.Name)).toEqual(["2_late.sql", "3_b.sql", "4_c.sql"]);
    const codes = j.Files[0].Reports.flatMap((x: { Diagnostics: { Code: string }[] }) =>
      x.Diagnostics.map((d) => d.Code),
    );
    expect(codes).toEqual(["NL101", "DS103"]);
    expect(j.Files[2].Reports).toBeUndefined();
    const bad = cli(["migrate", "lint", "--git-base", "no-such-ref"], { cwd: root });
    expect(bad.code).toBe(2); // a bad --git-base is bad input (GitError → 2 in src/cli/exit-codes.ts)
    expect(bad.stderr).toContain('Error: git diff against "no-such-ref" failed');
  });

  test("--git-base main: staged and untracked files are new too, not base files that make the committed ones out of order", () => {
    const b = "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n";
    const root = project({ "1_init.sql": init, "3_b.sql": b });
    const git = gitIn(root);
    git("init", "-q", "-b", "main");
    git("add", ".");
    git("commit", "-qm", "base");
    git("checkout", "-qb", "feature");
    const files: Record<string, string> = {
      "1_init.sql": init,
      "3_b.sql": b,
      "4_c.sql": "ALTER TABLE `t` ADD COLUMN `c` int NULL;\n",
    };
    const write = (name: string, text: string) => {
      files[name] = text;
      writeFileSync(join(root, "migrations", name), text);
      writeFileSync(
        join(root, "migrations", "atlas.sum"),
        formatSum(computeSum(Object.entries(files).map(([n, t]) => ({ name: n, bytes: Buffer.from(t) })))),
      );
    };
    write("4_c.sql", files["4_c.sql"]!);
    git("add", ".");
    git("commit", "-qm", "committed");
    write("5_d.sql", "ALTER TABLE `t` ADD COLUMN `d` int NULL;\n");
    git("add", "migrations/5_d.sql");
    write("6_e.sql", "ALTER TABLE `t` ADD COLUMN `e` int NULL;\n");
    const r = cli(["migrate", "lint", "--git-base", "main", "--format", "json"], { cwd: root });
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.Files.map((f: { Name: string }) => f.Name)).toEqual(["4_c.sql", "5_d.sql", "6_e.sql"]);
    expect(r.stdout).not.toContain("NL101");
  });

  test("the base replays from the replay cache: a second run reads it, and the report is the same", () => {
    const root = project({
      "1_init.sql": init,
      "2_add.sql": "ALTER TABLE `t` ADD COLUMN `b` int NULL;\n",
      "3_drop.sql": "ALTER TABLE `t` DROP COLUMN `a`;\n",
    });
    const env = { STATS_DB_CACHE_DIR: join(root, "cache") };
    const first = cli(["migrate", "lint", "--latest", "1"], { cwd: root, env });
    const entries = readdirSync(join(root, "cache")).filter((n) => n.endsWith(".json"));
    expect(entries).toHaveLength(1);
    const entry = join(root, "cache", entries[0]!);
    utimesSync(entry, 1000, 1000);
    const second = cli(["migrate", "lint", "--latest", "1"], { cwd: root, env });
    // A hit renews the entry.
    expect(statSync(entry).mtimeMs).toBeGreaterThan(1_000_000);
    expect(first.code).toBe(1);
    expect(noTime(second.stdout)).toBe(noTime(first.stdout));
    expect(second.stdout).toContain('Dropping non-virtual column "a"');
  });
});
