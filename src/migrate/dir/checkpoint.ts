/**
 * Checkpoint files (`-- atlas:checkpoint [tag]`, `sql/migrate/dir.go`): a fresh database starts from the last one;
 * a database with revisions never runs them.
 */
import type { MigrationFile } from "../dir.ts";
import { checkpointTag } from "./directives.ts";

/** Whether a migration file is a checkpoint file. */
export function isCheckpoint(file: MigrationFile): boolean {
  return checkpointTag(file.text) !== undefined;
}

/** The files without checkpoint files (what runs on a database that already has revisions). */
export function skipCheckpointFiles(files: readonly MigrationFile[]): MigrationFile[] {
  return files.filter((f) => !isCheckpoint(f));
}

/** The files from the last checkpoint file on, that file included; all files when there is no checkpoint. */
export function filesFromLastCheckpoint(files: readonly MigrationFile[]): MigrationFile[] {
  const last = files.findLastIndex(isCheckpoint);
  return files.slice(Math.max(last, 0));
}
