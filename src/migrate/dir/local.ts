/**
 * The filesystem `MigrationDir`: reads top-level `*.sql` files and `atlas.sum` with node:fs and writes atomically
 * (temporary file in the same directory, then rename). A missing directory is an error unless the caller may create it
 * (`diff`): then it reads as empty and is created on the first write.
 */
import { randomBytes } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DirNotFoundError } from "./errors.ts";
import {
  isMigrationName,
  migrationFile,
  type MigrationDir,
  type MigrationFile,
  SUM_FILE,
  sortUniqueFiles,
} from "../dir.ts";

/** A migration file that exists but cannot be read (Atlas: `sql/migrate: read file "<name>": <cause>`). */
export class DirReadError extends Error {
  constructor(
    readonly file: string,
    override readonly cause: unknown,
  ) {
    super(`sql/migrate: read file ${JSON.stringify(file)}: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = "DirReadError";
  }
}

function isNotFound(e: unknown): boolean {
  return typeof e === "object" && e !== null && "code" in e && e.code === "ENOENT";
}

function listNames(path: string): string[] {
  try {
    return readdirSync(path);
  } catch (e) {
    if (isNotFound(e)) return [];
    throw e;
  }
}

function readMigration(path: string, name: string): MigrationFile {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(join(path, name));
  } catch (e) {
    throw new DirReadError(name, e);
  }
  return migrationFile(name, bytes);
}

function writeAtomic(path: string, name: string, text: string): void {
  mkdirSync(path, { recursive: true });
  const tmp = join(path, `.${name}.${randomBytes(6).toString("hex")}.tmp`);
  try {
    writeFileSync(tmp, text, { mode: 0o644 });
    renameSync(tmp, join(path, name));
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

function pathKind(path: string): "directory" | "other" | "missing" {
  try {
    return statSync(path).isDirectory() ? "directory" : "other";
  } catch (e) {
    if (isNotFound(e) || (typeof e === "object" && e !== null && "code" in e && e.code === "ENOTDIR")) return "missing";
    throw e;
  }
}

/** Whether `path` exists and is a directory. */
export function dirExists(path: string): boolean {
  return pathKind(path) === "directory";
}

/** Whether `openLocalDir` accepts a missing directory (reading as empty, created on the first write). */
export interface OpenLocalDirOptions {
  readonly mayCreate?: boolean;
}

/** Opens a migration directory on disk; a missing one throws DirNotFoundError unless `mayCreate`. */
export function openLocalDir(path: string, opts: OpenLocalDirOptions = {}): MigrationDir {
  const kind = pathKind(path);
  if (kind === "other" || (kind === "missing" && !opts.mayCreate)) throw new DirNotFoundError(path, kind === "other");
  return {
    files: () =>
      sortUniqueFiles(
        listNames(path)
          .filter(isMigrationName)
          .map((name) => readMigration(path, name)),
      ),
    readSum: () => {
      try {
        return readFileSync(join(path, SUM_FILE), "utf8");
      } catch (e) {
        if (isNotFound(e)) return undefined;
        throw e;
      }
    },
    writeFile: (name, text) => writeAtomic(path, name, text),
    removeFile: (name) => rmSync(join(path, name), { force: true }),
    writeSum: (text) => writeAtomic(path, SUM_FILE, text),
  };
}
