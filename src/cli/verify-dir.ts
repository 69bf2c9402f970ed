/**
 * The atlas.sum check every command that reads a migration directory runs first (kept apart from sources.ts so
 * `version` can verify the embedded directory without loading the parser).
 */
import { formatChecksumReport } from "./report/checksum.ts";
import type { MigrationDir } from "../migrate/dir.ts";
import { validateDir } from "../migrate/dir/sum.ts";
import { ReportedError } from "./errors.ts";

/** Verifies atlas.sum; on failure prints Atlas's checksum report to stdout and fails with Atlas's error line. */
export function verifyDir(dir: MigrationDir): void {
  const files = dir.files();
  const result = validateDir(files, dir.readSum());
  if (result.ok) return;
  process.stdout.write(formatChecksumReport(result.error));
  process.stderr.write(`Error: ${result.error.message}\n`);
  throw new ReportedError(result.error.message);
}
