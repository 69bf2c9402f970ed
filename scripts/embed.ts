/**
 * The generated variant of `src/project/embedded.ts`: every migration file with `atlas.sum` as text and the entities module,
 * plus the Bun build plugin that swaps it in at bundle time (nothing generated is written into `src/`).
 */
import type { BunPlugin } from "bun";
import { resolve } from "node:path";
import { SUM_FILE } from "../src/migrate/dir.ts";
import { openLocalDir } from "../src/migrate/dir/local.ts";
import { validateDir } from "../src/migrate/dir/sum.ts";

/** The migration directory and entities module a build embeds. */
export interface EmbedSources {
  /** Migration directory on disk (files + atlas.sum). */
  readonly migrationsDir: string;
  /** Entities module: a folder with index.ts or a .ts file. */
  readonly entitiesEntry: string;
}

/** The embedded directory failed its own atlas.sum: the build refuses to embed it. */
export class EmbedChecksumError extends Error {
  constructor(
    readonly dir: string,
    readonly reason: string,
  ) {
    super(`${dir}: ${reason}; run 'stats-db migrate hash' or fix the files before building`);
    this.name = "EmbedChecksumError";
  }
}

/** Reads and verifies the migration directory; returns `{ name: text }` with `atlas.sum`. */
export function readEmbeddedFiles(migrationsDir: string): Record<string, string> {
  const dir = openLocalDir(migrationsDir);
  const files = dir.files();
  const sum = dir.readSum();
  const check = validateDir(files, sum);
  if (!check.ok) throw new EmbedChecksumError(migrationsDir, check.error.message);
  const out: Record<string, string> = {};
  // Reading refuses a file that is not UTF-8 (InvalidUtf8Error), so the binary's UTF-8 re-encoding keeps every hash.
  for (const f of files) out[f.name] = f.text;
  if (sum !== undefined) out[SUM_FILE] = sum;
  return out;
}

/** The source text of the generated `embedded.ts`. */
export function embeddedModuleSource(sources: EmbedSources): string {
  const files = readEmbeddedFiles(sources.migrationsDir);
  return `export const embedded = { files: ${JSON.stringify(files)}, entities: () => import(${JSON.stringify(resolve(sources.entitiesEntry))}) };\n`;
}

/** A Bun build plugin that replaces `src/project/embedded.ts` with the generated module. */
export function embedPlugin(sources: EmbedSources): BunPlugin {
  const contents = embeddedModuleSource(sources);
  return {
    name: "stats-db-embed",
    setup(build) {
      build.onLoad({ filter: /[\\/]src[\\/]project[\\/]embedded\.ts$/ }, () => ({ contents, loader: "ts" }));
    },
  };
}
