/**
 * Renames between two sources that are states of one migration history: `schema diff` and `schema apply` between two
 * migration directories, where one is the other plus more files, keep the renames of those files (see
 * migrate/renames.ts) instead of planning DROP + ADD.
 */
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { isDatabaseUrl } from "../db/url.ts";
import type { MigrationFile } from "../migrate/dir.ts";
import { openLocalDir } from "../migrate/dir/local.ts";
import { markHistoryRenames } from "../migrate/renames.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { isMigrationFolder } from "./sources.ts";

/** The files of the local migration directory a source names, or undefined when it names something else. */
function dirFiles(src: string): readonly MigrationFile[] | undefined {
  if (isDatabaseUrl(src) || (/^[a-z][a-z0-9+]*:\/\//i.test(src) && !src.startsWith("file://"))) return undefined;
  const path = resolve(src.replace(/^file:\/\//, ""));
  if (!existsSync(path) || !statSync(path).isDirectory() || !isMigrationFolder(path)) return undefined;
  return openLocalDir(path).files();
}

/**
 * `desired` (loaded from `toSrc`) marked with the renames between the two sources when both are migration directories
 * and one is the other plus more files; otherwise `desired` as it is.
 */
export function withHistoryRenames(
  fromSrc: string,
  current: Schema,
  toSrc: string,
  desired: Schema,
  flavor: Flavor,
): Schema {
  const fromFiles = dirFiles(fromSrc);
  const toFiles = fromFiles === undefined ? undefined : dirFiles(toSrc);
  if (fromFiles === undefined || toFiles === undefined) return desired;
  return markHistoryRenames(current, fromFiles, desired, toFiles, flavor);
}
