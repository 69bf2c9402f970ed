/**
 * Views through the CLI on MariaDB: a migration directory with views applies, `schema inspect` shows them, `schema
 * diff` against the directory finds no drift, `migrate down` reverts a created view and re-creates a dropped one from
 * the replayed directory, and `schema clean` drops them.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(60_000);

const FILES: Record<string, string> = {
  "1_init.sql":
    "CREATE TABLE `users` (`id` int NOT NULL, `name` varchar(50) NULL, `active` tinyint NOT NULL, PRIMARY KEY (`id`));\n",
  "2_views.sql":
    "CREATE VIEW active_users AS SELECT id, name FROM users WHERE active = 1;\n" +
    "CREATE ALGORITHM=MERGE VIEW active_ids AS SELECT id FROM active_users WITH LOCAL CHECK OPTION;\n",
  "3_drop.sql": "DROP VIEW active_ids;\n",
};

type Conn = { query: (sql: string) => Promise<unknown> };
async function views(conn: Conn): Promise<string[]> {
  const [rows] = (await conn.query("SHOW FULL TABLES WHERE Table_type = 'VIEW'")) as [Record<string, string>[]];
  return rows.map((r) => Object.values(r)[0]!).sort();
}

describe("views (CLI)", () => {
  test("apply, inspect, drift, down and clean", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = writeProject(FILES);
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      expect(await views(conn)).toEqual(["active_users"]);

      const inspected = cli(["schema", "inspect", "--url", url], { cwd: root });
      expect(inspected.stdout).toContain('view "active_users" {');
      expect(inspected.stdout).toContain(
        "  as         = <<-SQL\n  select `id`, `name` from `users` where `active` = 1\n  SQL\n",
      );
      const sql = cli(["schema", "inspect", "--url", url, "--format", "sql"], { cwd: root });
      // The definer the server reports is not declared: the SQL leaves it out.
      expect(sql.stdout).toContain('-- Create "active_users" view\nCREATE VIEW `active_users` AS select `id`, `name`');

      const drift = cli(["schema", "diff", "--from", url, "--to", `file://${root}/migrations`], { cwd: root });
      expect(drift.stdout).toBe("Schemas are synced, no changes to be made.\n");

      // Reverting 3 re-creates the dropped view from the replayed directory.
      const down3 = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(down3.code).toBe(0);
      expect(down3.stdout).toContain(
        "CREATE ALGORITHM = MERGE VIEW `active_ids` AS select `id` from `active_users` WITH LOCAL CHECK OPTION",
      );
      expect(await views(conn)).toEqual(["active_ids", "active_users"]);
      // Reverting 2 drops the views it created, the dependent one first.
      const down2 = cli(["migrate", "down", "--url", url], { cwd: root });
      expect(down2.code).toBe(0);
      expect(down2.stdout.indexOf("DROP VIEW `active_ids`")).toBeLessThan(
        down2.stdout.indexOf("DROP VIEW `active_users`"),
      );
      expect(await views(conn)).toEqual([]);

      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
      const clean = cli(["schema", "clean", "--url", url, "--auto-approve"], { cwd: root });
      expect(clean.code).toBe(0);
      expect(clean.stdout).toContain("DROP VIEW `active_users`");
      expect(await views(conn)).toEqual([]);
    });
  });
});

describe("views with --dev-url", () => {
  test("schema diff through a dev database agrees with the in-memory replay, and the dev database is left empty", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const dir = mkdtempSync(join(tmpdir(), "views-dev-"));
      writeFileSync(join(dir, "empty.sql"), "");
      writeFileSync(join(dir, "full.sql"), Object.values(FILES).slice(0, 2).join(""));
      const args = ["schema", "diff", "--from", `file://${dir}/empty.sql`, "--to", `file://${dir}/full.sql`];
      const memory = cli([...args, "--flavor", "mariadb"]);
      const dev = cli([...args, "--dev-url", url.replace(/^mysql:/, "maria:")]);
      expect(dev.stderr).toBe("");
      expect(memory.stdout).toContain('-- Create "active_ids" view');
      expect(dev.stdout).toBe(memory.stdout);
      expect(await views(conn)).toEqual([]);
    });
  });
});
