/** Library-level apply for tests: an in-memory directory with its atlas.sum, applied with Atlas's defaults on MariaDB. */
import type { Connection } from "../../src/db/connect.ts";
import { type ApplyOptions, type ApplyReport, migrateApply } from "../../src/migrate/apply.ts";
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
