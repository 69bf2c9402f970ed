/**
 * Writes the benchmark's workspace: `entities/index.ts` (the last version) and `migrations/` holding one file per
 * version, each planned by the tool itself (plannedFile against the previous version), and its atlas.sum. The final
 * entities module is evaluated once; each version's schema is cut from it (the tables created by then, each with the
 * columns and the late index it had at that age), so a 3,000-table, 1,000-version history takes seconds, not hours.
 * The benchmarks check that the history replays to the entities before they time anything.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import {
  computeSum,
  type EntitiesModule,
  emptySchema,
  formatSum,
  mysql8,
  openLocalDir,
  plannedFile,
  type Schema,
  schemaFromEntities,
  type Table,
} from "../../src/index.ts";
import { columnCount, createdIn, DEFAULT_SHAPE, entitiesSource, lateIndexName, type Shape } from "./entities-source.ts";

const DSL = resolve(import.meta.dir, "..", "..", "src", "entities", "index.ts");
const START = Date.UTC(2025, 0, 1);

/** `stats-db diff` from source on a workspace writeWorkspace wrote: its migrations against its entities. */
export function workspaceDiffArgs(root: string): string[] {
  const main = resolve(import.meta.dir, "..", "..", "src", "cli", "main.ts");
  return [
    main,
    "diff",
    "--dir",
    `file://${join(root, "migrations")}`,
    "--to",
    `file://${join(root, "entities", "index.ts")}`,
  ];
}

/** Creates `<root>/entities/index.ts` and `<root>/migrations/` (one file per version + atlas.sum). */
export async function writeWorkspace(root: string, shape: Shape = DEFAULT_SHAPE): Promise<void> {
  for (const sub of ["entities", "migrations"]) mkdirSync(join(root, sub), { recursive: true });
  const entities = join(root, "entities", "index.ts");
  writeFileSync(entities, entitiesSource(shape.versions, DSL, shape));
  const final = schemaFromEntities((await import(pathToFileURL(entities).href)) as EntitiesModule, mysql8, entities);
  const dir = openLocalDir(join(root, "migrations"));
  let current = emptySchema;
  for (let v = 1; v <= shape.versions; v++) {
    const desired = atVersion(final, v, shape);
    const planned = plannedFile(current, desired, mysql8, new Date(START + v * 3_600_000), `v${v}`);
    if (!planned) throw new Error(`version ${v} changes nothing`);
    dir.writeFile(planned.name, planned.text);
    current = desired;
  }
  // One atlas.sum at the end (writeMigration would rehash the whole directory after every file).
  dir.writeSum(formatSum(computeSum(dir.files())));
}

/** The schema of version `v`: the final tables created by then, each as it was at its age. */
function atVersion(final: Schema, v: number, shape: Shape): Schema {
  const tables: Table[] = [];
  for (const [t, table] of final.tables.entries()) {
    const age = v - createdIn(t, shape);
    if (age < 0) continue;
    const indexes = age >= 2 ? table.indexes : table.indexes.filter((i) => i.name !== lateIndexName(t));
    tables.push({ ...table, columns: table.columns.slice(0, columnCount(age, shape)), indexes });
  }
  return { ...final, tables };
}

/** What runs before each timed run, untimed: as a shell command (for hyperfine) and as a function. */
export interface Prepare {
  readonly shell: string;
  readonly run: () => void;
}

/**
 * Primes a cache folder (`primed`) for the workspace at `root` (diffed by `args`) as a developer's is after a diff
 * wrote the newest migration file: the replay of the directory without that file, and the entities. The returned
 * step puts a copy of it at `into` before each run (a run stores the grown directory's replay, which the next run
 * must not find).
 */
export function primeWithoutNewestFile(root: string, args: string[], primed: string, into: string): Prepare {
  const dir = join(root, "migrations");
  const older = join(root, "migrations-without-newest");
  const names = readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();
  mkdirSync(older);
  for (const name of names.slice(0, -1)) copyFileSync(join(dir, name), join(older, name));
  const files = openLocalDir(older).files();
  writeFileSync(join(older, "atlas.sum"), formatSum(computeSum(files)));
  const primeArgs = args.map((a) => (a === `file://${dir}` ? `file://${older}` : a));
  const env = { ...process.env, STATS_DB_CACHE: "on", STATS_DB_CACHE_DIR: primed };
  const r = spawnSync(process.execPath, [...primeArgs, "--dry-run"], { cwd: root, encoding: "utf8", env });
  if (r.status !== 0) throw new Error(`priming the grown-directory cache failed: ${r.stderr}`);
  return {
    shell: `rm -rf '${into}' && cp -r '${primed}' '${into}'`,
    run: () => {
      rmSync(into, { recursive: true, force: true });
      cpSync(primed, into, { recursive: true });
    },
  };
}
