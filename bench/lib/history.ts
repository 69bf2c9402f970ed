/**
 * Writes the benchmark's workspace: `entities/index.ts` (the last version) and `migrations/` holding one file per
 * version, each planned by the tool itself (entities → schema, plannedFile against the previous version, writeMigration).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  emptySchema,
  type EntitiesModule,
  mysql8,
  openLocalDir,
  plannedFile,
  schemaFromEntities,
  writeMigration,
} from "../../src/index.ts";
import { entitiesSource, VERSIONS } from "./entities-source.ts";

const DSL = resolve(import.meta.dir, "..", "..", "src", "entities", "index.ts");
const START = Date.UTC(2025, 0, 1);

/** Creates `<root>/entities/index.ts`, `<root>/versions/v<n>.ts` and `<root>/migrations/` (100 files + atlas.sum). */
export async function writeWorkspace(root: string): Promise<void> {
  for (const sub of ["entities", "versions", "migrations"]) mkdirSync(join(root, sub), { recursive: true });
  const dir = openLocalDir(join(root, "migrations"));
  let current = emptySchema;
  for (let v = 1; v <= VERSIONS; v++) {
    const file = join(root, "versions", `v${v}.ts`);
    writeFileSync(file, entitiesSource(v, DSL));
    const mod = (await import(pathToFileURL(file).href)) as EntitiesModule;
    const desired = schemaFromEntities(mod, mysql8, file);
    const planned = plannedFile(current, desired, mysql8, new Date(START + v * 3_600_000), `v${v}`);
    if (!planned) throw new Error(`version ${v} changes nothing`);
    writeMigration(dir, planned);
    current = desired;
  }
  writeFileSync(join(root, "entities", "index.ts"), entitiesSource(VERSIONS, DSL));
}
