/**
 * The replay cache: the schema a verified migration directory replays to, kept in the schema cache (schema-cache.ts)
 * under the directory's atlas.sum total, a hash chain over every byte of every file that is checked against the files
 * before the cache is consulted. A failing replay stores nothing.
 */
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { type CacheSlot, cacheSlot } from "./schema-cache.ts";

/**
 * The cache slot of the replay of a directory whose verified atlas.sum total is `sumTotal` (none without a total: a
 * directory with neither files nor atlas.sum).
 */
export function replaySlot(sumTotal: string | undefined, flavor: Flavor): CacheSlot {
  return cacheSlot("replay", flavor, () => sumTotal);
}

/**
 * The schema of a directory whose atlas.sum total was verified against its files: from the cache when this exact
 * replay ran before, else `replay()` (stored for next time; a failing replay throws and stores nothing).
 */
export function cachedReplay(sumTotal: string | undefined, flavor: Flavor, replay: () => Schema): Schema {
  const slot = replaySlot(sumTotal, flavor);
  return slot.hit ?? slot.store(replay());
}
