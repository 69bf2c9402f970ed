/** Locates Atlas's vectors in `../shared/vectors` beside the repository (absent in a checkout outside this setup). */
import { existsSync } from "node:fs";
import { join } from "node:path";

/** The path of `../shared/vectors/<sub>` relative to the repository root, or `undefined` when it is absent. */
export function sharedVectors(sub: string): string | undefined {
  const path = join(import.meta.dir, "..", "..", "..", "shared", "vectors", sub);
  return existsSync(path) ? path : undefined;
}
