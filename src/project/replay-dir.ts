/**
 * Synchronous replays in memory through the replay cache: of a verified migration directory (`migrate validate`, the
 * library's `replayDir`) and of a list of its files (lint's base). The commands that read sources replay through
 * sources.ts, which loads the statement parser only when the replay cache misses.
 */
import type { MigrationDir, MigrationFile } from "../migrate/dir.ts";
import type { ReplayFn } from "../migrate/down/plan.ts";
import { replayFiles } from "../migrate/replay.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { resumeReplay } from "./replay-cache.ts";
import { verifyDir } from "./verify-dir.ts";

/** Replays files in order: from the cache when these files (or their first ones) were replayed before. */
export function cachedReplayFiles(files: readonly MigrationFile[], flavor: Flavor): Schema {
  const resume = resumeReplay(files, flavor);
  return resume.hit ?? resume.store(replayFiles(resume.rest, flavor, resume.start));
}

/** cachedReplayFiles as the replay that drift, down and apply's drift gate take. */
export const cachedReplay: ReplayFn = async (files, flavor) => cachedReplayFiles(files, flavor);

/** The replay drift and down take: on the clean dev database `--dev-url` names, else in memory through the cache. */
export function directoryReplay(devUrl: string | undefined): ReplayFn {
  if (devUrl === undefined) return cachedReplay;
  // The database side loads only when a dev database is named.
  return async (files) => (await import("./live-source.ts")).devReplayUrl(devUrl, files);
}

/** Replays a verified migration directory in memory (each file read once; a replay seen before, or of a prefix, comes from the cache). */
export function replayDir(dir: MigrationDir, flavor: Flavor): Schema {
  const files = dir.files();
  verifyDir({ ...dir, files: () => files });
  return cachedReplayFiles(files, flavor);
}
