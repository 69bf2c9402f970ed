/**
 * A persistent cache of in-memory replays: the schema a verified migration directory replays to, stored as JSON in a
 * per-user folder under the OS temp dir. The key covers everything the replay depends on: the atlas.sum total (a hash
 * chain over every byte of every file, checked against the files before the cache is consulted), the flavour, the
 * tool version and a stamp of the code that replays (the runtime executable, and each source module's size and
 * mtime when running from source). A missing, unreadable or foreign entry is ignored and the directory is replayed.
 * `STATS_DB_CACHE=off` turns the cache off; `STATS_DB_CACHE_DIR` moves it.
 */
import { createHash, randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import process from "node:process";
import { fileURLToPath } from "node:url";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { TOOL_VERSION } from "./version.ts";

/** Bumped whenever the stored form changes. */
const FORMAT = 1;
/** The source folders whose modules take part in a replay. */
const CODE_FOLDERS = ["go", "schema", "mysql", "mysql/parse", "migrate", "migrate/dir", "project"];

/** The cache folder, or undefined when the cache is turned off. */
function cacheDir(): string | undefined {
  const setting = process.env.STATS_DB_CACHE;
  if (setting === "off" || setting === "0" || setting === "false") return undefined;
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return process.env.STATS_DB_CACHE_DIR || join(tmpdir(), `stats-db-cache${uid === undefined ? "" : `-${uid}`}`);
}

/** Sizes and mtimes of the code: the executable, and the source modules when they are files on disk. */
function codeStamp(): string {
  const parts: string[] = [];
  const stamp = (path: string) => {
    const s = statSync(path);
    parts.push(`${path}:${s.size}:${s.mtimeMs}`);
  };
  stamp(process.execPath);
  try {
    const src = dirname(dirname(fileURLToPath(import.meta.url)));
    for (const folder of CODE_FOLDERS) {
      for (const name of readdirSync(join(src, folder)).sort())
        if (name.endsWith(".ts")) stamp(join(src, folder, name));
    }
  } catch {
    // Inside a compiled binary the modules are not files: the executable's own stamp covers them.
  }
  return parts.join("\n");
}

/** The cache key of a directory replay. */
function cacheKey(sumTotal: string, flavor: Flavor): string {
  const flavorId = JSON.stringify({ ...flavor, checkName: String(flavor.checkName) });
  return createHash("sha256")
    .update(JSON.stringify([FORMAT, TOOL_VERSION, flavorId, sumTotal, codeStamp()]))
    .digest("hex");
}

/** Only a folder this user owns and nobody else can write to is trusted. */
function trusted(dir: string): boolean {
  const s = statSync(dir);
  const uid = typeof process.getuid === "function" ? process.getuid() : undefined;
  return s.isDirectory() && (uid === undefined || (s.uid === uid && (s.mode & 0o022) === 0));
}

function read(dir: string, key: string): Schema | undefined {
  try {
    if (!trusted(dir)) return undefined;
    const entry = JSON.parse(readFileSync(join(dir, `${key}.json`), "utf8")) as { key?: unknown; schema?: Schema };
    return entry.key === key && entry.schema && Array.isArray(entry.schema.tables) ? entry.schema : undefined;
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
  }
}

/**
 * The schema of a directory whose atlas.sum total was verified against its files: from the cache when this exact
 * replay ran before, else `replay()` (stored for next time; a failing replay throws and stores nothing).
 */
export function cachedReplay(sumTotal: string, flavor: Flavor, replay: () => Schema): Schema {
  const dir = cacheDir();
  if (dir === undefined) return replay();
  const key = cacheKey(sumTotal, flavor);
  const hit = read(dir, key);
  if (hit) return hit;
  const schema = replay();
  write(dir, key, schema);
  return schema;
}
