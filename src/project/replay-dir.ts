/**
 * The synchronous replay of a verified migration directory (`migrate validate`, the library's `replayDir`); the
 * commands that read sources replay through sources.ts, which loads the statement parser only when the replay cache
 * misses.
 */
import type { MigrationDir } from "../migrate/dir.ts";
import { replayFiles } from "../migrate/replay.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { resumeReplay } from "./replay-cache.ts";
import { verifyDir } from "./verify-dir.ts";

/** Replays a verified migration directory in memory (each file read once; a replay seen before, or of a prefix, comes from the cache). */
export function replayDir(dir: MigrationDir, flavor: Flavor): Schema {
  const files = dir.files();
  verifyDir({ ...dir, files: () => files });
  const resume = resumeReplay(files, flavor);
  return resume.hit ?? resume.store(replayFiles(resume.rest, flavor, resume.start));
}
