/**
 * The atlas.sum check every command that reads a migration directory runs first (kept apart from sources.ts so
 * `version` can verify the embedded directory without loading the parser).
 */
import type { MigrationDir } from "../migrate/dir.ts";
import { checkSum } from "../migrate/dir/sum.ts";
import { DirChecksumError } from "./errors.ts";

/**
 * Verifies atlas.sum; throws DirChecksumError (carrying the failure Atlas's checksum report is made from) if it does
 * not match. Returns the verified directory total (undefined when there is no atlas.sum and no file).
 */
export function verifyDir(dir: MigrationDir): string | undefined {
  const result = checkSum(dir.files(), dir.readSum());
  if (!result.ok) throw new DirChecksumError(result.error);
  return result.total;
}
