/**
 * A persistent per-user cache of computed schemas, stored as JSON in a folder under the OS temp dir; the replay cache
 * and the entities cache keep their entries here. Each key covers the stored form, the tool version, a stamp of the
 * code that computes schemas (the runtime executable, and each source module's size and mtime when running from
 * source) and what the caller adds. A missing, unreadable or foreign entry is ignored and the schema is computed.
 * `STATS_DB_CACHE=off` turns the cache off; `STATS_DB_CACHE_DIR` moves it. The folder stays within a budget
 * (cache-prune.ts).
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { pruneCache } from "./cache-prune.ts";
import { TOOL_VERSION } from "./version.ts";

/** Bumped whenever the stored form changes. */
const FORMAT = 1;
/**
 * The tool's own source folder (src/), for callers that tell the tool's modules from a project's; inside a compiled
 * binary it names no real folder.
 */
export const TOOL_SRC = dirname(dirname(fileURLToPath(import.meta.url)));

/** The cache folder, or undefined when the cache is turned off. */
function cacheDir(): string | undefined {
  const setting = process.env.STATS_DB_CACHE;
  if (setting === "off" || setting === "0" || setting === "false") return undefined;
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return process.env.STATS_DB_CACHE_DIR || join(tmpdir(), `stats-db-cache${uid === undefined ? "" : `-${uid}`}`);
}

let stampOfCode: string | undefined;

/**
 * Sizes and mtimes of the code: the executable, and every source module of the tool when they are files on disk
 * (about 3 ms for 350 modules, once per process).
 */
function codeStamp(): string {
  if (stampOfCode !== undefined) return stampOfCode;
  const parts: string[] = [];
  const stamp = (path: string) => {
    const s = statSync(path);
    parts.push(`${path}:${s.size}:${s.mtimeMs}`);
  };
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name.endsWith(".ts")) stamp(join(dir, entry.name));
    }
  };
  stamp(process.execPath);
  try {
    walk(TOOL_SRC);
  } catch {
    // Inside a compiled binary the modules are not files: the executable's own stamp covers them.
  }
  stampOfCode = parts.join("\n");
  return stampOfCode;
}

/**
 * The hashed context of every key of `kind` for `flavor` (the stored form, the tool version, the code stamp), so a
 * caller that tries many keys (the replay cache, one per prefix of a directory) hashes the code stamp once.
 */
function keyContext(kind: string, flavor: Flavor): string {
  const flavorId = JSON.stringify({ ...flavor, checkName: String(flavor.checkName) });
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, TOOL_VERSION, kind, flavorId, codeStamp()]))
    .digest("hex");
}

/** The cache key of a schema computed in `context` from what `inputs` names. */
function cacheKey(context: string, inputs: unknown): string {
  return createHash("sha256").update(context).update(JSON.stringify(inputs)).digest("hex");
}

/** Only a folder this user owns and nobody else can write to is trusted. */
function trusted(dir: string): boolean {
  const s = statSync(dir);
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return s.isDirectory() && (uid === undefined || (s.uid === uid && (s.mode & 0o022) === 0));
}

// A hit renews the entry's mtime: pruning (cache-prune.ts) removes the least recently used first.
function renew(path: string): void {
  try {
    const now = new Date();
    utimesSync(path, now, now);
  } catch {
    // An entry that cannot be touched is still a hit; it only looks older to pruning.
  }
}

function read(dir: string, key: string): Schema | undefined {
  try {
    if (!trusted(dir)) return undefined;
    const path = join(dir, `${key}.json`);
    const entry = JSON.parse(readFileSync(path, "utf8")) as { key?: unknown; schema?: Schema };
    if (entry.key !== key || !entry.schema || !Array.isArray(entry.schema.tables)) return undefined;
    renew(path);
    return entry.schema;
  } catch {
    return undefined;
  }
}

// A cache that cannot be written is only a slower next run: every failure here is ignored.
function write(dir: string, key: string, schema: Schema): void {
  const tmp = join(dir, `.${key}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    if (!trusted(dir)) return;
    writeFileSync(tmp, JSON.stringify({ key, schema }), { mode: 0o600 });
  } catch {
    return;
  }
  try {
    renameSync(tmp, join(dir, `${key}.json`));
  } catch {
    rmSync(tmp, { force: true });
    return;
  }
  pruneCache(dir, `${key}.json`);
}

/**
 * A cache slot: the stored schema when there is one, and where to store a computed one (a no-op when off); `store`
 * returns the schema it was given, so a caller writes `slot.hit ?? slot.store(compute())`.
 */
export interface CacheSlot {
  readonly hit: Schema | undefined;
  store(schema: Schema): Schema;
}

const NO_SLOT: CacheSlot = { hit: undefined, store: (schema) => schema };

/** The slot of one key: what `inputs` names (JSON that pins the schema down) in a shelf's context. */
export type SlotOf = (inputs: unknown) => CacheSlot;

/** The slots of schemas of `kind` computed for `flavor`; undefined when the cache is off. */
export function cacheShelf(kind: string, flavor: Flavor): SlotOf | undefined {
  const dir = cacheDir();
  if (dir === undefined) return undefined;
  const context = keyContext(kind, flavor);
  // The folder is listed once per shelf: a caller trying many keys (one per prefix) then opens only entries that
  // exist. An entry another process writes after the listing is a miss, never a wrong hit.
  let listed: Set<string> | undefined;
  const present = (key: string): boolean => {
    if (listed === undefined) {
      try {
        listed = new Set(readdirSync(dir));
      } catch {
        listed = new Set();
      }
    }
    return listed.has(`${key}.json`);
  };
  return (inputs) => {
    const key = cacheKey(context, inputs);
    return {
      hit: present(key) ? read(dir, key) : undefined,
      store: (schema) => {
        write(dir, key, schema);
        return schema;
      },
    };
  };
}

/**
 * The slot for a schema of `kind` computed for `flavor` from what `inputs()` returns (JSON that pins the result
 * down; undefined when nothing does, and the schema is then computed every time). `inputs` is not called when the
 * cache is off.
 */
export function cacheSlot(kind: string, flavor: Flavor, inputs: () => unknown): CacheSlot {
  const shelf = cacheShelf(kind, flavor);
  if (shelf === undefined) return NO_SLOT;
  const pinned = inputs();
  return pinned === undefined ? NO_SLOT : shelf(pinned);
}
