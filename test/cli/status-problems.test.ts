/**
 * `migrate status` against a real database: the problems it reports beyond Atlas's counts, with exact lines, and its
 * exit codes (0 up to date or pending, 1 for a problem).
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(120_000);

const INIT = "CREATE TABLE `t1` (`id` int NOT NULL, PRIMARY KEY (`id`));\n";
const ADD_B = "ALTER TABLE `t1` ADD COLUMN `b` int NULL;\n";

function project(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), "stats-db-status-"));
  for (const [n, t] of Object.entries(files)) writeFileSync(join(dir, n), t);
  rehash(dir);
  return dir;
}

function rehash(dir: string): void {
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(".sql"))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  writeFileSync(join(dir, "atlas.sum"), formatSum(computeSum(files)));
}

const status = (url: string, dir: string, ...extra: string[]) =>
  cli(["migrate", "status", "--url", url, "--dir", `file://${dir}`, ...extra]);
const apply = (url: string, dir: string) => cli(["migrate", "apply", "--url", url, "--dir", `file://${dir}`]);

describe("migrate status tells the truth", () => {
  test("a database ahead of the directory, then an edited file, then a killed run", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const dir = project({
        "1_init.sql": INIT,
        "2_add_b.sql": ADD_B,
        "3_add_c.sql": "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n",
      });
      expect(apply(url, dir).code).toBe(0);
      expect(status(url, dir).code).toBe(0);

      // An older checkout: file 3 is not in the directory.
      rmSync(join(dir, "3_add_c.sql"));
      rehash(dir);
      const ahead = status(url, dir);
      expect(ahead).toEqual({
        code: 1,
        stderr: "",
        stdout:
          "Migration Status: OK\n  -- Current Version: 3\n  -- Next Version:    Already at latest version\n  -- Executed Files:  3\n  -- Pending Files:   0\n\nProblems:\n" +
          "  -- The database is ahead of the migration directory: version 3 is applied but not in the directory (an older checkout or binary?): use the directory that applied it\n",
      });
      expect(JSON.parse(status(url, dir, "--format", "json").stdout).Problems).toHaveLength(1);

      // The file of version 2 edited after it was applied (and rehashed, so atlas.sum agrees).
      await conn.query("DELETE FROM atlas_schema_revisions WHERE version = '3'");
      writeFileSync(join(dir, "2_add_b.sql"), "ALTER TABLE `t1` ADD COLUMN `b` bigint NULL;\n");
      rehash(dir);
      const edited = status(url, dir);
      expect(edited.code).toBe(1);
      expect(edited.stdout).toEndWith(
        "\nProblems:\n  -- Checksum mismatch: 2_add_b.sql differs from the file applied as version 2 (edited after it was applied?): restore it, and change the schema with a new migration file\n",
      );

      // A run stopped part-way through version 2: the row says 0 of 1 applied, no error, nothing in the journal.
      writeFileSync(join(dir, "2_add_b.sql"), ADD_B);
      rehash(dir);
      await conn.query("UPDATE atlas_schema_revisions SET applied = 0, total = 1 WHERE version = '2'");
      const killed = status(url, dir);
      expect(killed.code).toBe(1);
      expect(killed.stdout).not.toContain("ERROR:");
      expect(killed.stdout).not.toContain("had errors");
      expect(killed.stdout).toBe(
        "Migration Status: PENDING\n  -- Current Version: 2 (0 statements applied)\n  -- Next Version:    2 (1 statements left)\n  -- Executed Files:  2 (last one partially)\n  -- Pending Files:   1\n\nProblems:\n" +
          "  -- Version 2 was partly applied (0 of 1 statement applied; its run stopped between statements): 'stats-db migrate apply' resumes at statement 1\n",
      );
    });
  });

  test("a failed file: Atlas's error block with real values, a problem line, exit 1; fixed and applied: exit 0", async () => {
    await withTestDatabase(async ({ url }) => {
      const dir = project({
        "1_init.sql": INIT,
        "2_bad.sql": "ALTER TABLE `t1` ADD COLUMN `d` int NULL;\nALTER TABLE `t1` ADD COLUMN `d` int NULL;\n",
      });
      expect(apply(url, dir).code).toBe(1);
      const failed = status(url, dir);
      expect(failed.code).toBe(1);
      expect(failed.stdout).toContain(
        "Last migration attempt had errors:\n  -- SQL:   ALTER TABLE `t1` ADD COLUMN `d` int NULL;\n  -- ERROR: Error 1060 (42S21): Duplicate column name 'd'\n",
      );
      expect(failed.stdout).toContain(
        "  -- Version 2 failed (1 of 2 statements applied; the error is below): fix it, then run 'stats-db migrate apply' again\n",
      );
      writeFileSync(
        join(dir, "2_bad.sql"),
        "ALTER TABLE `t1` ADD COLUMN `d` int NULL;\nALTER TABLE `t1` ADD COLUMN `e` int NULL;\n",
      );
      rehash(dir);
      expect(apply(url, dir).code).toBe(0);
      expect(status(url, dir)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^Migration Status: OK\n/) });
    });
  });

  test("a fresh database: pending only is exit 0, with no problem block", async () => {
    await withTestDatabase(async ({ url }) => {
      const dir = project({ "1_init.sql": INIT });
      expect(status(url, dir)).toEqual({
        code: 0,
        stderr: "",
        stdout:
          "Migration Status: PENDING\n  -- Current Version: No migration applied yet\n  -- Next Version:    1\n  -- Executed Files:  0\n  -- Pending Files:   1\n",
      });
    });
  });
});
