/**
 * `bun run build`: compiles `dist/stats-db` with `bun build --compile` — the CLI, the entities and every migration file
 * with `atlas.sum` embedded — and writes `dist/stats-db.sha256` (sha256sum format) beside it.
 *
 *   bun scripts/build.ts [--outfile dist/stats-db] [--migrations migrations] [--entities entities/index.ts]
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { parseArgs } from "node:util";
import { embedPlugin } from "./embed.ts";

/** The repository root (this file lives in `scripts/`). */
export const repoRoot = resolve(import.meta.dir, "..");

/** What to build and where. */
export interface BuildOptions {
  readonly outfile: string;
  readonly migrationsDir: string;
  readonly entitiesEntry: string;
}

/** The built binary: its path, size in bytes and SHA-256 (hex). */
export interface BuildResult {
  readonly outfile: string;
  readonly bytes: number;
  readonly sha256: string;
}

/** The Bun build failed; carries Bun's log lines. */
export class BuildError extends Error {
  constructor(readonly logs: readonly string[]) {
    super(`bun build --compile failed:\n${logs.join("\n")}`);
    this.name = "BuildError";
  }
}

/** The default options: `dist/stats-db` from `migrations/` and `entities/index.ts` of this repository. */
export function defaultBuildOptions(): BuildOptions {
  return {
    outfile: join(repoRoot, "dist", "stats-db"),
    migrationsDir: join(repoRoot, "migrations"),
    entitiesEntry: join(repoRoot, "entities", "index.ts"),
  };
}

/** Compiles the binary and writes `<outfile>.sha256`. */
export async function buildBinary(opts: BuildOptions): Promise<BuildResult> {
  mkdirSync(dirname(opts.outfile), { recursive: true });
  const result = await Bun.build({
    entrypoints: [join(repoRoot, "src", "cli", "main.ts")],
    target: "bun",
    minify: true,
    bytecode: true,
    format: "esm",
    // Each lazily imported command (and mysql2, the entities, the embedded files) in a chunk of its own: the binary
    // loads only what the command it runs needs; one bundle made `--version` load all 1.6 MB of it.
    splitting: true,
    // A release binary reads no .env or bunfig.toml from wherever ops happen to run it.
    compile: { outfile: opts.outfile, autoloadDotenv: false, autoloadBunfig: false },
    plugins: [embedPlugin({ migrationsDir: opts.migrationsDir, entitiesEntry: opts.entitiesEntry })],
  });
  if (!result.success) throw new BuildError(result.logs.map((l) => String(l)));
  const sha256 = createHash("sha256").update(readFileSync(opts.outfile)).digest("hex");
  writeFileSync(`${opts.outfile}.sha256`, `${sha256}  ${basename(opts.outfile)}\n`);
  return { outfile: opts.outfile, bytes: statSync(opts.outfile).size, sha256 };
}

if (import.meta.main) {
  const { values } = parseArgs({
    options: { outfile: { type: "string" }, migrations: { type: "string" }, entities: { type: "string" } },
  });
  const defaults = defaultBuildOptions();
  const built = await buildBinary({
    outfile: resolve(values.outfile ?? defaults.outfile),
    migrationsDir: resolve(values.migrations ?? defaults.migrationsDir),
    entitiesEntry: resolve(values.entities ?? defaults.entitiesEntry),
  });
  process.stderr.write(`built ${built.outfile} (${(built.bytes / 1048576).toFixed(1)} MiB), sha256 ${built.sha256}\n`);
}
