/**
 * What the compiled binary carries: every migration file with `atlas.sum`, and the entities module. Running from source
 * this module exports `undefined`; `bun run build` (scripts/build.ts) swaps in a generated variant at bundle time, so
 * no generated file ever lives in `src/`.
 */
import type { EntitiesModule } from "./entities-schema.ts";

/** The embedded migration directory (`{ name: text }`, `atlas.sum` included) and the embedded entities module. */
export interface EmbeddedBundle {
  readonly files: Readonly<Record<string, string>>;
  /** Loads the entities on first use, so commands that do not need them start faster. */
  readonly entities: () => Promise<EntitiesModule>;
}

/** The bundle the binary was built with; `undefined` when running from source. */
export const embedded: EmbeddedBundle | undefined = undefined;
