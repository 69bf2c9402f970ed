/**
 * The compiled binary against a real server, copied to an empty directory and run with `env -i` (no Bun, no Node, no
 * node_modules): status, apply --dry-run, apply, status, down — as root and as a user holding exactly `stats-db grants`.
 * The release binary embeds the repository's migrations; a second build embeds a small two-file directory so that every
 * step (down included) has exact expected output.
 */
import { withoutCostLines } from "../support/cost-lines.ts";
import { beforeAll, describe, expect, test } from "bun:test";
import { createHash, randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { grantStatements } from "../../src/cli/commands/grants.ts";
import { openLocalDir } from "../../src/migrate/dir/local.ts";
import { repoRoot } from "../cli/run-cli.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { builtBinary } from "./built-binary.ts";
import { isolatedCopy, runIsolated } from "./run-binary.ts";

const FIXTURE = join(import.meta.dir, "fixtures", "mariadb-migrations");
let bin: { dir: string; exe: string };

beforeAll(async () => {
  bin = isolatedCopy(await builtBinary(FIXTURE));
}, 120_000);

// Every output of the binary in this file, to check that no password ever shows up.
const printed: string[] = [];
function run(args: string[]) {
  const r = runIsolated(bin.exe, args, { cwd: bin.dir });
  printed.push(r.stdout, r.stderr);
  return r;
}

async function columns(conn: Connection, table: string): Promise<string[]> {
  const [rows] = await conn.query(
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
    [table],
  );
  return (rows as { c: string }[]).map((r) => r.c);
}

const status = (current: string, next: string, executed: number, pending: number) =>
  [
    `  -- Current Version: ${current}`,
    `  -- Next Version:    ${next}`,
    `  -- Executed Files:  ${executed}`,
    `  -- Pending Files:   ${pending}`,
  ].join("\n") + "\n";

// status → apply --dry-run (nothing changes) → apply → status → down --dry-run → down → status, the URL the only input.
async function releaseSequence(url: string, conn: Connection): Promise<void> {
  expect(run(["migrate", "status", "--url", url])).toEqual({
    code: 0,
    stdout: "Migration Status: PENDING\n" + status("No migration applied yet", "20260101000000", 0, 2),
    stderr: "",
  });

  const dry = run(["migrate", "apply", "--dry-run", "--url", url]);
  expect(dry.code).toBe(0);
  expect(dry.stdout).toStartWith("Migrating to version 20260102000000 (2 migrations in total):\n");
  expect(dry.stdout).toContain(
    "    -> ALTER TABLE `events` ADD COLUMN `site` varchar(255) NULL, ADD INDEX `events_site` (`site`);\n",
  );
  expect(await columns(conn, "events")).toEqual([]);

  const applied = run(["migrate", "apply", "--url", url]);
  expect(applied).toMatchObject({ code: 0, stderr: "" });
  expect(applied.stdout).toContain("  -- 2 migrations\n  -- 2 sql statements\n");
  expect(await columns(conn, "events")).toEqual(["id", "name", "site"]);

  expect(run(["migrate", "status", "--url", url])).toEqual({
    code: 0,
    stdout: "Migration Status: OK\n" + status("20260102000000", "Already at latest version", 2, 0),
    stderr: "",
  });
  expect(run(["migrate", "apply", "--url", url])).toEqual({
    code: 0,
    stdout: "No migration files to execute\n",
    stderr: "",
  });

  const downDry = run(["migrate", "down", "--dry-run", "--url", url]);
  expect(downDry.code).toBe(0);
  expect(downDry.stdout).toStartWith(
    "Migrating down from version 20260102000000 to 20260101000000 (1 migration in total):\n",
  );
  expect(downDry.stdout).toContain("    -> ALTER TABLE `events` DROP COLUMN `site`\n");
  expect(await columns(conn, "events")).toEqual(["id", "name", "site"]);

  expect(run(["migrate", "down", "--url", url])).toMatchObject({ code: 0, stderr: "" });
  expect(await columns(conn, "events")).toEqual(["id", "name"]);
  expect(run(["migrate", "status", "--url", url])).toEqual({
    code: 0,
    stdout: "Migration Status: PENDING\n" + status("20260101000000", "20260102000000", 1, 1),
    stderr: "",
  });
}

describe("the release binary (the repository's migrations and entities) under env -i", () => {
  test("apply, status OK, and the live schema equals the embedded entities", async () => {
    const files = openLocalDir(join(repoRoot, "migrations")).files();
    const release = isolatedCopy(await builtBinary());
    const runRelease = (args: string[]) => runIsolated(release.exe, args, { cwd: release.dir });
    await withTestDatabase(async ({ url }) => {
      expect(runRelease(["migrate", "status", "--url", url]).stdout).toStartWith("Migration Status: PENDING\n");
      const applied = runRelease(["migrate", "apply", "--url", url]);
      // hourly_usage is partitioned by a table copy: apply prices that statement on stderr, and says nothing else there.
      expect({ code: applied.code, stderr: withoutCostLines(applied.stderr) }).toEqual({ code: 0, stderr: "" });
      expect(applied.stdout).toStartWith(
        `Migrating to version ${files.at(-1)!.version} (${files.length} migrations in total):\n`,
      );
      expect(runRelease(["migrate", "status", "--url", url]).stdout).toStartWith("Migration Status: OK\n");
      // The run log names the binary that applied by its SHA-256.
      const [run] = JSON.parse(runRelease(["migrate", "log", "--url", url, "--format", "json"]).stdout);
      expect(run).toMatchObject({ Command: "migrate apply", Outcome: "ok", Statements: expect.any(Number) });
      expect(run.BinarySHA256).toBe(createHash("sha256").update(readFileSync(release.exe)).digest("hex"));
      expect(runRelease(["schema", "diff", "--from", url, "--to", "file://entities"])).toEqual({
        code: 0,
        stdout: "Schemas are synced, no changes to be made.\n",
        stderr: "",
      });
    });
  }, 120_000);
});

describe("compiled binary under env -i against the test server", () => {
  test("version names the embedded fixture directory", () => {
    expect(run(["version"]).stdout).toContain("migrations: 20260102000000 (latest of 2 files embedded)\n");
  });

  test("status, apply --dry-run, apply, status, down as root; schema diff against mem://embedded finds drift", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      // A fresh database: nothing applied, and version=none names that state.
      expect(run(["migrate", "status", "--url", url]).stdout).toContain(
        "  -- Current Version: No migration applied yet\n",
      );
      expect(run(["schema", "diff", "--from", url, "--to", "mem://embedded?version=none", "--exit-code"])).toEqual({
        code: 0,
        stdout: "Schemas are synced, no changes to be made.\n",
        stderr: "",
      });
      expect(run(["migrate", "apply", "1", "--url", url]).code).toBe(0);
      // Before a release: the live schema against the embedded files up to the version it is at.
      const atCurrent = ["schema", "diff", "--from", url, "--to", "mem://embedded?version=20260101000000"];
      expect(run(atCurrent)).toEqual({ code: 0, stdout: "Schemas are synced, no changes to be made.\n", stderr: "" });
      expect(run(["schema", "diff", "--from", url, "--to", "mem://embedded?version=2026"])).toMatchObject({
        code: 2,
        stderr:
          "Error: mem://embedded?version=2026: no embedded migration has version 2026 (use none for a database with no migration applied)\n",
      });
      await conn.query("DROP TABLE `atlas_schema_revisions`, `events`");
      await releaseSequence(url, conn);
      // After the down the database is at the first version again; against all files the second one shows up.
      expect(run(["schema", "diff", "--from", url, "--to", "mem://embedded"]).stdout).toContain(
        "ADD COLUMN `site` varchar(255) NULL",
      );
      const drift = ["schema", "diff", "--from", url, "--to", "mem://embedded?version=20260101000000"];
      expect(run(drift)).toEqual({ code: 0, stdout: "Schemas are synced, no changes to be made.\n", stderr: "" });
      expect(run([...drift, "--exit-code"])).toMatchObject({ code: 0, stderr: "" });
      await conn.query("ALTER TABLE `events` ADD COLUMN `hotfix` int NULL");
      expect(run(drift)).toEqual({
        code: 0,
        stdout: '-- Modify "events" table\nALTER TABLE `events` DROP COLUMN `hotfix`;\n',
        stderr: "",
      });
      expect(run([...drift, "--exit-code"])).toEqual({
        code: 1,
        stdout: '-- Modify "events" table\nALTER TABLE `events` DROP COLUMN `hotfix`;\n',
        stderr: "Error: the schemas differ: 1 change (the statements above)\n",
      });
    });
  }, 60_000);

  test("the same as a user holding exactly the printed grants; the password is never printed", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      const user = `stats_bin_${randomBytes(4).toString("hex")}`;
      const password = `pw${randomBytes(8).toString("hex")}`;
      await conn.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
      try {
        for (const stmt of grantStatements({ user, host: "%", schema: name })
          .split("\n")
          .filter((l) => l.startsWith("GRANT ")))
          await conn.query(stmt);
        const u = new URL(url);
        u.username = user;
        u.password = password;
        await releaseSequence(u.toString(), conn);
        const denied = run(["migrate", "status", "--url", u.toString().replace(name, `${name}_other`)]);
        expect(denied.code).toBe(1);
        expect(printed.join("")).toContain("Migration Status: OK");
        expect(printed.join("")).not.toContain(password);
      } finally {
        await conn.query(`DROP USER '${user}'@'%'`);
      }
    });
  }, 60_000);
});
