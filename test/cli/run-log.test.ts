/**
 * The run log on a real server: every `migrate apply`, `migrate down`, `schema apply` and `schema clean` that changes
 * the database leaves a row (dry runs none), `migrate log` prints them (text and JSON), and the table stays out of
 * inspect, drift and the dirty check.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { hostname } from "node:os";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { TOOL_VERSION } from "../../src/project/version.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(120_000);

const FILES: Record<string, string> = {
  "1_init.sql": "CREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
  "2_logs.sql":
    "CREATE TABLE `logs` (`id` int NOT NULL, PRIMARY KEY (`id`));\nALTER TABLE `users` ADD COLUMN `n` int NULL;\n",
};

interface Row {
  RunID: string;
  Command: string;
  OSUser: string;
  DBUser: string;
  ClientHost: string;
  ToolVersion: string;
  BinarySHA256: string | null;
  PlanHash: string | null;
  StartedAt: string;
  EndedAt: string | null;
  Outcome: string;
  Statements: number;
  FirstError: string | null;
}

const sha = (stmts: string[]) => `sha256:${createHash("sha256").update(stmts.join("\n")).digest("hex")}`;

describe("the run log", () => {
  test("apply, an apply the drift gate refused, and down each leave a row; dry runs none", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = writeProject(FILES);
      const run = (...args: string[]) => cli([...args, "--url", url], { cwd: root });
      expect(run("migrate", "log").stdout).toMatch(/^No runs recorded in "/);
      expect(run("migrate", "apply", "1").code).toBe(0);
      expect(run("migrate", "apply", "--dry-run").code).toBe(0);
      await conn.query("ALTER TABLE users ADD COLUMN hotfix int NULL");
      expect(run("migrate", "apply").code).toBe(1); // the drift gate
      await conn.query("ALTER TABLE users DROP COLUMN hotfix");
      expect(run("migrate", "apply").code).toBe(0);
      expect(run("migrate", "down", "--dry-run").code).toBe(0);
      expect(run("migrate", "down").code).toBe(0);
      // The run log is no part of the schema: no drift, status OK, inspect does not show it.
      expect(run("migrate", "drift").code).toBe(0);
      expect(cli(["schema", "inspect", "--url", url, "--format", "sql"]).stdout).not.toContain("stats_db_run_log");

      const log = run("migrate", "log", "--format", "json");
      expect(log.code).toBe(0);
      const rows = JSON.parse(log.stdout) as Row[];
      expect(rows.map((r) => [r.Command, r.Outcome, r.Statements])).toEqual([
        ["migrate apply", "ok", 1],
        ["migrate apply", "failed", 0],
        ["migrate apply", "ok", 2],
        ["migrate down", "ok", 2],
      ]);
      const [[me]] = (await conn.query("SELECT CURRENT_USER() AS u")) as unknown as [[{ u: string }]];
      for (const r of rows) {
        expect(r.RunID).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(r).toMatchObject({
          DBUser: me.u,
          ClientHost: hostname(),
          ToolVersion: TOOL_VERSION,
          BinarySHA256: null,
        });
        expect(r.OSUser).toBe(spawnSync("id", ["-un"], { encoding: "utf8" }).stdout.trim());
        expect(Date.parse(r.EndedAt!)).toBeGreaterThanOrEqual(Date.parse(r.StartedAt));
      }
      expect(new Set(rows.map((r) => r.RunID)).size).toBe(4);
      expect(rows[0]!.PlanHash).toBe(sha(["CREATE TABLE `users` (`id` int NOT NULL, PRIMARY KEY (`id`));"]));
      expect(rows[1]!.FirstError).toStartWith('the database has drifted from the migration directory at version "1"');
      expect(rows[2]!.PlanHash).toBe(
        sha([
          "CREATE TABLE `logs` (`id` int NOT NULL, PRIMARY KEY (`id`));",
          "ALTER TABLE `users` ADD COLUMN `n` int NULL;",
        ]),
      );
      expect(rows[3]!.FirstError).toBeNull();

      const text = run("migrate", "log").stdout.split("\n");
      expect(text[0]).toMatch(/^STARTED \(UTC\)\s+COMMAND\s+OUTCOME\s+STATEMENTS\s+DB USER\s+OS USER@HOST\s+TOOL$/);
      expect(text[1]).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d\s+migrate apply\s+ok\s+1\s+/);
      expect(text[2]).toBe(`  run ${rows[0]!.RunID}, plan ${rows[0]!.PlanHash}`);
      expect(text).toContain(`  error: ${rows[1]!.FirstError!.split("\n")[0]}`);
    });
  });

  test("schema apply and schema clean: a row each in the URL's schema, which clean leaves in place", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = writeProject(FILES);
      const desired = join(root, "desired.sql");
      writeFileSync(desired, "CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));\n");
      expect(cli(["schema", "apply", "--url", url, "--to", `file://${desired}`, "--dry-run"]).code).toBe(0);
      expect(cli(["schema", "apply", "--url", url, "--to", `file://${desired}`, "--auto-approve"]).code).toBe(0);
      expect(cli(["schema", "clean", "--url", url, "--auto-approve"]).code).toBe(0);
      const rows = JSON.parse(cli(["migrate", "log", "--url", url, "--format", "json"]).stdout) as Row[];
      expect(rows.map((r) => [r.Command, r.Outcome, r.Statements])).toEqual([
        ["schema apply", "ok", 1],
        ["schema clean", "ok", 1],
      ]);
      expect(rows[1]!.PlanHash).toBe(sha(["DROP TABLE `t`"]));
      const [tables] = await conn.query("SHOW TABLES");
      expect((tables as Record<string, string>[]).map((r) => Object.values(r)[0])).toEqual(["stats_db_run_log"]);
      // A database holding only the run log is clean for a first apply.
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
    });
  });

  test("a failing statement: outcome failed, the statements run and the server's error", async () => {
    await withTestDatabase(async ({ url }) => {
      const root = writeProject({ "1_bad.sql": "CREATE TABLE a (id int);\nALTER TABLE nope ADD COLUMN x int;\n" });
      expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(1);
      const [row] = JSON.parse(cli(["migrate", "log", "--url", url, "--format", "json"]).stdout) as Row[];
      expect(row).toMatchObject({ Command: "migrate apply", Outcome: "failed", Statements: 2 });
      expect(row!.FirstError).toContain("ALTER TABLE nope ADD COLUMN x int");
      expect(row!.FirstError).toContain("1146");
    });
  });
});
