/**
 * The embedded migration directory as a `MigrationDir` (`memoryDir`) and the facts `stats-db version` prints about it.
 */
import { type MigrationDir, type MigrationFile, memoryDir } from "../migrate/dir.ts";
import { computeSum } from "../migrate/dir/sum.ts";
import { embedded } from "./embedded.ts";
import { SettingsError, SourceError } from "./errors.ts";
import { verifyDir } from "./verify-dir.ts";

/** The `--dir` URL that names the embedded directory; the default in the compiled binary. */
export const EMBEDDED_DIR_URL = "mem://embedded";

/** The name part of `EMBEDDED_DIR_URL` as `parseDirUrl` returns it. */
export const EMBEDDED_DIR_NAME = "embedded";

/** Whether this process is the compiled binary (it carries an embedded bundle). */
export function isCompiledBinary(): boolean {
  return embedded !== undefined;
}

function readOnly(): never {
  throw new SettingsError(
    `the embedded migration directory is read-only: pass --dir file://<path> to write migration files`,
  );
}

/** The embedded migration directory, or `undefined` when running from source. It refuses writes (diff, hash). */
export function embeddedDir(): MigrationDir | undefined {
  if (!embedded) return undefined;
  const dir = memoryDir(embedded.files);
  return {
    files: () => dir.files(),
    readSum: () => dir.readSum(),
    writeFile: readOnly,
    removeFile: readOnly,
    writeSum: readOnly,
  };
}

/** The embedded directory, verified against its atlas.sum before anything reads it (prints Atlas's report if not). */
export function openEmbeddedDir(): MigrationDir {
  const dir = embeddedDir();
  if (!dir) throw new SourceError(`${EMBEDDED_DIR_URL} exists only in the compiled binary; use file://<path>`);
  verifyDir(dir);
  return dir;
}

/** The `?version=` of `mem://embedded` that names the state before any migration: a fresh database. */
export const NO_VERSION = "none";

/**
 * The files a schema source `mem://embedded[?version=V]` names: the verified embedded directory, up to and including
 * version V when given (Atlas's `?version=` on a directory source), none for `version=none`; `undefined` when `src`
 * is another source.
 */
export function embeddedSourceFiles(src: string): MigrationFile[] | undefined {
  const m = /^mem:\/\/embedded(?:\?version=([^&]+))?$/.exec(src);
  if (!m) return undefined;
  const files = openEmbeddedDir().files();
  const version = m[1] === undefined ? undefined : decodeURIComponent(m[1]);
  if (version === undefined) return files;
  if (version === NO_VERSION) return [];
  if (!files.some((f) => f.version === version))
    throw new SourceError(
      `${src}: no embedded migration has version ${version} (use ${NO_VERSION} for a database with no migration applied)`,
    );
  return files.filter((f) => f.version <= version);
}

/** What `version` reports about a migration directory (the embedded one in the binary). */
export interface EmbeddedInfo {
  readonly files: number;
  /** Version of the last migration file, `undefined` for an empty directory. */
  readonly latest: string | undefined;
  /** The directory hash: the total atlas.sum starts with (`h1:…`), computed from the files. */
  readonly hash: string;
}

/** Facts about a migration directory: file count, latest version and the atlas.sum total. */
export function dirInfo(dir: MigrationDir): EmbeddedInfo {
  const files = dir.files();
  return { files: files.length, latest: files.at(-1)?.version, hash: `h1:${computeSum(files).total}` };
}
