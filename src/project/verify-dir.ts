/**
 * The atlas.sum check every command that reads a migration directory runs first (kept apart from sources.ts so
 * `version` can verify the embedded directory without loading the parser).
 */
import type { MigrationDir } from "../migrate/dir.ts";
import { validateDir } from "../migrate/dir/sum.ts";
import { DirChecksumError } from "./errors.ts";

/**
 * Verifies atlas.sum; throws DirChecksumError (carrying the failure Atlas's checksum report is made from) if it does
 * not match.
 */
export function verifyDir(dir: MigrationDir): void {
  const result = validateDir(dir.files(), dir.readSum());
  if (!result.ok) throw new DirChecksumError(result.error);
}
