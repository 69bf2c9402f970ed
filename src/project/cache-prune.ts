/**
 * Keeps the schema cache folder bounded: every entry is a whole schema (about 0.7 MB for 300 tables), and a
 * developer's loop stores one per edit of the entities and per new migration file. After each store the least
 * recently used entries (a hit renews an entry's mtime) go, beyond a count and a total size; a temp file a killed
 * writer left behind goes after an hour.
 */
import { readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";

/** How much the folder keeps. */
export interface CacheBudget {
  readonly entries: number;
  readonly bytes: number;
}

/** The default budget: enough for the history of a few branches of a 3,000-table project. */
export const CACHE_BUDGET: CacheBudget = { entries: 64, bytes: 256 * 1024 * 1024 };

const STALE_TEMP_MS = 60 * 60 * 1000;
/** Only files the cache writes are ever removed (STATS_DB_CACHE_DIR may name a folder that holds others). */
const ENTRY = /^[0-9a-f]{64}\.json$/;
const TEMP = /^\.[0-9a-f]{64}\.[0-9a-f]{12}\.tmp$/;

/** Removes what the budget does not keep; `keep` (the entry just stored) always stays. Failures are ignored. */
export function pruneCache(dir: string, keep: string, budget: CacheBudget = CACHE_BUDGET): void {
  const now = Date.now();
  const entries: { name: string; size: number; used: number }[] = [];
  try {
    for (const name of readdirSync(dir)) {
      const s = statSync(join(dir, name), { throwIfNoEntry: false });
      if (!s?.isFile()) continue;
      if (TEMP.test(name)) {
        if (now - s.mtimeMs > STALE_TEMP_MS) rmSync(join(dir, name), { force: true });
      } else if (ENTRY.test(name)) entries.push({ name, size: s.size, used: name === keep ? now : s.mtimeMs });
    }
  } catch {
    return;
  }
  entries.sort((a, b) => b.used - a.used);
  let bytes = 0;
  entries.forEach((e, i) => {
    bytes += e.size;
    if (e.name !== keep && (i >= budget.entries || bytes > budget.bytes)) rmSync(join(dir, e.name), { force: true });
  });
}
