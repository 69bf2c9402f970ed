/**
 * Renames between two sources that are states of one migration history: `schema diff` and `schema apply` between two
 * migration directories, or between a database and the directory that migrated it, where one side is the other plus
 * more files, keep the renames of those files (see migrate/renames.ts) instead of planning DROP + ADD.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { Queryable } from "../db/types.ts";
import { isDatabaseUrl } from "../db/url.ts";
import type { MigrationFile } from "../migrate/dir.ts";
import { openLocalDir } from "../migrate/dir/local.ts";
import { markHistoryRenames, markRenames, markRenamesAhead } from "../migrate/renames.ts";
import { RevisionStore } from "../migrate/revisions.ts";
import { revisionsSchemaOf } from "../migrate/revisions/schema.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { isMigrationFolder } from "./sources.ts";

/** Where one side of a comparison stands in a migration history: a directory's files, or a database's applied versions. */
export type HistorySide = { readonly files: readonly MigrationFile[] } | { readonly applied: readonly string[] };

/** The side a local migration directory source names, or undefined when the source names something else. */
export function dirSide(src: string): HistorySide | undefined {
  if (isDatabaseUrl(src) || (/^[a-z][a-z0-9+]*:\/\//i.test(src) && !src.startsWith("file://"))) return undefined;
  const path = resolve(src.replace(/^file:\/\//, ""));
  if (!existsSync(path) || !statSync(path).isDirectory() || !isMigrationFolder(path)) return undefined;
  return { files: openLocalDir(path).files() };
}

/**
 * The side of a database: the versions its revisions table (in `revisionsSchema`, else the URL's schema) records as
 * fully applied, in order; undefined when it has no revisions table or a file stopped part-way or with an error.
 */
export async function databaseSide(
  conn: Queryable,
  urlSchema: string,
  revisionsSchema?: string,
): Promise<HistorySide | undefined> {
  const store = new RevisionStore(conn, revisionsSchemaOf(revisionsSchema, urlSchema));
  if (!(await store.exists())) return undefined;
  const revisions = await store.readAll();
  if (revisions.some((r) => r.error !== "" || r.applied < r.total)) return undefined;
  return { applied: revisions.map((r) => r.version) };
}

/** The files after the applied versions when they are the directory's first files; else undefined. */
function pendingAfter(
  applied: readonly string[],
  files: readonly MigrationFile[],
): readonly MigrationFile[] | undefined {
  if (applied.length > files.length || applied.some((v, i) => files[i]!.version !== v)) return undefined;
  return files.slice(applied.length);
}

/**
 * `desired` marked with the renames between the two sides when one is the other plus more files (two directories, or
 * a database and the directory that migrated it); otherwise `desired` as it is.
 */
export function withHistoryRenames(
  from: HistorySide | undefined,
  current: Schema,
  to: HistorySide | undefined,
  desired: Schema,
  flavor: Flavor,
): Schema {
  if (from === undefined || to === undefined) return desired;
  if ("files" in from && "files" in to) return markHistoryRenames(current, from.files, desired, to.files, flavor);
  if ("applied" in from && "files" in to) {
    const pending = pendingAfter(from.applied, to.files);
    return pending?.length ? markRenamesAhead(desired, current, pending, flavor) : desired;
  }
  if ("files" in from && "applied" in to) {
    const reverted = pendingAfter(to.applied, from.files);
    return reverted?.length ? markRenames(desired, reverted, flavor) : desired;
  }
  return desired;
}
