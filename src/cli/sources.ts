/**
 * Schema sources named on the command line: entities modules, migration directories, DDL files.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { resolve } from "node:path";
import type { MigrationDir } from "../migrate/dir.ts";
import { parseDirUrl } from "../migrate/dir-url.ts";
import { openLocalDir } from "../migrate/local-dir.ts";
import { formatChecksumReport } from "../migrate/checksum-report.ts";
import { replayFiles, replaySql } from "../migrate/replay.ts";
import { validateDir } from "../migrate/sum.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { embedded } from "./embedded.ts";
import { EMBEDDED_DIR_NAME, EMBEDDED_DIR_URL, embeddedDir } from "./embedded-dir.ts";
import { loadEntities, schemaFromEntities } from "./entities-loader.ts";
import { InputError, ReportedError } from "./errors.ts";

/** Opens the migration directory of a `file://` URL. */
export function openDir(url: string): MigrationDir {
  let location;
  try {
    location = parseDirUrl(url);
  } catch (e) {
    throw new InputError((e as Error).message);
  }
  if (location.scheme === "mem" && location.name === EMBEDDED_DIR_NAME) return openEmbeddedDir();
  if (location.scheme !== "file") throw new InputError(`unsupported migration directory URL "${url}": use file://<path>`);
  return openLocalDir(location.path);
}

/** The directory embedded in the compiled binary, verified against its atlas.sum before anything reads it. */
function openEmbeddedDir(): MigrationDir {
  const dir = embeddedDir();
  if (!dir) throw new InputError(`${EMBEDDED_DIR_URL} exists only in the compiled binary; use file://<path>`);
  verifyDir(dir);
  return dir;
}

/** Verifies atlas.sum; on failure prints Atlas's checksum report to stdout and fails with Atlas's error line. */
export function verifyDir(dir: MigrationDir): void {
  const files = dir.files();
  const result = validateDir(files, dir.readSum());
  if (result.ok) return;
  process.stdout.write(formatChecksumReport(result.error));
  process.stderr.write(`Error: ${result.error.message}\n`);
  throw new ReportedError(result.error.message);
}

/** Replays a verified migration directory in memory. */
export function replayDir(dir: MigrationDir, flavor: Flavor): Schema {
  verifyDir(dir);
  return replayFiles(dir.files(), flavor);
}

function isMigrationFolder(path: string): boolean {
  return readdirSync(path).some((n) => n.endsWith(".sql") || n === "atlas.sum") || !existsSync(resolve(path, "index.ts"));
}

/** Loads the schema a source names: `file://x.sql`, `file://<migration dir>`, `file://entities`, a `.ts` module. */
export async function loadSource(src: string, flavor: Flavor): Promise<Schema> {
  if (/^[a-z][a-z0-9+]*:\/\//i.test(src) && !src.startsWith("file://")) {
    throw new InputError(`source "${src.replace(/\/\/[^@/]*@/, "//***@")}" needs a live database, which this command cannot read yet; use file://<dir>, file://<file>.sql or file://entities`);
  }
  const path = resolve(src.replace(/^file:\/\//, ""));
  // The binary carries its entities: file://entities means them unless such a folder exists where it runs.
  if (src === "file://entities" && embedded && !existsSync(path)) return schemaFromEntities(embedded.entities, flavor, "the embedded entities");
  if (!existsSync(path)) throw new InputError(`source not found: ${src}`);
  if (path.endsWith(".ts") || path.endsWith(".js")) return loadEntities(path, flavor);
  if (statSync(path).isDirectory()) return isMigrationFolder(path) ? replayDir(openLocalDir(path), flavor) : loadEntities(path, flavor);
  if (path.endsWith(".sql")) return replaySql(readFileSync(path, "utf8"), flavor, undefined, src.replace(/^file:\/\//, ""));
  throw new InputError(`unknown source "${src}": expected a .sql file, a migration directory, an entities folder or a .ts module`);
}
