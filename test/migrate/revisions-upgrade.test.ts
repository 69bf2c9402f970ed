/**
 * A revisions table an older Atlas created (0.7.2: no `error_stmt`, see ariga/atlas v0.7.2
 * cmd/atlas/internal/migrate/ent/migrate/schema.go) is read as it is by `status` and `apply --dry-run` (nothing
 * changes), and `apply` brings it up to date as Atlas migrates its own table (the missing column added at the end),
 * keeping its rows — on the real test server.
 */
import { withoutCostLines } from "../support/cost-lines.ts";
import { describe, expect, test } from "bun:test";
import { rmSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { mariadb } from "../../src/mysql/flavor.ts";
import { revisionsUpgradeDdl } from "../../src/migrate/revisions/table.ts";
import { cli } from "../cli/run-cli.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";

/** The table as Atlas 0.7.2 creates it on MariaDB (Ent's columns of that release; `json` becomes longtext + CHECK). */
const ATLAS_072_DDL =
  "CREATE TABLE `atlas_schema_revisions` (`version` varchar(255) NOT NULL, `description` varchar(255) NOT NULL, `type` bigint unsigned NOT NULL DEFAULT 2, " +
  "`applied` bigint NOT NULL DEFAULT 0, `total` bigint NOT NULL DEFAULT 0, `executed_at` timestamp NULL, `execution_time` bigint NOT NULL, `error` longtext NULL, " +
  "`hash` varchar(255) NOT NULL, `partial_hashes` json NULL, `operator_version` varchar(255) NOT NULL, PRIMARY KEY (`version`)) CHARSET utf8mb4 COLLATE utf8mb4_bin";

const FILES = {
  "20260101000000_init.sql": "CREATE TABLE `t1` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
  "20260102000000_add_b.sql": "ALTER TABLE `t1` ADD COLUMN `b` int NULL;\n",
};

const project = (): string => writeProject(FILES);

async function columns(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query(
    "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'atlas_schema_revisions' ORDER BY ORDINAL_POSITION",
  );
  return (rows as { c: string }[]).map((r) => r.c);
}

async function revisions(conn: Connection): Promise<unknown[]> {
  const [rows] = await conn.query(
    "SELECT version, applied, total, error, hash, operator_version FROM atlas_schema_revisions ORDER BY version",
  );
  return rows as unknown[];
}

describe("a revisions table from Atlas < 0.8", () => {
  test("the upgrade statement adds exactly the missing columns, at the end", () => {
    const old = new Set([
      "version",
      "description",
      "type",
      "applied",
      "total",
      "executed_at",
      "execution_time",
      "error",
      "hash",
      "partial_hashes",
      "operator_version",
    ]);
    expect(revisionsUpgradeDdl(mariadb, "app", old)).toBe(
      "ALTER TABLE `app`.`atlas_schema_revisions` ADD COLUMN `error_stmt` longtext NULL",
    );
    expect(revisionsUpgradeDdl(mariadb, "app", new Set([...old, "error_stmt"]))).toBeUndefined();
  });

  test("status and --dry-run read it unchanged; apply upgrades it, keeps its rows and applies", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      const root = project();
      try {
        // The first file applied by Atlas 0.7.2: its table, its objects, its row.
        const first = cli(["migrate", "apply", "1", "--dir", `file://${join(root, "migrations")}`, "--url", url], {
          cwd: root,
        });
        expect(first.code).toBe(0);
        const [rows] = await conn.query(
          "SELECT version, description, type, applied, total, executed_at, execution_time, error, hash, partial_hashes FROM atlas_schema_revisions",
        );
        await conn.query("DROP TABLE atlas_schema_revisions");
        await conn.query(ATLAS_072_DDL);
        for (const r of rows as Record<string, unknown>[]) {
          await conn.query(
            "INSERT INTO atlas_schema_revisions VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'Atlas CLI v0.7.2')",
            Object.values(r),
          );
        }
        const old = await columns(conn);
        expect(old).not.toContain("error_stmt");
        const before = await revisions(conn);

        const dir = `file://${join(root, "migrations")}`;
        const status = cli(["migrate", "status", "--dir", dir, "--url", url], { cwd: root });
        expect({ code: status.code, stderr: status.stderr }).toEqual({ code: 0, stderr: "" });
        expect(status.stdout).toContain("Migration Status: PENDING\n  -- Current Version: 20260101000000\n");
        const dry = cli(["migrate", "apply", "--dry-run", "--dir", dir, "--url", url], { cwd: root });
        // A dry run prices every ALTER on stderr; nothing else goes there.
        expect({ code: dry.code, stderr: withoutCostLines(dry.stderr) }).toEqual({
          code: 0,
          stderr: "",
        });
        expect(await columns(conn)).toEqual(old);

        const apply = cli(["migrate", "apply", "--dir", dir, "--url", url], { cwd: root });
        expect({ code: apply.code, stderr: apply.stderr }).toEqual({ code: 0, stderr: "" });
        expect(await columns(conn)).toEqual([...old, "error_stmt"]);
        const after = (await revisions(conn)) as Record<string, unknown>[];
        expect(after[0]).toEqual(before[0] as Record<string, unknown>);
        expect(after.map((r) => [r.version, r.applied, r.total, r.error])).toEqual([
          ["20260101000000", 1, 1, ""],
          ["20260102000000", 1, 1, ""],
        ]);
        const [stmt] = await conn.query(
          "SELECT error_stmt FROM atlas_schema_revisions WHERE version = '20260102000000'",
        );
        expect(stmt).toEqual([{ error_stmt: "" }]);
        const done = cli(["migrate", "status", "--dir", dir, "--url", url], { cwd: root });
        expect(done.stdout).toStartWith("Migration Status: OK\n");
      } finally {
        rmSync(root, { recursive: true, force: true });
      }
    });
  }, 60_000);
});
