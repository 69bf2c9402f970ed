/**
 * Schema sources named on the command line: entities modules, migration directories, DDL files.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";
import type { MigrationDir } from "../migrate/dir.ts";
import { isDatabaseUrl, redactDatabaseUrl } from "../db/url.ts";
import { parseDirUrl } from "../migrate/dir/url.ts";
import { DirNotFoundError } from "../migrate/dir/errors.ts";
import { lockLocalDir } from "../migrate/dir/lock.ts";
import { dirExists, openLocalDir } from "../migrate/dir/local.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { withoutCounters } from "../schema/counters.ts";
import { embedded } from "./embedded.ts";
import { embeddedSourceFiles } from "./embedded-dir.ts";
import { loadEntities } from "./entities-loader.ts";
import { SourceError } from "./errors.ts";
import { resumeReplay } from "./replay-cache.ts";
import { verifyDir } from "./verify-dir.ts";

export { verifyDir };

// The database driver loads only when a source is a live database: file sources never pay for it.
const live = () => import("./live-source.ts");
// The statement parser loads only when something is replayed: not for a directory whose replay is cached.
const replayer = () => import("../migrate/replay.ts");

// Removes the empty directories from `path` up to `top` (the first one mkdir created); whether `path` is gone.
function removeCreated(path: string, top: string): boolean {
  for (let d = resolve(path); ; d = dirname(d)) {
    if (readdirSync(d).length > 0) return d !== resolve(path);
    rmdirSync(d);
    if (d === resolve(top)) return true;
  }
}

/**
 * Runs `body` holding the write lock of a `file://` migration directory (waiting up to `timeoutMs` for another
 * `diff`). A directory that does not exist is created for the run; if `body` leaves it empty it is removed again,
 * otherwise stderr says it was created. Other directories (the read-only embedded one) take no lock.
 */
export async function withDirWriteLock<T>(url: string, timeoutMs: number, body: () => Promise<T>): Promise<T> {
  const location = parseDirUrl(url);
  if (location.scheme !== "file") return body();
  const path = location.path;
  const missing = !dirExists(path);
  if (missing && existsSync(path)) throw new DirNotFoundError(path, true);
  const top = missing ? mkdirSync(path, { recursive: true }) : undefined;
  try {
    const release = await lockLocalDir(path, timeoutMs);
    try {
      return await body();
    } finally {
      release();
    }
  } finally {
    if (top !== undefined && !removeCreated(path, top)) process.stderr.write(`Created directory ${path}\n`);
  }
}

/** True for a folder read as a migration directory (it has .sql files or atlas.sum, or no entities index.ts). */
export function isMigrationFolder(path: string): boolean {
  return (
    readdirSync(path).some((n) => n.endsWith(".sql") || n === "atlas.sum") || !existsSync(resolve(path, "index.ts"))
  );
}

/** Options of loadSource: with `devUrl`, migration directories and .sql files are replayed on that clean database. */
export interface SourceOptions {
  readonly devUrl?: string;
}

/**
 * Replays a verified migration directory: on the dev database when one is given, else in memory (each file read once;
 * a replay seen before, or of a prefix of the directory, comes from the cache).
 */
export async function replayDirWith(dir: MigrationDir, flavor: Flavor, opts: SourceOptions = {}): Promise<Schema> {
  const files = dir.files();
  verifyDir({ ...dir, files: () => files });
  if (opts.devUrl) return (await live()).devReplayUrl(opts.devUrl, files);
  const resume = resumeReplay(files, flavor);
  return resume.hit ?? resume.store((await replayer()).replayFiles(resume.rest, flavor, resume.start));
}

/**
 * Loads the desired state a source names (see loadSource); a live database's AUTO_INCREMENT counters are left out:
 * they are where its counters stand, not starts anyone declared.
 */
export async function loadDesired(src: string, flavor: Flavor, opts: SourceOptions = {}): Promise<Schema> {
  const schema = await loadSource(src, flavor, opts);
  return isDatabaseUrl(src) ? withoutCounters(schema) : schema;
}

/**
 * Loads the schema a source names: a database URL (inspected), `file://x.sql`, `file://<migration dir>`,
 * `file://entities`, a `.ts` module, and in the binary `mem://embedded[?version=V]` (the embedded migration directory, replayed in memory).
 */
export async function loadSource(src: string, flavor: Flavor, opts: SourceOptions = {}): Promise<Schema> {
  if (isDatabaseUrl(src)) return (await (await live()).inspectUrl(src)).schema;
  const embeddedFiles = embeddedSourceFiles(src);
  if (embeddedFiles) return (await replayer()).replayFiles(embeddedFiles, flavor);
  if (/^[a-z][a-z0-9+]*:\/\//i.test(src) && !src.startsWith("file://")) {
    throw new SourceError(
      `unknown source scheme in "${redactDatabaseUrl(src)}": use mysql://, maria://, file://<dir>, file://<file>.sql or file://entities`,
    );
  }
  const path = resolve(src.replace(/^file:\/\//, ""));
  // The binary carries its entities: file://entities means them unless such a folder exists where it runs.
  if (src === "file://entities" && embedded && !existsSync(path)) {
    const { schemaFromEntities } = await import("./entities-schema.ts");
    return schemaFromEntities(await embedded.entities(), flavor, "the embedded entities");
  }
  if (!existsSync(path)) throw new SourceError(`source not found: ${src}`);
  if (path.endsWith(".ts") || path.endsWith(".js")) return loadEntities(path, flavor);
  if (statSync(path).isDirectory())
    return isMigrationFolder(path) ? replayDirWith(openLocalDir(path), flavor, opts) : loadEntities(path, flavor);
  const name = src.replace(/^file:\/\//, "");
  if (path.endsWith(".sql") && opts.devUrl)
    return (await live()).devReplayUrl(opts.devUrl, [{ name, text: readFileSync(path, "utf8") }]);
  if (path.endsWith(".sql")) return (await replayer()).replaySql(readFileSync(path, "utf8"), flavor, undefined, name);
  throw new SourceError(
    `unknown source "${src}": expected a .sql file, a migration directory, an entities folder or a .ts module`,
  );
}
