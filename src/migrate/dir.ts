/**
 * The migration directory as Atlas sees it (`sql/migrate/dir.go`): top-level `*.sql` files sorted byte-wise by name,
 * each with a version and description taken from its name, plus `atlas.sum`. One interface, two homes: the filesystem
 * (`dir/local.ts`) and memory (`memoryDir`, what the compiled binary embeds).
 */
import { Buffer } from "node:buffer";
import { compareNames } from "./bytestring.ts";
import { DuplicateVersionError, InvalidUtf8Error } from "./dir/errors.ts";
import { decodeUtf8 } from "./utf8.ts";

/** Name of the integrity file in a migration directory. */
export const SUM_FILE = "atlas.sum";

/** One migration file: name, version and description from the name, raw bytes and their UTF-8 text. */
export interface MigrationFile {
  readonly name: string;
  readonly version: string;
  readonly description: string;
  readonly bytes: Uint8Array;
  readonly text: string;
}

/** A migration directory: its files in apply order, its `atlas.sum`, and writes to both. */
export interface MigrationDir {
  /** Top-level `*.sql` files, sorted byte-wise by name. */
  files(): MigrationFile[];
  /** The text of `atlas.sum`, or `undefined` when there is none. */
  readSum(): string | undefined;
  writeFile(name: string, text: string): void;
  /** Removes a file; removing a missing file is not an error. */
  removeFile(name: string): void;
  writeSum(text: string): void;
}

/** Whether a directory entry is a migration file (Go's `*.sql` glob: a leading dot matches too). */
export function isMigrationName(name: string): boolean {
  return name.endsWith(".sql");
}

/** The version of a migration file name: the name minus `.sql`, up to the first `_`. */
export function fileVersion(name: string): string {
  const base = name.endsWith(".sql") ? name.slice(0, -4) : name;
  const us = base.indexOf("_");
  return us === -1 ? base : base.slice(0, us);
}

/** The description of a migration file name: after the first `_`, minus `.sql`; `""` when there is no `_`. */
export function fileDescription(name: string): string {
  const us = name.indexOf("_");
  if (us === -1) return "";
  const rest = name.slice(us + 1);
  return rest.endsWith(".sql") ? rest.slice(0, -4) : rest;
}

/** Builds a `MigrationFile` from a name and its raw bytes; bytes that are not UTF-8 throw InvalidUtf8Error. */
export function migrationFile(name: string, bytes: Uint8Array): MigrationFile {
  const decoded = decodeUtf8(bytes);
  if ("offset" in decoded) throw new InvalidUtf8Error(name, decoded.offset);
  return { name, version: fileVersion(name), description: fileDescription(name), bytes, text: decoded.text };
}

/**
 * Sorts migration files the way Atlas does (plain byte-wise order of the names: `10_x.sql` before `2_x.sql`) and
 * refuses two files of one version (DuplicateVersionError naming both): a directory's versions are unique.
 */
export function sortUniqueFiles(files: MigrationFile[]): MigrationFile[] {
  files.sort((a, b) => compareNames(a.name, b.name));
  const seen = new Map<string, string>();
  for (const f of files) {
    const other = seen.get(f.version);
    if (other !== undefined) throw new DuplicateVersionError(f.version, [other, f.name]);
    seen.set(f.version, f.name);
  }
  return files;
}

/** An in-memory migration directory over `{ name: text }` (an `atlas.sum` key is the sum file). */
export function memoryDir(initial: Readonly<Record<string, string>>): MigrationDir {
  const entries = new Map(Object.entries(initial));
  return {
    files: () =>
      sortUniqueFiles(
        [...entries]
          .filter(([name]) => isMigrationName(name))
          .map(([name, text]) => migrationFile(name, Buffer.from(text, "utf8"))),
      ),
    readSum: () => entries.get(SUM_FILE),
    writeFile: (name, text) => void entries.set(name, text),
    removeFile: (name) => void entries.delete(name),
    writeSum: (text) => void entries.set(SUM_FILE, text),
  };
}

/** The greatest version among the files (Atlas compares versions as strings), or `undefined` when there are none. */
export function latestVersion(files: readonly MigrationFile[]): string | undefined {
  return files.reduce<string | undefined>(
    (max, f) => (max === undefined || compareNames(f.version, max) > 0 ? f.version : max),
    undefined,
  );
}
