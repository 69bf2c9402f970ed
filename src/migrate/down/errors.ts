/**
 * The errors `migrate down` can end with, each carrying its data; the messages name the version, table and column.
 */
import { goQuote } from "../../go/quote.ts";

/** `--to-version` names no applied revision, or a combination of options cannot be planned. */
export class DownTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DownTargetError";
  }
}

/** A revision to keep (or the applied one) has no file in the directory, so its schema cannot be computed. */
export class MissingTargetFileError extends Error {
  constructor(
    readonly version: string,
    consequence = "cannot compute the schema to revert to",
  ) {
    super(`sql/migrate: migration file of version ${goQuote(version)} not found: ${consequence}`);
    this.name = "MissingTargetFileError";
  }
}

/** What a failed narrowing check found: the type the column gets, how many rows do not fit, and whether that count is exact. */
export interface NotFitting {
  readonly type: string;
  readonly rows: number;
  readonly exact: boolean;
}

/** A pre-revert check found rows that the revert would delete or cut; nothing was changed. */
export class DataLossError extends Error {
  /** What the check found, e.g. `table "logs" is not empty`. */
  readonly reason: string;

  constructor(
    readonly version: string,
    readonly table: string,
    readonly column?: string,
    readonly notFitting?: NotFitting,
    /** For a dropped-partitions check: the partitions that hold rows. */
    readonly partitions?: readonly string[],
  ) {
    const rows = (n: number) => `${n} row${n === 1 ? "" : "s"}`;
    const many = (partitions?.length ?? 0) > 1;
    const reason =
      partitions !== undefined
        ? `partition${many ? "s" : ""} ${partitions.map(goQuote).join(", ")} of table ${goQuote(table)} hold${many ? "" : "s"} rows`
        : notFitting !== undefined
          ? `column ${goQuote(column ?? "")} of table ${goQuote(table)} has ${rows(notFitting.rows)} whose values ${notFitting.exact ? "do" : "may"} not fit ${notFitting.type}`
          : column === undefined
            ? `table ${goQuote(table)} is not empty`
            : `column ${goQuote(column)} of table ${goQuote(table)} holds non-NULL values`;
    super(
      `${reason} and reverting version ${goQuote(version)} ${notFitting ? "narrows" : "drops"} ${many ? "them" : "it"}: nothing was changed (--force-data-loss reverts anyway)`,
    );
    this.name = "DataLossError";
    this.reason = reason;
  }
}

/** The live schema differs from the directory at the applied version; nothing was changed. */
export class DriftError extends Error {
  constructor(
    readonly version: string,
    /** One line per difference, e.g. `extra column "nick" of table "users": \`nick\` int NULL`. */
    readonly differences: readonly string[],
  ) {
    const n = differences.length;
    super(
      `the database has drifted from the migration directory at version ${goQuote(version)} (${n} difference${n === 1 ? "" : "s"}: ${differences[0]}${n > 1 ? ", …" : ""}): ` +
        "nothing was changed (--allow-drift reverts anyway, planning from the live schema)",
    );
    this.name = "DriftError";
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
    super(
      `sql/migrate: executing statement ${goQuote(stmt)} reverting version ${goQuote(version)}: ${driverMessage}`,
      options,
    );
    this.name = "RevertStatementError";
  }
}
