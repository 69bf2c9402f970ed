/**
 * A loaded entities module turned into the normalised desired schema, after validation (kept apart from the loader so
 * a cached module's schema is served without loading the entities DSL and the normaliser).
 */
import {
  entitiesToSchema,
  isObjectDef,
  isTableDef,
  isViewDef,
  type ObjectDef,
  objectsToSchema,
  type TableDef,
  type ViewDef,
  validateEntities,
  validateObjects,
  viewProblems,
} from "../entities/index.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { normalizeSchema } from "../mysql/normalize-schema.ts";
import type { Schema } from "../schema/model.ts";
import { SourceError } from "./errors.ts";

/**
 * What an entities module exports: `tables` (or any table objects), optionally `views`, `database` defaults, and
 * triggers, events and routines (`objects`, or any such objects exported by name).
 */
export interface EntitiesModule {
  readonly tables?: readonly TableDef[];
  readonly views?: readonly ViewDef[];
  readonly objects?: readonly ObjectDef[];
  readonly database?: { name?: string; charset?: string; collate?: string };
  readonly [name: string]: unknown;
}

/** Turns a loaded entities module into the normalised desired schema; throws SourceError listing every problem. */
export function schemaFromEntities(mod: EntitiesModule, flavor: Flavor, where: string): Schema {
  const tables = mod.tables ?? Object.values(mod).filter(isTableDef);
  if (!Array.isArray(tables) || tables.length === 0)
    throw new SourceError(`${where} exports no tables (export const tables = [...])`);
  const views = mod.views ?? Object.values(mod).filter(isViewDef);
  const objects = mod.objects ?? Object.values(mod).filter(isObjectDef);
  const problems = [
    ...validateEntities(tables, flavor.keyLimits),
    ...viewProblems(
      views,
      tables.map((t) => t.name),
    ).map((message) => ({ message })),
    ...validateObjects(
      tables.map((t) => t.name),
      objects,
    ).map((message) => ({ message })),
  ];
  if (problems.length)
    throw new SourceError(
      `${where}: ${problems.length} problem${problems.length > 1 ? "s" : ""} in the entities; nothing was written`,
      problems.map((p) => p.message),
    );
  // The database defaults only resolve table charsets: migrations do not manage the database's own default.
  const declared = { ...entitiesToSchema(tables, mod.database ?? {}, views), ...objectsToSchema(objects) };
  const { charset: _c, collate: _k, ...schema } = normalizeSchema(declared, flavor);
  return schema;
}
