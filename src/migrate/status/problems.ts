/**
 * What `migrate status` reports beyond Atlas's counts, one plain line each: a directory that fails its atlas.sum,
 * versions applied that the directory lacks (the database is ahead, or files were removed), a file changed after it
 * was applied (its revision's hash differs), and a file that failed or was only partly applied (with a statement in
 * doubt, when the journal names one).
 */
import { compareNames } from "../bytestring.ts";
import { latestVersion, type MigrationFile } from "../dir.ts";
import type { Intent } from "../apply/journal.ts";
import type { Revision } from "../revisions.ts";
import { computeSum, validateDir } from "../dir/sum.ts";

const list = (versions: readonly string[]) => versions.join(", ");
const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

// Applied versions without a file: after the directory's latest (the database is ahead) or among its files (removed).
function missingFiles(files: readonly MigrationFile[], revisions: readonly Revision[]): string[] {
  const have = new Set(files.map((f) => f.version));
  const latest = latestVersion(files);
  const missing = revisions.map((r) => r.version).filter((v) => !have.has(v));
  const ahead = missing.filter((v) => latest === undefined || compareNames(v, latest) > 0);
  const removed = missing.filter((v) => !ahead.includes(v));
  const out: string[] = [];
  if (ahead.length > 0) {
    out.push(
      `The database is ahead of the migration directory: ${plural(ahead.length, "version", "versions")} ${list(ahead)} ${plural(ahead.length, "is", "are")} applied but not in the directory (an older checkout or binary?): use the directory that applied ${plural(ahead.length, "it", "them")}`,
    );
  }
  if (removed.length > 0) {
    out.push(
      `Applied ${plural(removed.length, "version", "versions")} ${list(removed)} ${plural(removed.length, "has", "have")} no file in the migration directory (removed or renamed after being applied)`,
    );
  }
  return out;
}

// The first applied file whose revision hash matches neither the directory's chain nor the chain of the applied
// files alone (a file added out of order later changes the first, not the second). Later files follow from it.
function changedFile(files: readonly MigrationFile[], revisions: readonly Revision[]): string[] {
  const applied = new Set(revisions.map((r) => r.version));
  const chains = [computeSum(files), computeSum(files.filter((f) => applied.has(f.version)))].map(
    (s) => new Map(s.entries.map((e) => [e.name, e.hash])),
  );
  for (const r of revisions) {
    const file = files.find((f) => f.version === r.version);
    if (r.hash === "" || file === undefined || !chains[0]!.has(file.name)) continue;
    if (chains.some((c) => c.get(file.name) === r.hash)) continue;
    return [
      `Checksum mismatch: ${file.name} differs from the file applied as version ${r.version} (edited after it was applied?): restore it, and change the schema with a new migration file`,
    ];
  }
  return [];
}

// A file that failed (an error is recorded), stopped part-way while a statement ran (it is in doubt: the journal
// names it), or stopped between statements.
function unfinished(revisions: readonly Revision[], doubts: readonly Intent[]): string[] {
  return revisions.flatMap((r) => {
    const counts = `${r.applied} of ${r.total} ${plural(r.total, "statement", "statements")} applied`;
    if (r.error !== "")
      return [
        `Version ${r.version} failed (${counts}; the error is below): fix it, then run 'stats-db migrate apply' again`,
      ];
    if (r.applied >= r.total) return [];
    if (doubts.some((d) => d.version === r.version)) {
      return [
        `Version ${r.version} was partly applied (${counts}) and statement ${r.applied + 1} is in doubt (its run was interrupted while it ran): 'stats-db migrate apply' first decides from the live schema whether it took effect, then goes on`,
      ];
    }
    return [
      `Version ${r.version} was partly applied (${counts}; its run stopped between statements): 'stats-db migrate apply' resumes at statement ${r.applied + 1}`,
    ];
  });
}

function sumMismatch(files: readonly MigrationFile[], sum: string | undefined): string[] {
  const result = validateDir(files, sum);
  return result.ok
    ? []
    : [
        `The migration directory fails its atlas.sum (${result.error.message}): run 'stats-db migrate validate' for the details`,
      ];
}

/**
 * The problems `migrate status` reports for these revisions against these files and their atlas.sum text, and the
 * statements in doubt, one line each (none when all is in order).
 */
export function statusProblems(
  files: readonly MigrationFile[],
  sum: string | undefined,
  revisions: readonly Revision[],
  doubts: readonly Intent[] = [],
): string[] {
  return [
    ...sumMismatch(files, sum),
    ...missingFiles(files, revisions),
    ...changedFile(files, revisions),
    ...unfinished(revisions, doubts),
  ];
}
