/** Locates Atlas's vectors in `../shared/vectors` beside the repository (absent in a checkout outside this setup). */
import { join } from "node:path";
import { SHARED_ROOT, sharedSet } from "../support/shared.ts";

/**
 * The path of `../shared/vectors/<sub>`, or `undefined` when it is absent; then one test stands in for the set's
 * tests, skipped outside CI and failing in CI.
 */
export function sharedVectors(sub: string): string | undefined {
  return sharedSet(`${sub} vectors`, join(SHARED_ROOT, "vectors", sub));
}
