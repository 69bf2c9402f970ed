/**
 * Loads an entities module (a folder's index.ts or a .ts file) and turns it into the desired schema (an unchanged
 * module's comes from the entities cache, and the entities DSL and normaliser then do not load at all).
 */
import { existsSync, statSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { cachedEntities } from "./entities-cache.ts";
import type { EntitiesModule } from "./entities-schema.ts";
import { SourceError } from "./errors.ts";
import { moduleErrorText } from "./module-error.ts";

/** The module file for an entities path: the path itself for a file, `index.ts` inside a folder. */
export function entitiesEntry(path: string): string {
  const abs = resolve(path);
  return existsSync(abs) && statSync(abs).isDirectory() ? join(abs, "index.ts") : abs;
}

/**
 * Imports the entities module at a path and returns the desired schema (an unchanged module's comes from the
 * entities cache); a syntax error or a throw names file:line:column.
 */
export async function loadEntities(path: string, flavor: Flavor): Promise<Schema> {
  const entry = entitiesEntry(path);
  if (!existsSync(entry)) throw new SourceError(`entities module not found: ${entry}`);
  return cachedEntities(entry, flavor, async () => {
    let mod: EntitiesModule;
    try {
      mod = (await import(pathToFileURL(entry).href)) as EntitiesModule;
    } catch (e) {
      const at = moduleErrorText(e);
      throw new SourceError(at ?? `cannot load entities ${entry}: ${(e as Error).message}`, [], { cause: e });
    }
    const { schemaFromEntities } = await import("./entities-schema.ts");
    return schemaFromEntities(mod, flavor, path);
  });
}
