/**
 * A schema cache of the test file's own: before each test, a fresh temp folder (`dir()`) with the cache in its
 * `cache/` subfolder and STATS_DB_CACHE unset; after it, the folder removed and both variables restored.
 */
import { afterEach, beforeEach } from "bun:test";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const VARIABLES = ["STATS_DB_CACHE", "STATS_DB_CACHE_DIR"] as const;

/** Registers the hooks; `dir()` is the current test's folder. */
export function useCacheFolder(prefix: string): { dir: () => string } {
  let dir = "";
  let saved: (string | undefined)[] = [];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), prefix));
    saved = VARIABLES.map((name) => process.env[name]);
    delete process.env.STATS_DB_CACHE;
    process.env.STATS_DB_CACHE_DIR = join(dir, "cache");
  });
  afterEach(() => {
    VARIABLES.forEach((name, i) => {
      if (saved[i] === undefined) delete process.env[name];
      else process.env[name] = saved[i];
    });
    rmSync(dir, { recursive: true, force: true });
  });
  return { dir: () => dir };
}
