/**
 * The errors `migrate apply` can end with, each carrying its data and Atlas's message text.
 */
import { goQuote } from "../../go/quote.ts";

/** The database has objects but no revisions, and neither baseline nor allow-dirty was given. */
export class NotCleanError extends Error {
  constructor(readonly reason: string) {
    super(`sql/migrate: connected database is not clean: ${reason}. baseline version or allow-dirty is required`);
    this.name = "NotCleanError";
  }
}

/** A flag combination or value Atlas refuses before touching the database. */
export class ApplyOptionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ApplyOptionError";
  }
}

/** Files older than the last revision were never applied (`--exec-order linear`). */
export class HistoryNonLinearError extends Error {
  constructor(readonly outOfOrder: readonly string[]) {
    super(
      outOfOrder.length === 1
        ? `migration file ${outOfOrder[0]} was added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error`
        : `migration files ${outOfOrder.join(", ")} were added out of order. See: https://atlasgo.io/versioned/apply#non-linear-error`,
    );
    this.name = "HistoryNonLinearError";
  }
}

/** The last revision is partial but its file is gone. */
export class MissingMigrationError extends Error {
  constructor(
    readonly version: string,
    readonly description: string,
  ) {
    super(
      `sql/migrate: missing migration: revision ${goQuote(`${version}${description ? "_" + description : ""}.sql`)} is partially applied but migration file was not found`,
    );
    this.name = "MissingMigrationError";
  }
}

/** A statement already applied in an earlier, partial run was edited since. */
export class HistoryChangedError extends Error {
  constructor(
    readonly file: string,
    readonly statement: number,
  ) {
    super(`sql/migrate: history changed: statement ${statement} from file ${goQuote(file)} changed`);
    this.name = "HistoryChangedError";
  }
}

/** A statement of a migration file failed; `cause` is the driver's error. */
export class StatementError extends Error {
  constructor(
    readonly stmt: string,
    readonly version: string,
    readonly driverMessage: string,
    options?: { cause?: unknown },
  ) {
    super(
      `sql/migrate: executing statement ${goQuote(stmt)} from version ${goQuote(version)}: ${driverMessage}`,
      options,
    );
    this.name = "StatementError";
  }
}

/** A file to apply has no line in atlas.sum (e.g. an `atlas:sum ignore` file). */
export class ChecksumNotFoundError extends Error {
  constructor(readonly file: string) {
    super(`sql/migrate: scanning checksum from ${goQuote(file)}: checksum not found`);
    this.name = "ChecksumNotFoundError";
  }
}

/** The revisions table exists only in the default schema while the URL names another (Atlas's clarity check). */
export class AmbiguousRevisionsError extends Error {
  constructor(readonly urlSchema: string) {
    super("ambiguous revision table");
    this.name = "AmbiguousRevisionsError";
  }
}

/**
 * The connection was lost while a statement ran: the server may still complete it, so its outcome is unknown. The
 * journal keeps it; the next run waits for it and decides from the live schema.
 */
export class StatementInDoubtError extends StatementError {
  constructor(stmt: string, version: string, driverMessage: string, options?: { cause?: unknown }) {
    super(stmt, version, driverMessage, options);
    this.message += `; the server may still complete it: run "stats-db migrate apply" again, it checks whether the statement took effect before going on`;
    this.name = "StatementInDoubtError";
  }
}
