/**
 * Which revisions `migrate down` reverts (the last one, the last `amount`, or all after `--to-version`) and which
 * directory files build the schema of a kept version.
 */
import { compareNames } from "../bytestring.ts";
import { filesFromLastCheckpoint } from "../dir/checkpoint.ts";
import type { MigrationFile } from "../dir.ts";
import { DownTargetError, MissingTargetFileError } from "./errors.ts";
import type { Revision } from "../revisions.ts";
import { splitStatements } from "../split.ts";

/** How far to go down: a number of files (default 1) or the version to end at. */
export interface DownTarget {
  readonly amount?: number;
  readonly toVersion?: string;
}

/** The revisions a run reverts and the version it ends at. */
export interface DownSelection {
  /** The revisions to revert, newest first. */
  readonly reverted: readonly Revision[];
  /** The last revision before this run ("" when there is none). */
  readonly current: string;
  /** The version the database ends at ("" when every revision is reverted). */
  readonly target: string;
}

/** Chooses the revisions to revert; an amount larger than the history reverts all of it. */
export function selectReverted(revisions: readonly Revision[], want: DownTarget): DownSelection {
  const current = revisions.at(-1)?.version ?? "";
  let keep: number;
  if (want.toVersion !== undefined) {
    keep = revisions.findIndex((r) => r.version === want.toVersion) + 1;
    if (keep === 0)
      throw new DownTargetError(
        `sql/migrate: migration with version "${want.toVersion}" is not applied: nothing to revert to`,
      );
  } else {
    keep = Math.max(0, revisions.length - (want.amount ?? 1));
  }
  return { reverted: revisions.slice(keep).reverse(), current, target: revisions[keep - 1]?.version ?? "" };
}

/** The files whose replay gives the schema at `version`: those up to it, from the last checkpoint among them. */
export function filesUpTo(files: readonly MigrationFile[], version: string): MigrationFile[] {
  if (!files.some((f) => f.version === version)) throw new MissingTargetFileError(version);
  return filesFromLastCheckpoint(files.filter((f) => compareNames(f.version, version) <= 0));
}

/** The files after version `after` ("" for none) up to `upTo` included: what the revisions in between ran. */
export function filesBetween(files: readonly MigrationFile[], after: string, upTo: string): MigrationFile[] {
  return files.filter((f) => compareNames(f.version, after) > 0 && compareNames(f.version, upTo) <= 0);
}

/** A file cut after its first `count` statements (its directive line kept): what a partly applied revision ran. */
function firstStatements(file: MigrationFile, count: number): MigrationFile {
  const stmts = splitStatements(file.text);
  const next = stmts[count];
  if (next === undefined) return file;
  // The splitter's offsets are in bytes, after an `atlas:delimiter` first line.
  const shift = /^-- atlas:delimiter /.test(file.text) ? file.bytes.indexOf(0x0a) + 1 : 0;
  const bytes = file.bytes.subarray(0, shift + next.pos);
  return { ...file, bytes, text: new TextDecoder().decode(bytes) };
}

/** The files as the database ran them: the file of a revision applied partly is cut after its applied statements. */
export function filesAsApplied(files: readonly MigrationFile[], revisions: readonly Revision[]): MigrationFile[] {
  const partly = new Map(revisions.filter((r) => r.applied < r.total).map((r) => [r.version, r.applied]));
  return files.map((f) => {
    const applied = partly.get(f.version);
    return applied === undefined ? f : firstStatements(f, applied);
  });
}
