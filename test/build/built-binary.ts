/**
 * The compiled binary for tests: built once per source state (hash of src/, entities/, migrations/, scripts/,
 * package.json, bun.lock and the embedded migration dir) into a cache folder under the OS temp dir, so a test run
 * builds each variant at most once.
 */
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { buildBinary, defaultBuildOptions, repoRoot } from "../../scripts/build.ts";
import { fullLaneOnly } from "../support/lane.ts";

const INPUTS = ["src", "entities", "migrations", "scripts", "package.json", "bun.lock"];

function walk(path: string, out: string[]): void {
  if (statSync(path).isDirectory()) {
    for (const name of readdirSync(path).sort()) walk(join(path, name), out);
  } else out.push(path);
}

/** SHA-256 over the names and contents of every file the binary is built from (plus an out-of-repo migration dir). */
export function sourceHash(migrationsDir: string): string {
  const h = createHash("sha256");
  const files: string[] = [];
  for (const input of INPUTS) if (existsSync(join(repoRoot, input))) walk(join(repoRoot, input), files);
  walk(migrationsDir, files);
  h.update(migrationsDir).update("\0");
  for (const f of files) h.update(relative(repoRoot, f)).update("\0").update(readFileSync(f)).update("\0");
  return h.digest("hex").slice(0, 16);
}

// Binaries of older source states are removed once they are an hour old (a parallel run may still be using a newer one).
function pruneOld(root: string, keep: string): void {
  for (const name of existsSync(root) ? readdirSync(root) : []) {
    const path = join(root, name);
    if (name !== keep && Date.now() - statSync(path).mtimeMs > 3_600_000)
      rmSync(path, { recursive: true, force: true });
  }
}

const built = new Map<string, Promise<string>>();

/** Path of the binary for the current sources (embedding `migrationsDir`, default the repo's); builds it when not cached. */
export function builtBinary(migrationsDir = defaultBuildOptions().migrationsDir): Promise<string> {
  fullLaneOnly("building the binary");
  const cached = built.get(migrationsDir);
  if (cached) return cached;
  const building = (async () => {
    const hash = sourceHash(migrationsDir);
    const dir = join(tmpdir(), "stats-db-build", hash);
    pruneOld(join(tmpdir(), "stats-db-build"), hash);
    const exe = join(dir, "stats-db");
    if (existsSync(exe) && existsSync(`${exe}.sha256`)) return exe;
    const tmp = join(dir, `tmp-${process.pid}`);
    mkdirSync(tmp, { recursive: true });
    try {
      await buildBinary({ ...defaultBuildOptions(), migrationsDir, outfile: join(tmp, "stats-db") });
      renameSync(join(tmp, "stats-db.sha256"), `${exe}.sha256`);
      renameSync(join(tmp, "stats-db"), exe);
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
    return exe;
  })();
  built.set(migrationsDir, building);
  return building;
}
