/**
 * The errors `migrate down` can end with, each carrying its data; the messages name the version, table and column.
 */
import { goQ } from "./apply-errors.ts";

/** `--to-version` names no applied revision, or a combination of options cannot be planned. */
export class DownTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DownTargetError";
  }
}

/** A revision to keep has no file in the directory, so the state to revert to cannot be computed. */
export class MissingTargetFileError extends Error {
  constructor(readonly version: string) {
    super(`sql/migrate: migration file of version ${goQ(version)} not found: cannot compute the schema to revert to`);
    this.name = "MissingTargetFileError";
  }
}

/** A pre-revert check found rows that the revert would delete; nothing was changed. */
export class DataLossError extends Error {
  /** What the check found, e.g. `table "logs" is not empty`. */
  readonly reason: string;

  constructor(
    readonly version: string,
    readonly table: string,
    readonly column?: string,
  ) {
    const reason = column === undefined ? `table ${goQ(table)} is not empty` : `column ${goQ(column)} of table ${goQ(table)} holds non-NULL values`;
    super(`${reason} and reverting version ${goQ(version)} drops it: nothing was changed (--force-data-loss reverts anyway)`);
    this.name = "DataLossError";
    this.reason = reason;
  }
}

/** A statement of the revert plan failed; the statements before it stay executed and a re-run resumes from the live state. */
export class RevertStatementError extends Error {
  constructor(
    readonly stmt: string,
    readonly version: string,
    readonly driverMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`sql/migrate: executing statement ${goQ(stmt)} reverting version ${goQ(version)}: ${driverMessage}`, options);
    this.name = "RevertStatementError";
  }
}
