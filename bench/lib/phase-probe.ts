/**
 * One cold `diff`, in phases, in a process of its own (bench/phases.ts runs it): prints the milliseconds of each as
 * JSON. The same steps as the CLI, caches off: the runtime's start (time before the first line runs), the diff
 * command's imports, the directory's replay, the same replay again (what the first one paid for code that was not yet
 * compiled), the entities module's import, its validation and normalisation, and the diff.
 *
 *   STATS_DB_CACHE=off bun bench/lib/phase-probe.ts WORKSPACE
 *   bun bench/lib/phase-probe.ts WORKSPACE --stub     (only: import entities/stub.ts, the runtime's own cost)
 */
import { join } from "node:path";
import { pathToFileURL } from "node:url";

const started = performance.now();
const root = process.argv[2];
if (!root) throw new Error("usage: bun bench/lib/phase-probe.ts WORKSPACE [--stub]");
const spans: Record<string, number> = { runtime: started };
const time = async <T>(name: string, step: () => T | Promise<T>): Promise<T> => {
  const t = performance.now();
  const out = await step();
  spans[name] = performance.now() - t;
  return out;
};

if (process.argv[3] === "--stub") {
  await time("stub module", () => import(pathToFileURL(join(root, "entities", "stub.ts")).href));
} else {
  const src = "../../src";
  const { mod, openDir, replayDirWith, schemaFromEntities, diff, mysql8 } = await time("imports", async () => ({
    mod: await import(`${src}/cli/commands/migrate-diff.ts`),
    ...(await import(`${src}/project/open-dir.ts`)),
    ...(await import(`${src}/project/sources.ts`)),
    ...(await import(`${src}/project/entities-schema.ts`)),
    ...(await import(`${src}/schema/diff.ts`)),
    ...(await import(`${src}/mysql/flavor.ts`)),
  }));
  if (!mod.default) throw new Error("the diff command did not load");
  const dir = openDir(`file://${join(root, "migrations")}`);
  const current = await time("replay", () => replayDirWith(dir, mysql8));
  await time("replay again", () => replayDirWith(dir, mysql8));
  const entry = join(root, "entities", "index.ts");
  const entities = await time("entities module", () => import(pathToFileURL(entry).href));
  const desired = await time("entities to schema", () => schemaFromEntities(entities, mysql8, entry));
  await time("diff", () => diff(current, desired));
}
console.log(JSON.stringify(spans));
