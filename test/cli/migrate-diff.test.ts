import { describe, expect, setDefaultTimeout, test } from "bun:test";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  statSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, repoRoot } from "./run-cli.ts";

const fixture = (name: string) => join(repoRoot, "test", "fixtures", "entities", name);
const tmp = () => mkdtempSync(join(tmpdir(), "stats-db-cli-"));
// Each test spawns the CLI several times; allow for a loaded machine.
setDefaultTimeout(60_000);

const SYNCED = "The migration directory is synced with the desired state, no changes to be made\n";

describe("stats-db migrate diff", () => {
  test("writes one file and atlas.sum, then reports the directory synced", () => {
    const dir = tmp();
    const first = cli(["migrate", "diff", "init", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]);
    expect(first.stderr).toContain("Wrote ");
    expect(first.code).toBe(0);
    const files = readdirSync(dir).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^\d{14}_init\.sql$/);
    expect(files[1]).toBe("atlas.sum");
    const sql = readFileSync(join(dir, files[0]!), "utf8");
    expect(sql).toContain('-- Create "sites" table\nCREATE TABLE `sites`');
    expect(sql.indexOf("CREATE TABLE `sites`")).toBeLessThan(sql.indexOf("CREATE TABLE `hits`"));
    const again = cli(["diff", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]);
    expect(again).toMatchObject({ code: 0, stdout: SYNCED });
  });

  test("an entity edit gives exactly the ALTER statements, with the declared rename", () => {
    const dir = tmp();
    expect(cli(["diff", "init", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]).code).toBe(0);
    // Distinct timestamps: the names carry seconds.
    Bun.sleepSync(1100);
    const r = cli(["diff", "add_referrer_host", "--dir", `file://${dir}`, "--to", `file://${fixture("v2.ts")}`]);
    expect(r.code).toBe(0);
    const name = readdirSync(dir).find((f) => f.endsWith("_add_referrer_host.sql"))!;
    const body = readFileSync(join(dir, name), "utf8");
    expect(body).toContain("RENAME COLUMN `host` TO `hostname`");
    expect(body).toContain("ADD COLUMN `referrer_host` varchar(255) NULL");
    expect(body).not.toContain("DROP COLUMN");
    expect(cli(["diff", "--dir", `file://${dir}`, "--to", `file://${fixture("v2.ts")}`]).stdout).toBe(SYNCED);
    expect(cli(["migrate", "validate", "--dir", `file://${dir}`]).code).toBe(0);
  });

  test("--dry-run prints the file and writes nothing", () => {
    const dir = tmp();
    const r = cli(["diff", "x", "--dry-run", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("CREATE TABLE `hits`");
    expect(readdirSync(dir)).toEqual([]);
  });

  test("--check fails when out of sync and passes when in sync", () => {
    const dir = tmp();
    expect(cli(["diff", "--check", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]).code).toBe(1);
    cli(["diff", "init", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]);
    expect(cli(["diff", "--check", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]).code).toBe(0);
  });

  test("broken entities: one line per problem, exit 2, nothing written", () => {
    const dir = tmp();
    const r = cli(["diff", "x", "--dir", `file://${dir}`, "--to", `file://${fixture("broken.ts")}`]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('table "child" column "x": named in index "child_x" but not declared');
    expect(r.stderr).toContain(
      'table "child" column "parent_id": foreign key "child_parent" uses SET NULL but the column is NOT NULL',
    );
    expect(r.stderr).not.toContain("    at ");
    expect(readdirSync(dir)).toEqual([]);
  });

  test("a tampered migration file is refused with Atlas's checksum report", () => {
    const dir = tmp();
    cli(["diff", "init", "--dir", `file://${dir}`, "--to", `file://${fixture("v1.ts")}`]);
    const name = readdirSync(dir).find((f) => f.endsWith(".sql"))!;
    writeFileSync(join(dir, name), readFileSync(join(dir, name), "utf8") + "-- edited\n");
    const r = cli(["diff", "--dir", `file://${dir}`, "--to", `file://${fixture("v2.ts")}`]);
    expect(r.code).toBe(1);
    expect(r.stdout).toContain(`You have a checksum error in your migration directory.\n\n\tL2: ${name} was edited\n`);
    expect(r.stderr).toBe("Error: checksum mismatch\n");
    expect(cli(["migrate", "validate", "--dir", `file://${dir}`]).code).toBe(1);
    expect(cli(["migrate", "hash", "--dir", `file://${dir}`]).code).toBe(0);
    expect(cli(["migrate", "validate", "--dir", `file://${dir}`]).code).toBe(0);
  });

  test("an unknown flag is a usage error with exit code 2", () => {
    const r = cli(["diff", "--bogus"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Error: unknown flag: --bogus\n");
  });

  test("the project's own migrations are in sync with its entities", () => {
    const r = cli(["diff", "--check"]);
    expect(r.stderr).toBe("");
    expect(r).toMatchObject({ code: 0, stdout: SYNCED });
  });

  test("a copy of the project diffs with no flags at all (bunx stats-db diff)", () => {
    const dir = tmp();
    for (const d of ["entities", "migrations", "src"]) cpSync(join(repoRoot, d), join(dir, d), { recursive: true });
    symlinkSync(join(repoRoot, "node_modules"), join(dir, "node_modules"));
    expect(cli(["diff"], { cwd: dir })).toMatchObject({ code: 0, stdout: SYNCED });
  });

  test("a written file leaves the new directory's replay in the cache: the next diff reads it and stores nothing", () => {
    const dir = tmp();
    const env = { STATS_DB_CACHE_DIR: join(dir, "cache") };
    const args = ["diff", "--dir", `file://${join(dir, "migrations")}`, "--to", `file://${fixture("v1.ts")}`];
    expect(cli([...args.slice(0, 1), "init", ...args.slice(1)], { env }).code).toBe(0);
    const entries = () => readdirSync(join(dir, "cache")).sort();
    // The entities' schema and the replay of the directory with the new file.
    const stored = entries();
    expect(stored).toHaveLength(2);
    for (const e of stored) utimesSync(join(dir, "cache", e), 1000, 1000);
    expect(cli(args, { env })).toMatchObject({ code: 0, stdout: SYNCED });
    expect(entries()).toEqual(stored);
    // Both were hits (a hit renews its entry).
    for (const e of stored) expect(statSync(join(dir, "cache", e)).mtimeMs).toBeGreaterThan(1_000_000);
  });
});

describe("stats-db schema diff", () => {
  test("prints the SQL from one DDL file to another, or that they are synced", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.sql"), "CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));\n");
    writeFileSync(join(dir, "b.sql"), "CREATE TABLE t (id int NOT NULL, name varchar(10) NULL, PRIMARY KEY (id));\n");
    const r = cli(["schema", "diff", "--from", `file://${dir}/a.sql`, "--to", `file://${dir}/b.sql`]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('-- Modify "t" table\nALTER TABLE `t` ADD COLUMN `name` varchar(10) NULL;\n');
    const same = cli(["schema", "diff", "--from", `file://${dir}/a.sql`, "--to", `file://${dir}/a.sql`]);
    expect(same.stdout).toBe("Schemas are synced, no changes to be made.\n");
  });

  test("a statement the parser cannot model is an error naming file and line", () => {
    const dir = tmp();
    writeFileSync(join(dir, "a.sql"), "CREATE TABLE t (id int);\n\nCREATE TEMPORARY TABLE x (id int);\n");
    const r = cli(["schema", "diff", "--from", `file://${dir}/a.sql`, "--to", `file://${dir}/a.sql`]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/a\.sql:3: /);
  });
});
