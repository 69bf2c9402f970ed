/**
 * The entities cache: the desired schema an entities module yields, kept in the schema cache (schema-cache.ts) under
 * the content of every file its static imports reach (module-graph.ts), so an unchanged module is not evaluated,
 * validated and normalised again. A module whose text does not pin its value down is evaluated every time.
 */
import { createHash } from "node:crypto";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { staticModuleFiles } from "./module-graph.ts";
import { cacheSlot, TOOL_SRC } from "./schema-cache.ts";

/** [path, SHA-256 of its text] for each file the module at `entry` depends on, sorted; undefined when not pinned. */
function moduleDigests(entry: string): [string, string][] | undefined {
  let files: Map<string, string> | undefined;
  try {
    files = staticModuleFiles(entry, TOOL_SRC);
  } catch {
    return undefined; // a file that cannot be read: the evaluation reports it
  }
  if (files === undefined) return undefined;
  return [...files.keys()].sort().map((path) => [path, createHash("sha256").update(files.get(path)!).digest("hex")]);
}

/**
 * The files of every module evaluated in this process. The runtime imports a module once per process, so a file
 * seen before may be an older text than the one hashed now: what such an evaluation yields is not stored.
 */
const evaluatedFiles = new Set<string>();

/**
 * The desired schema of the entities module at `entry`: from the cache when these exact files were evaluated before
 * for this flavour, else `evaluate()`, stored for next time when it certainly evaluated the files hashed (a module
 * that fails to load or validate stores nothing).
 */
export async function cachedEntities(entry: string, flavor: Flavor, evaluate: () => Promise<Schema>): Promise<Schema> {
  let digests: [string, string][] | undefined;
  const slot = cacheSlot("entities", flavor, () => {
    digests = moduleDigests(entry);
    return digests;
  });
  if (slot.hit) return slot.hit;
  const fresh = digests?.every(([path]) => !evaluatedFiles.has(path)) === true;
  for (const [path] of digests ?? []) evaluatedFiles.add(path);
  const schema = await evaluate();
  // Hashed again: a file edited while the module was evaluated must not be stored under its new text.
  return fresh && JSON.stringify(moduleDigests(entry)) === JSON.stringify(digests) ? slot.store(schema) : schema;
}
