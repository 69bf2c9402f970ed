/**
 * Release plans through the CLI on a real server: `migrate apply --dry-run --out FILE [--format markdown]` writes and
 * renders the plan, `migrate apply --plan FILE` applies exactly it, and refuses (exit 1, nothing executed) when the
 * plan file, the directory, the revisions, the live schema or the target moved since.
 */
import { describe, expect, test } from "bun:test";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { cli } from "./run-cli.ts";

const FILES = {
  "001_t.sql": "CREATE TABLE t (id int NOT NULL PRIMARY KEY, a int);\n",
  "002_b.sql": "ALTER TABLE t ADD COLUMN b int;\nALTER TABLE t MODIFY a bigint;\n",
};

/** Rewrites the project's migrations (and atlas.sum) to exactly `files`. */
function setFiles(root: string, files: Record<string, string>): void {
  for (const name of ["001_t.sql", "002_b.sql", "003_c.sql"]) rmSync(join(root, "migrations", name), { force: true });
  for (const [name, text] of Object.entries(files)) writeFileSync(join(root, "migrations", name), text);
  writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(computeSum(memoryDir(files).files())));
}

async function versions(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query("SELECT version FROM atlas_schema_revisions ORDER BY version");
  return (rows as { version: string }[]).map((r) => r.version);
}

async function columns(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query(
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION",
  );
  return (rows as { c: string }[]).map((r) => r.c);
}

const sha256 = (path: string) => `sha256:${createHash("sha256").update(readFileSync(path)).digest("hex")}`;

describe("release plans (CLI)", () => {
  test("plan written and rendered by a dry run, then applied exactly; the run log has its hash; a second apply refuses", async () => {
    await withTestDatabase(async ({ url, conn, name }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "--url", url, "1"], { cwd: root }).code).toBe(0);
      const made = cli(
        ["migrate", "apply", "--url", url, "--dry-run", "--out", "release.plan", "--format", "markdown"],
        {
          cwd: root,
        },
      );
      expect(made.stderr).toContain("release plan written to release.plan (sha256:");
      expect(made.code).toBe(0);
      const planPath = join(root, "release.plan");
      const hash = sha256(planPath);
      const plan = JSON.parse(readFileSync(planPath, "utf8"));
      expect(plan).toMatchObject({
        format: "stats-db.apply-plan/v1",
        from: "001",
        to: "002",
        target: { database: name, revisionsSchema: name, driver: expect.any(String) },
        revisions: { versions: ["001"], last: "001" },
        directory: { files: ["001_t.sql", "002_b.sql"] },
      });
      expect(plan.target.address).not.toContain("@");
      expect(plan.target.server).toMatch(/^server_(id|uuid)=/);
      expect(plan.pending.map((f: { name: string }) => f.name)).toEqual(["002_b.sql"]);
      expect(plan.pending[0].statements).toEqual([
        expect.objectContaining({
          sql: "ALTER TABLE t ADD COLUMN b int;",
          cost: expect.objectContaining({ table: "t" }),
        }),
        expect.objectContaining({
          sql: "ALTER TABLE t MODIFY a bigint;",
          cost: expect.objectContaining({ algorithm: "COPY", rebuild: true, rows: 0, bytes: expect.any(Number) }),
        }),
      ]);
      // The Markdown for the ticket: hash, target, files, every statement with its cost, the apply command.
      expect(made.stdout).toStartWith(`# Release plan: \`${name}\` to version 002 from 001\n`);
      expect(made.stdout).toContain(`- Plan: \`release.plan\`, hash \`${hash}\``);
      expect(made.stdout).toContain(`database \`${name}\``);
      expect(made.stdout).toContain("| `002_b.sql` |");
      expect(made.stdout).toContain("-- statement 2\n-- cost: COPY, writers blocked: table `t`, about 0 rows, ");
      expect(made.stdout).toContain("ALTER TABLE t MODIFY a bigint;\n```");
      expect(made.stdout).toContain("stats-db migrate apply --plan release.plan");
      expect(made.stdout).not.toContain("Migrating to version");
      // Verifying the plan (a dry run of it) renders the same plan and changes nothing.
      const verified = cli(
        ["migrate", "apply", "--url", url, "--plan", "release.plan", "--dry-run", "--format", "markdown"],
        { cwd: root },
      );
      expect(verified.code).toBe(0);
      expect(verified.stdout).toContain(`- Plan: \`release.plan\`, hash \`${hash}\``);
      expect(await columns(conn)).toEqual(["id", "a"]);
      expect(await versions(conn)).toEqual(["001"]);

      const applied = cli(["migrate", "apply", "--url", url, "--plan", "release.plan"], { cwd: root });
      expect(applied.stderr).not.toContain("Error");
      expect(applied.code).toBe(0);
      expect(applied.stdout).toStartWith("Migrating to version 002 from 001 (1 migrations in total):");
      expect(await columns(conn)).toEqual(["id", "a", "b"]);
      expect(await versions(conn)).toEqual(["001", "002"]);
      const [runs] = await conn.query(
        "SELECT outcome, plan_hash FROM stats_db_run_log ORDER BY started_at DESC LIMIT 1",
      );
      expect(runs).toEqual([{ outcome: "ok", plan_hash: hash }]);

      const again = cli(["migrate", "apply", "--url", url, "--plan", "release.plan"], { cwd: root });
      expect(again.code).toBe(1);
      expect(again.stderr).toContain("Error: the plan release.plan no longer matches the target; nothing was executed");
      expect(again.stderr).toContain('  revisions: last version was "001", is "002"; applied since the plan: 002');
      rmSync(root, { recursive: true });
    });
  }, 120_000);

  test("each move refuses before any write: plan file, new file, changed file, live schema, statements, another database", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "--url", url, "1"], { cwd: root }).code).toBe(0);
      expect(cli(["migrate", "apply", "--url", url, "--dry-run", "--out", "release.plan"], { cwd: root }).code).toBe(0);
      const planPath = join(root, "release.plan");
      const good = readFileSync(planPath, "utf8");
      const refused = async (move: string, ...extra: string[]) => {
        const r = cli(["migrate", "apply", "--url", url, "--plan", "release.plan", ...extra], { cwd: root });
        expect(r.stderr).toContain(move);
        expect(r.stdout).toBe("");
        expect(r.code).toBe(1);
        expect(await versions(conn)).toEqual(["001"]);
        expect(await columns(conn)).toEqual(["id", "a"]);
      };

      writeFileSync(planPath, good.replace("ADD COLUMN b int", "ADD COLUMN evil int"));
      await refused("  plan file: its content was changed after it was written (digest mismatch)");
      writeFileSync(planPath, good);

      setFiles(root, { ...FILES, "003_c.sql": "CREATE TABLE c (id int);\n" });
      await refused("  directory: new file 003_c.sql\n  directory: atlas.sum total was h1:");
      setFiles(root, { ...FILES, "002_b.sql": "ALTER TABLE t ADD COLUMN b bigint;\n" });
      await refused("  directory: file 002_b.sql changed\n");
      setFiles(root, FILES);

      await conn.query("CREATE INDEX by_hand ON t (a)");
      await refused("  live schema: fingerprint was sha256:");
      await conn.query("DROP INDEX by_hand ON t");

      // The statements a run would send now differ (pinned): found by the dry pass, before any write.
      await refused(
        '  statements: 002_b.sql #1 was "ALTER TABLE t ADD COLUMN b int;", is "ALTER TABLE t ADD COLUMN b int, ALGORITHM=INSTANT"',
        "--pin",
      );

      await withTestDatabase(async (other) => {
        expect(cli(["migrate", "apply", "--url", other.url, "1"], { cwd: root }).code).toBe(0);
        const r = cli(["migrate", "apply", "--url", other.url, "--plan", "release.plan"], { cwd: root });
        expect(r.code).toBe(1);
        expect(r.stderr).toContain(`  target: database was "${url.split("/").at(-1)}", is "${other.name}"`);
        expect(await versions(other.conn)).toEqual(["001"]);
      });

      // Everything put back: the same plan applies.
      const ok = cli(["migrate", "apply", "--url", url, "--plan", "release.plan"], { cwd: root });
      expect(ok.stderr).not.toContain("Error");
      expect(ok.code).toBe(0);
      expect(await columns(conn)).toEqual(["id", "a", "b"]);
      rmSync(root, { recursive: true });
    });
  }, 180_000);

  test("a plan with nothing pending applies nothing and says so; flag misuse is exit 2", async () => {
    await withTestDatabase(async ({ url }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      const made = cli(["migrate", "apply", "--url", url, "--dry-run", "--out", "empty.plan", "--format", "markdown"], {
        cwd: root,
      });
      expect(made.code).toBe(0);
      expect(made.stdout).toContain("nothing to apply");
      expect(made.stdout).toContain("None: applying this plan changes nothing.");
      const r = cli(["migrate", "apply", "--url", url, "--plan", "empty.plan"], { cwd: root });
      expect(r.code).toBe(0);
      expect(r.stdout).toBe("No migration files to execute\n");

      const usage = (args: string[], message: string) => {
        const u = cli(["migrate", "apply", "--url", url, ...args], { cwd: root });
        expect(u.stderr).toContain(message);
        expect(u.code).toBe(2);
      };
      usage(["--plan", "empty.plan", "1"], "--plan applies exactly the files and options of the plan: drop [amount]");
      usage(["--plan", "empty.plan", "--to-version", "002"], "drop --to-version");
      usage(["--out", "x.plan"], "--out writes a release plan: use it with --dry-run");
      usage(["--format", "markdown"], "--format markdown renders a release plan: use it with --dry-run");
      usage(["--plan", "missing.plan"], "missing.plan is not a stats-db apply plan: cannot be read (ENOENT)");
      writeFileSync(join(root, "bad.plan"), "{}");
      usage(["--plan", "bad.plan"], "bad.plan is not a stats-db apply plan: format undefined");
      expect(existsSync(join(root, "x.plan"))).toBe(false);
      rmSync(root, { recursive: true });
    });
  }, 120_000);
});
