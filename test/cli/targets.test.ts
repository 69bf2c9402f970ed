/**
 * Many targets: an atlas.hcl env with `for_each` (over `toset(var.tenants)`, or over a `data "sql"` query's rows)
 * runs migrate status / apply / drift / down on each of several databases of the test server, with a summary table,
 * --parallel, --continue-on-error and the exit code of the first failed target.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { type TestDatabase, testServerUrl, withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { cli, repoRoot } from "./run-cli.ts";
import { runOnPty } from "./run-on-pty.ts";

setDefaultTimeout(120_000);

const V1 = "20260101000000";
const V2 = "20260102000000";
const FILES = {
  [`${V1}_t1.sql`]: "CREATE TABLE t1 (id int NOT NULL, PRIMARY KEY (id));\n",
  [`${V2}_t2.sql`]: "CREATE TABLE t2 (id int NOT NULL, PRIMARY KEY (id));\n",
};

/** Runs `fn` with `n` throwaway databases, dropped afterwards. */
async function withDatabases(n: number, fn: (dbs: TestDatabase[]) => Promise<void>, dbs: TestDatabase[] = []) {
  if (dbs.length === n) return fn(dbs);
  await withTestDatabase((db) => withDatabases(n, fn, [...dbs, db]));
}

const byVar = (base: string) => `
variable "tenants" {
  type = list(string)
}
env "tenants" {
  for_each = toset(var.tenants)
  url      = "${base}/\${each.value}"
}
`;

const vars = (dbs: readonly TestDatabase[]) => dbs.flatMap((d) => ["--var", `tenants=${d.name}`]);

/** The summary row of a database: its cells split on runs of spaces. */
function row(stdout: string, db: TestDatabase): string[] {
  const line = stdout.split("\n").find((l) => l.startsWith("mysql://") && l.split(/\s+/)[0]!.endsWith(`/${db.name}`));
  return line?.split(/ {2,}/) ?? [];
}

/** The database's own tables (the revisions table and stats-db's journal and run log left out). */
async function tables(db: TestDatabase): Promise<string[]> {
  const [rows] = await db.conn.query("SHOW TABLES");
  const names = (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!);
  return names.filter((n) => !/^(atlas_schema_revisions|stats_db_.*)$/.test(n)).sort();
}

describe("for_each = toset(var.tenants)", () => {
  test("apply runs on every target and status reports each; the summary names from → to", async () => {
    const base = await testServerUrl();
    await withDatabases(3, async (dbs) => {
      const cwd = writeProject(FILES, byVar(base));
      const applied = cli(["migrate", "apply", "--env", "tenants", ...vars(dbs)], { cwd });
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain("=== migrate apply: 3 targets, 3 ok, 0 failed, 0 skipped ===\n");
      for (const db of dbs) {
        expect(row(applied.stdout, db)).toEqual([`${base}/${db.name}`, `- → ${V2}`, "ok", expect.stringMatching(/s$/)]);
        expect(await tables(db)).toEqual(["t1", "t2"]);
      }
      // Each target's report comes whole under its own header, in set order (names sorted), one at a time.
      const sorted = dbs.map((d) => d.name).sort();
      const headers = applied.stdout.split("\n").filter((l) => l.startsWith("=== target"));
      expect(headers).toEqual(sorted.map((name, i) => `=== target ${i + 1}/3: ${base}/${name} ===`));
      expect(applied.stdout.match(/-- 2 migrations\n/g)?.length).toBe(3);

      const status = cli(["migrate", "status", "--env", "tenants", ...vars(dbs), "--parallel", "2"], { cwd });
      expect(status.code).toBe(0);
      expect(status.stdout.match(/Migration Status: OK\n/g)?.length).toBe(3);
      // Under --parallel each target's report is still printed whole: one report between two headers.
      const reports = status.stdout.split(/^=== .*\n/m).slice(1, 4);
      expect(reports.map((r) => r.match(/^Migration Status: OK\n( {2}-- .*\n)+$/) !== null)).toEqual([
        true,
        true,
        true,
      ]);
      for (const db of dbs)
        expect(row(status.stdout, db)).toEqual([`${base}/${db.name}`, V2, "ok", expect.any(String)]);
    });
  });

  test("a failing target stops the run; --continue-on-error --parallel 2 goes on; exit 1 either way", async () => {
    const base = await testServerUrl();
    await withDatabases(3, async (dbs) => {
      const [a, b, c] = [...dbs].sort((x, y) => (x.name < y.name ? -1 : 1)) as [
        TestDatabase,
        TestDatabase,
        TestDatabase,
      ];
      // The second file fails on b: its table is there already (--allow-dirty lets the first file run).
      await b.conn.query("CREATE TABLE t2 (x int)");
      const cwd = writeProject(FILES, byVar(base));
      const args = ["migrate", "apply", "--env", "tenants", ...vars(dbs), "--allow-dirty"];
      const stopped = cli(args, { cwd });
      expect(stopped.code).toBe(1);
      expect(stopped.stdout).toContain("3 targets, 1 ok, 1 failed, 1 skipped");
      expect(row(stopped.stdout, a).slice(1, 3)).toEqual([`- → ${V2}`, "ok"]);
      const failed = row(stopped.stdout, b);
      expect(failed.slice(1, 3)).toEqual([`- → ${V1}`, "failed"]);
      expect(failed[4]).toContain("Error: ");
      expect(failed[4]).toContain("t2");
      expect(row(stopped.stdout, c)).toEqual([`${base}/${c.name}`, "skipped"]);
      expect(await tables(c)).toEqual([]);
      expect(stopped.stderr).toContain("Error: ");

      const goOn = cli([...args, "--continue-on-error", "--parallel", "2"], { cwd });
      expect(goOn.code).toBe(1);
      expect(goOn.stdout).toContain("3 targets, 2 ok, 1 failed, 0 skipped");
      expect(row(goOn.stdout, a).slice(1, 3)).toEqual([`${V2} → ${V2}`, "ok"]);
      expect(row(goOn.stdout, b).slice(1, 3)).toEqual([`${V1} → ${V1}`, "failed"]);
      expect(row(goOn.stdout, c).slice(1, 3)).toEqual([`- → ${V2}`, "ok"]);
      expect(await tables(c)).toEqual(["t1", "t2"]);
    });
  });

  test("drift found on one target exits 1 as for one database; multi-target down needs --auto-approve", async () => {
    const base = await testServerUrl();
    await withDatabases(2, async (dbs) => {
      const [a, b] = [...dbs].sort((x, y) => (x.name < y.name ? -1 : 1)) as [TestDatabase, TestDatabase];
      const cwd = writeProject(FILES, byVar(base));
      expect(cli(["migrate", "apply", "--env", "tenants", ...vars(dbs)], { cwd }).code).toBe(0);
      await a.conn.query("ALTER TABLE t1 ADD COLUMN extra int");
      const drift = cli(["migrate", "drift", "--env", "tenants", ...vars(dbs), "--continue-on-error"], { cwd });
      expect(drift.code).toBe(1);
      expect(row(drift.stdout, a).slice(1)).toEqual([V2, "failed", expect.any(String), "drift found"]);
      expect(row(drift.stdout, b).slice(1, 3)).toEqual([V2, "ok"]);
      await a.conn.query("ALTER TABLE t1 DROP COLUMN extra");

      const down = ["migrate", "down", "--env", "tenants", ...vars(dbs)];
      const refused = cli(down, { cwd });
      expect(refused.code).toBe(2);
      expect(refused.stderr).toBe(
        "Error: migrate down on 2 targets needs confirmation but stdin is not a terminal: pass --auto-approve to run it on every target without asking\n",
      );
      expect(await tables(a)).toContain("t2");
      const reverted = cli([...down, "--auto-approve"], { cwd });
      expect(reverted.code).toBe(0);
      for (const db of dbs) {
        expect(row(reverted.stdout, db).slice(1, 3)).toEqual([`${V2} → ${V1}`, "ok"]);
        expect(await tables(db)).toEqual(["t1"]);
      }
    });
  });

  test("on a terminal, multi-target down lists the targets and asks once: n changes nothing, y reverts each", async () => {
    const base = await testServerUrl();
    await withDatabases(2, async (dbs) => {
      const cwd = writeProject(FILES, byVar(base));
      expect(cli(["migrate", "apply", "--env", "tenants", ...vars(dbs)], { cwd }).code).toBe(0);
      const down = ["migrate", "down", "--env", "tenants", ...vars(dbs)];
      const after = /Run migrate down on all 2 targets\? \[y\/N\] /;
      const no = await runOnPty(down, { keys: "n\r", after }, { cwd });
      expect(no.code).toBe(1);
      for (const db of dbs) expect(no.output).toContain(`  ${base}/${db.name}\r\n`);
      expect(no.output).toContain("aborted, nothing changed");
      for (const db of dbs) expect(await tables(db)).toEqual(["t1", "t2"]);
      const yes = await runOnPty(down, { keys: "y\r", after }, { cwd });
      expect(yes.code).toBe(0);
      expect(yes.output).toContain("2 targets, 2 ok, 0 failed, 0 skipped");
      for (const db of dbs) expect(await tables(db)).toEqual(["t1"]);
    });
  });

  test("SIGINT: the running target stops after its statement, no other target starts, exit 130", async () => {
    const base = await testServerUrl();
    await withDatabases(3, async (dbs) => {
      const [a, ...rest] = [...dbs].sort((x, y) => (x.name < y.name ? -1 : 1)) as [TestDatabase, ...TestDatabase[]];
      const slow = { [`${V1}_slow.sql`]: `${FILES[`${V1}_t1.sql`]}INSERT INTO t1 SELECT SLEEP(2);\n` };
      const cwd = writeProject(slow, byVar(base));
      const args = ["migrate", "apply", "--env", "tenants", ...vars(dbs)];
      const proc = Bun.spawn([process.execPath, join(repoRoot, "src", "cli", "main.ts"), ...args], {
        cwd,
        env: { ...process.env, NO_COLOR: "1" },
        stdout: "pipe",
        stderr: "pipe",
      });
      const done = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
      let running = false;
      for (let i = 0; i < 500 && !running; i++) {
        const [rows] = await a.conn.query(
          "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE DB = ? AND INFO LIKE '%SLEEP(2)%' AND ID <> CONNECTION_ID()",
          [a.name],
        );
        running = Number((rows as { n: number }[])[0]?.n) > 0;
        if (!running) await Bun.sleep(20);
      }
      expect(running).toBe(true);
      proc.kill("SIGINT");
      const [stdout, stderr, code] = await done;
      expect(code).toBe(130);
      expect(stdout).toContain("3 targets, 0 ok, 1 failed, 2 skipped");
      expect(row(stdout, a)[4]).toStartWith("interrupted by SIGINT: stopped after the running statement");
      expect(stderr).toContain("SIGINT received: stopping after the running statement");
      for (const db of rest) expect(await tables(db)).toEqual([]);
    });
  });

  test("--url with a for_each env and a bad --parallel are usage errors (exit 2)", async () => {
    const base = await testServerUrl();
    await withDatabases(2, async (dbs) => {
      const cwd = writeProject(FILES, byVar(base));
      const withUrl = cli(["migrate", "status", "--env", "tenants", ...vars(dbs), "--url", `${base}/x`], { cwd });
      expect(withUrl).toMatchObject({ code: 2, stdout: "" });
      expect(withUrl.stderr).toBe('Error: --url names one database: env "tenants" has 2 targets (drop --url)\n');
      const parallel = cli(["migrate", "status", "--env", "tenants", ...vars(dbs), "--parallel", "0"], { cwd });
      expect(parallel.code).toBe(2);
      expect(parallel.stderr).toBe('Error: --parallel needs a whole number of at least 1, got "0"\n');
      const plan = cli(["migrate", "apply", "--env", "tenants", ...vars(dbs), "--dry-run", "--out", "r.plan"], { cwd });
      expect(plan).toMatchObject({ code: 2, stdout: "" });
      expect(plan.stderr).toBe(
        'Error: --out holds one target\'s plan: env "tenants" has 2 targets (use an env with one url)\n',
      );
      expect(existsSync(join(cwd, "r.plan"))).toBe(false);
    });
  });
});

describe('data "sql" lists the targets', () => {
  const fromTable = (base: string, control: string, password = "") => `
data "sql" "tenants" {
  url   = "${base.replace("root@", `root${password}@`)}/${control}"
  query = "SELECT name FROM tenants ORDER BY name"
}
env "fleet" {
  for_each = toset(data.sql.tenants.values)
  url      = urlsetpath("${base}", each.value)
}
`;

  test("status and apply run on the databases a table lists", async () => {
    const base = await testServerUrl();
    await withDatabases(3, async ([control, ...dbs]) => {
      await control!.conn.query("CREATE TABLE tenants (name varchar(64))");
      await control!.conn.query(
        "INSERT INTO tenants VALUES (?), (?)",
        dbs.map((d) => d.name),
      );
      const cwd = writeProject(FILES, fromTable(base, control!.name));
      const applied = cli(["migrate", "apply", "--env", "fleet", "--parallel", "2"], { cwd });
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain("=== migrate apply: 2 targets, 2 ok, 0 failed, 0 skipped ===\n");
      for (const db of dbs) expect(await tables(db)).toEqual(["t1", "t2"]);
      expect(await tables(control!)).toEqual(["tenants"]);
    });
  });

  test("an unreachable source database exits 1 naming the source, its password hidden", async () => {
    await withTestDatabase(async (db) => {
      const cwd = writeProject(FILES, fromTable("mysql://root@127.0.0.1:1", db.name, ":s3cret"));
      const r = cli(["migrate", "status", "--env", "fleet"], { cwd });
      expect(r.code).toBe(1);
      expect(r.stderr).toStartWith("Error: atlas.hcl:2:1: data.sql.tenants: ");
      expect(r.stderr).not.toContain("s3cret");
      expect(r.stdout).toBe("");
    });
  });
});
