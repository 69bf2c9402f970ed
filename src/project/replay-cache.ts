/**
 * The replay cache: the schema a migration directory replays to, kept in the schema cache (schema-cache.ts) under a
 * hash chain over the name and bytes of every file it replays, in order (atlas.sum's own chain leaves out the bytes
 * of an `atlas:sum ignore` file, which the replay still reads). Link k of the chain pins files 0..k down, so when a
 * directory grew by a file or two since it was last replayed (a `diff` wrote one, a pull brought some), the replay
 * starts from the stored schema of the longest such prefix and replays only the files after it. A failing replay
 * stores nothing.
 */
import { createHash } from "node:crypto";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { cacheShelf } from "./schema-cache.ts";

/** What a replay reads of a file. */
export interface ReplayInput {
  readonly name: string;
  readonly bytes: Uint8Array;
}

/**
 * Where a replay of `files` stands with the cache: the stored schema (`hit`), or the files still to replay (`rest`),
 * the schema they start from (`start`: a cached prefix's, or undefined for the empty schema) and where the result
 * goes (`store` returns it).
 */
export type ReplayResume<F> =
  | { readonly hit: Schema }
  | { readonly hit?: undefined; readonly start?: Schema; readonly rest: readonly F[]; store(schema: Schema): Schema };

/** Link k: SHA-256 over files 0..k, each as its name's and its bytes' lengths, the name and the bytes. */
export function chainLinks(files: readonly ReplayInput[]): string[] {
  const h = createHash("sha256");
  const utf8 = new TextEncoder();
  return files.map((f) => {
    const name = utf8.encode(f.name);
    h.update(`${name.length}:${f.bytes.length}:`).update(name).update(f.bytes);
    return h.copy().digest("base64");
  });
}

/**
 * Stores `schema` as what `files` replay to: for a caller that computed it another way, exactly as a replay of them
 * would (diff replays the file it wrote onto the replay of the files before it).
 */
export function storeReplay(files: readonly ReplayInput[], flavor: Flavor, schema: Schema): void {
  const shelf = cacheShelf("replay", flavor);
  if (shelf !== undefined && files.length > 0) shelf(chainLinks(files).at(-1)).store(schema);
}

/** How a replay of `files` (in replay order) resumes from the cache; with the cache off, it replays them all. */
export function resumeReplay<F extends ReplayInput>(files: readonly F[], flavor: Flavor): ReplayResume<F> {
  const shelf = cacheShelf("replay", flavor);
  if (shelf === undefined || files.length === 0) return { rest: files, store: (schema) => schema };
  const links = chainLinks(files);
  const slot = shelf(links.at(-1));
  if (slot.hit) return { hit: slot.hit };
  for (let k = files.length - 2; k >= 0; k--) {
    const start = shelf(links[k]).hit;
    if (start) return { start, rest: files.slice(k + 1), store: slot.store };
  }
  return { rest: files, store: slot.store };
}
