/**
 * End to end, from source: schema apply / inspect / diff (drift) / clean against a real database, --dev-url on
 * schema diff and migrate diff, and no password in any output.
 */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli, repoRoot } from "./run-cli.ts";

const maria = (url: string) => url.replace(/^mysql:/, "maria:");
const statements = (out: string) =>
  out
    .trimEnd()
    .split(/\n(?=-- )/)
    .sort();
const pair = (name: string, side: string) => `file://${join(repoRoot, "test", "fixtures", "pairs", name, side)}`;

describe("schema apply, inspect, diff, clean", () => {
  test("apply the entities, then inspect, drift, clean", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const u = maria(url);
      const refused = cli(["schema", "apply", "--url", u, "--to", "file://entities"]);
      expect(refused.code).toBe(2);
      expect(refused.stdout).toStartWith("-- Planned Changes:\n-- ");
      expect(refused.stderr).toContain("stdin is not a terminal: pass --auto-approve");
      const dry = cli(["schema", "apply", "--url", u, "--to", "file://entities", "--dry-run"]);
      expect(dry.code).toBe(0);
      const [none] = await conn.query("SHOW TABLES");
      expect(none).toEqual([]);

      const applied = cli(["schema", "apply", "--url", u, "--to", "file://entities", "--auto-approve"]);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain('-- Create "sites" table\nCREATE TABLE `sites`');
      const again = cli(["schema", "apply", "--url", u, "--to", "file://entities", "--auto-approve"]);
      expect(again.stdout).toBe("Schema is synced, no changes to be made\n");

      expect(cli(["schema", "diff", "--from", u, "--to", "file://entities"]).stdout).toBe(
        "Schemas are synced, no changes to be made.\n",
      );
      expect(cli(["schema", "diff", "--from", u, "--to", "file://migrations"]).stdout).toBe(
        "Schemas are synced, no changes to be made.\n",
      );
      await conn.query("ALTER TABLE countries ADD COLUMN drift int NULL");
      const drift = cli(["schema", "diff", "--from", u, "--to", "file://migrations"]);
      expect(drift.stdout).toBe('-- Modify "countries" table\nALTER TABLE `countries` DROP COLUMN `drift`;\n');

      const hcl = cli(["schema", "inspect", "--url", u]);
      expect(hcl.code).toBe(0);
      expect(hcl.stdout).toContain('table "sites" {');
      const json = JSON.parse(cli(["schema", "inspect", "--url", u, "--format", "{{ json . }}"]).stdout) as {
        schemas: { tables: { name: string }[] }[];
      };
      expect(json.schemas[0]!.tables.map((t) => t.name)).toContain("daily_usage");
      expect(cli(["schema", "inspect", "--url", u, "--format", "sql"]).stdout).toContain("CREATE TABLE `countries`");
      expect(cli(["schema", "inspect", "--url", u, "--format", "typebox"]).stdout).toContain("export const tables = [");
      expect(cli(["schema", "inspect", "--url", u, "--format", "yaml"]).code).toBe(2);

      await conn.query("CREATE TABLE atlas_schema_revisions (version varchar(255) NOT NULL PRIMARY KEY)");
      expect(cli(["schema", "clean", "--url", u]).code).toBe(2);
      const cleaned = cli(["schema", "clean", "--url", u, "--auto-approve"]);
      expect(cleaned.code).toBe(0);
      expect(cleaned.stdout).toContain('-- Drop "atlas_schema_revisions" table\nDROP TABLE `atlas_schema_revisions`;');
      const [left] = await conn.query("SHOW TABLES");
      // The run log stays: it records who cleaned the schema (inspect, and so clean, leave it out).
      expect((left as Record<string, string>[]).map((r) => Object.values(r)[0])).toEqual(["stats_db_run_log"]);
      expect(cli(["schema", "clean", "--url", u]).stdout).toBe("Nothing to drop\n");
    });
  }, 60_000);
});

describe("--dev-url", () => {
  test.each(["003-empty-to-full-with-every-kind", "048-change-generated-expression", "110-evolve-full-schema"])(
    "schema diff agrees with the in-memory replay: %s",
    async (name) => {
      await withTestDatabase(async ({ url }) => {
        const args = [
          "schema",
          "diff",
          "--from",
          pair(name, "current.sql"),
          "--to",
          pair(name, "desired.sql"),
          "--flavor",
          "mariadb",
        ];
        const memory = cli(args);
        const dev = cli([...args, "--dev-url", maria(url)]);
        expect(memory.code).toBe(0);
        expect(dev.stderr).toBe("");
        // Same statements; the order of independent tables differs (inspection lists tables by name, replay by creation).
        expect(statements(dev.stdout)).toEqual(statements(memory.stdout));
      });
    },
  );

  test("a dev database that is not clean is refused with Atlas's message", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE leftover (id int)");
      const r = cli([
        "schema",
        "diff",
        "--from",
        pair("003-empty-to-full-with-every-kind", "current.sql"),
        "--to",
        "file://entities",
        "--dev-url",
        maria(url),
      ]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        `Error: sql/migrate: connected database is not clean: found table "leftover" in schema "${name}"\n`,
      );
    });
  });
});

test("a password never appears in output", () => {
  const r = cli(["schema", "inspect", "--url", "mysql://root:s3cret-pw@127.0.0.1:1/app"]);
  expect(r.code).not.toBe(0);
  expect(r.stdout + r.stderr).not.toContain("s3cret-pw");
  expect(r.stderr).toStartWith("Error: ");
});

test("a URL without a database is refused", () => {
  const r = cli(["schema", "inspect", "--url", "mysql://root@127.0.0.1:1"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain("names no database");
});
