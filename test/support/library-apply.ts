/**
 * Library-level runs for tests: an in-memory directory with its atlas.sum, applied or reverted with Atlas's defaults on
 * MariaDB, and what the tests compare afterwards (tables' DDL, revision versions).
 */
import type { Connection } from "../../src/db/connect.ts";
import { type ApplyOptions, type ApplyReport, migrateApply } from "../../src/migrate/apply.ts";
import { type DownOptions, type DownReport, migrateDown } from "../../src/migrate/down.ts";
import { type MigrationDir, memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { mariadb } from "../../src/mysql/flavor.ts";

/** An in-memory migration directory over `files`, with a matching atlas.sum. */
export function hashedDir(files: Record<string, string>): MigrationDir {
  const dir = memoryDir(files);
  dir.writeSum(formatSum(computeSum(dir.files())));
  return dir;
}

/** Applies `dir` to the schema `name` (revisions in that schema), with options overridden by `extra`. */
export function applyDir(
  conn: Connection,
  name: string,
  dir: MigrationDir,
  extra: Partial<ApplyOptions> = {},
): Promise<ApplyReport> {
  return migrateApply(conn, {
    dir,
    flavor: mariadb,
    urlSchema: name,
    revisionsSchema: name,
    revisionsSchemaExplicit: false,
    dryRun: false,
    allowDirty: false,
    txMode: "file",
    execOrder: "linear",
    operatorVersion: "stats-db v0.1.0",
    ...extra,
  });
}

/** Reverts with `migrate down` on the schema `name` (revisions in that schema), with options overridden by `extra`. */
export function downDir(
  conn: Connection,
  name: string,
  dir: MigrationDir,
  extra: Partial<DownOptions> = {},
): Promise<DownReport> {
  return migrateDown(conn, {
    dir,
    schema: name,
    revisionsSchema: name,
    revisionsSchemaExplicit: false,
    dryRun: false,
    forceDataLoss: false,
    operatorVersion: "stats-db v0.1.0",
    ...extra,
  });
}

/** Every table but the revisions table, as SHOW CREATE TABLE prints it. */
export async function tableSnapshot(conn: Connection): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const row of await conn.query("SHOW TABLES")) {
    const table = String(Object.values(row)[0]);
    if (table === "atlas_schema_revisions") continue;
    const [ddl] = await conn.query<{ "Create Table": string }>(`SHOW CREATE TABLE \`${table}\``);
    out[table] = ddl!["Create Table"];
  }
  return out;
}

/** The versions of the revision rows, in order. */
export async function revisionVersions(conn: Connection): Promise<string[]> {
  return (await conn.query("SELECT version FROM atlas_schema_revisions ORDER BY version")).map((r) =>
    String(r.version),
  );
}
