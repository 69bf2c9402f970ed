/**
 * The fixture sets that live in `../shared` beside the repository (Atlas's vectors, the peer suites). A checkout
 * outside this setup has no `../shared`: there the tests of a missing set are skipped. In CI (`CI` set, as CI runs
 * with CI=true) a missing set is a failure, so a broken setup cannot pass by skipping.
 */
import { test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";

/** `../shared` beside the repository. */
export const SHARED_ROOT = join(import.meta.dir, "..", "..", "..", "shared");

/** True when the environment says this is a CI run (`CI` set to anything but "", "0" or "false"). */
export function inCi(env: Record<string, string | undefined> = process.env): boolean {
  const ci = env.CI?.trim().toLowerCase();
  return ci !== undefined && ci !== "" && ci !== "0" && ci !== "false";
}

/** What to do about a fixture set at `path`: run its tests, skip them (absent, not CI), or fail (absent in CI). */
export function sharedSetState(
  path: string,
  env: Record<string, string | undefined> = process.env,
): "present" | "skip" | "fail" {
  if (existsSync(path)) return "present";
  return inCi(env) ? "fail" : "skip";
}

/**
 * `path` when the set is there; otherwise registers one test in place of the set's tests (skipped outside CI,
 * failing in CI) and returns undefined.
 */
export function sharedSet(what: string, path: string): string | undefined {
  const state = sharedSetState(path);
  if (state === "present") return path;
  if (state === "skip") test.skip(`${what}: ${path} is absent (checkout outside this setup)`, () => {});
  else {
    test(`${what}: ${path} is present (CI needs ../shared)`, () => {
      throw new Error(`${what} missing at ${path}: CI must run with ../shared beside the repository`);
    });
  }
  return undefined;
}
