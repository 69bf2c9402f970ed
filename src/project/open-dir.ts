/**
 * Opening the migration directory a `--dir` URL names. Apart from sources.ts so commands that only read the
 * directory (`migrate status`) do not load the replay, parser and entities code that loading a source needs.
 */
import type { MigrationDir } from "../migrate/dir.ts";
import { openLocalDir } from "../migrate/dir/local.ts";
import { parseDirUrl } from "../migrate/dir/url.ts";
import { EMBEDDED_DIR_NAME, openEmbeddedDir } from "./embedded-dir.ts";
import { SourceError } from "./errors.ts";

/** Options of openDir: `diff` may open a `file://` directory that does not exist yet (it reads as empty). */
export interface OpenDirOptions {
  readonly mayCreate?: boolean;
}

/** Opens the migration directory of a `file://` URL (or the embedded one); a missing directory is an error (DirNotFoundError). */
export function openDir(url: string, opts: OpenDirOptions = {}): MigrationDir {
  const location = parseDirUrl(url);
  if (location.scheme === "mem" && location.name === EMBEDDED_DIR_NAME) return openEmbeddedDir();
  if (location.scheme !== "file")
    throw new SourceError(`unsupported migration directory URL "${url}": use file://<path>`);
  return openLocalDir(location.path, opts);
}
