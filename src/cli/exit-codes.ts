/**
 * The one table from error class to exit code: 2 when the operator's input is wrong (a flag, an argument, a URL, a
 * duration, atlas.hcl, the entities) and must be fixed before a retry, 1 when the run failed (the migration directory,
 * the database, the server, git). run.ts loads this file only when a command has failed, so a successful run does not
 * pay for importing every error class. test/cli/exit-codes.test.ts checks that every error class of src/ has a row.
 */
import { ConfigError, DataSourceError } from "../config/errors.ts";
import { HclError } from "../hcl/errors.ts";
import { DurationError } from "../go/duration.ts";
import { ConnectionError, DatabaseError } from "../db/errors.ts";
import { OptionFileError } from "../db/option-file.ts";
import { DatabaseUrlError } from "../db/url.ts";
import { UnsupportedEntityTypeError } from "../entities/typebox-source.ts";
import { EntityError } from "../entities/validate.ts";
import {
  AmbiguousRevisionsError,
  ApplyOptionError,
  ChecksumNotFoundError,
  HistoryChangedError,
  HistoryNonLinearError,
  MissingMigrationError,
  NotCleanError,
  StatementError,
  StatementInDoubtError,
} from "../migrate/apply/errors.ts";
import { DevReplayError, NotCleanError as DevNotCleanError } from "../migrate/dev-replay.ts";
import {
  DirInputError,
  DirLockedError,
  DirNotFoundError,
  DuplicateVersionError,
  InvalidUtf8Error,
  MigrationNameError,
  VersionOrderError,
} from "../migrate/dir/errors.ts";
import { DirUrlError } from "../migrate/dir/url.ts";
import { DirectiveError } from "../migrate/dir/directives.ts";
import {
  DataLossError,
  DownTargetError,
  DriftError,
  MissingTargetFileError,
  RevertStatementError,
} from "../migrate/down/errors.ts";
import { GitError } from "../lint/git-changes.ts";
import { ApplyDriftError, DriftGateError } from "../migrate/apply/drift-gate.ts";
import { DriftCheckError } from "../migrate/drift.ts";
import { DirReadError } from "../migrate/dir/local.ts";
import { InDoubtError } from "../migrate/apply/in-doubt.ts";
import { OnlinePrerequisiteError, OnlineStillRunningError, OnlineToolError } from "../migrate/apply/online/errors.ts";
import { LockError, LockLostError } from "../migrate/apply/lock.ts";
import { PlanVerificationError } from "../migrate/planned-file.ts";
import { ReplayError } from "../migrate/replay.ts";
import { NothingInDoubtError } from "../migrate/apply/resolve.ts";
import { SplitError } from "../migrate/split.ts";
import { ChecksumError, ChecksumFileNotFound, ChecksumFormatError, ChecksumMismatch } from "../migrate/dir/sum.ts";
import { UnknownCharsetError } from "../mysql/charset.ts";
import { InspectError, SchemaNotFoundError } from "../mysql/inspect/errors.ts";
import { ParseError } from "../mysql/lexer.ts";
import { DataStatementError, SchemaStateError, UnsupportedStatementError } from "../mysql/parse/errors.ts";
import { PlanError } from "../mysql/plan/errors.ts";
import { UnknownTypeError } from "../mysql/types.ts";
import { ApplyError } from "../schema/errors.ts";
import { DirChecksumError, SettingsError, SourceError } from "../project/errors.ts";
import { PlanExecutionError } from "./apply-plan.ts";
import { PlanFileError } from "../migrate/release-plan/document.ts";
import { PlanMovedError, PlanNotMadeError } from "../migrate/release-plan/verify.ts";
import { InputError, InterruptedError, ReportedError, UsageError } from "./errors.ts";

/** Exit code of a run that failed. */
export const EXIT_FAILURE = 1;
/** Exit code of a command line or input the operator must fix (usage, flags, URLs, atlas.hcl, entities). */
export const EXIT_USAGE = 2;

/** An error class (any constructor of Error objects). */
export type ErrorClass = abstract new (...args: never[]) => Error;

/** Every error class of the library with its exit code. A subclass without a row takes its nearest ancestor's. */
export const EXIT_CODES: ReadonlyMap<ErrorClass, number> = new Map<ErrorClass, number>([
  // Usage and bad input: nothing was attempted.
  [UsageError, EXIT_USAGE],
  [InputError, EXIT_USAGE],
  [SourceError, EXIT_USAGE],
  [SettingsError, EXIT_USAGE],
  [ConfigError, EXIT_USAGE],
  [HclError, EXIT_USAGE],
  [DatabaseUrlError, EXIT_USAGE],
  [DurationError, EXIT_USAGE],
  [DirUrlError, EXIT_USAGE],
  [EntityError, EXIT_USAGE],
  [UnsupportedEntityTypeError, EXIT_USAGE],
  [ApplyOptionError, EXIT_USAGE],
  [DownTargetError, EXIT_USAGE],
  [GitError, EXIT_USAGE],
  [OptionFileError, EXIT_USAGE],
  [DirInputError, EXIT_USAGE],
  [DirNotFoundError, EXIT_USAGE],
  [DuplicateVersionError, EXIT_USAGE],
  [InvalidUtf8Error, EXIT_USAGE],
  [MigrationNameError, EXIT_USAGE],
  [VersionOrderError, EXIT_USAGE],
  [PlanFileError, EXIT_USAGE],
  // Failures: the directory, the database, the server or the plan stopped the run.
  [ReportedError, EXIT_FAILURE],
  [DataSourceError, EXIT_FAILURE],
  [PlanExecutionError, EXIT_FAILURE],
  [ConnectionError, EXIT_FAILURE],
  [DatabaseError, EXIT_FAILURE],
  [ApplyError, EXIT_FAILURE],
  [PlanError, EXIT_FAILURE],
  [ParseError, EXIT_FAILURE],
  [UnsupportedStatementError, EXIT_FAILURE],
  [DataStatementError, EXIT_FAILURE],
  [OnlinePrerequisiteError, EXIT_FAILURE],
  [OnlineToolError, EXIT_FAILURE],
  [OnlineStillRunningError, EXIT_FAILURE],
  [SchemaStateError, EXIT_FAILURE],
  [SchemaNotFoundError, EXIT_FAILURE],
  [InspectError, EXIT_FAILURE],
  [UnknownCharsetError, EXIT_FAILURE],
  [UnknownTypeError, EXIT_FAILURE],
  [DirReadError, EXIT_FAILURE],
  [SplitError, EXIT_FAILURE],
  [DirectiveError, EXIT_FAILURE],
  [ReplayError, EXIT_FAILURE],
  [DevReplayError, EXIT_FAILURE],
  [DevNotCleanError, EXIT_FAILURE],
  [ChecksumMismatch, EXIT_FAILURE],
  [ChecksumError, EXIT_FAILURE],
  [DirChecksumError, EXIT_FAILURE],
  [ChecksumFileNotFound, EXIT_FAILURE],
  [ChecksumFormatError, EXIT_FAILURE],
  [ChecksumNotFoundError, EXIT_FAILURE],
  [NotCleanError, EXIT_FAILURE],
  [HistoryNonLinearError, EXIT_FAILURE],
  [MissingMigrationError, EXIT_FAILURE],
  [HistoryChangedError, EXIT_FAILURE],
  [StatementError, EXIT_FAILURE],
  [AmbiguousRevisionsError, EXIT_FAILURE],
  [LockError, EXIT_FAILURE],
  [MissingTargetFileError, EXIT_FAILURE],
  [DataLossError, EXIT_FAILURE],
  [DriftError, EXIT_FAILURE],
  [ApplyDriftError, EXIT_FAILURE],
  [PlanMovedError, EXIT_FAILURE],
  [PlanNotMadeError, EXIT_FAILURE],
  [DriftGateError, EXIT_FAILURE],
  [DriftCheckError, EXIT_FAILURE],
  [DirLockedError, EXIT_FAILURE],
  [RevertStatementError, EXIT_FAILURE],
  [PlanVerificationError, EXIT_FAILURE],
  // An interrupted run: its statements' fate is known (in doubt: the next apply decides) or needs the operator.
  [StatementInDoubtError, EXIT_FAILURE],
  [InDoubtError, EXIT_FAILURE],
  [NothingInDoubtError, EXIT_FAILURE],
  [LockLostError, EXIT_FAILURE],
  // Never read: a ReportedError carries its own code (here 128 + the signal's number); the row keeps the table whole.
  [InterruptedError, EXIT_FAILURE],
]);

/** The exit code for an error: a ReportedError's own, else the row of its class (or nearest ancestor), else 1. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof ReportedError) return e.exitCode;
  // citty's argument errors (a missing or invalid argument): its CLIError class is not exported, its name is.
  if (e instanceof Error && e.name === "CLIError") return EXIT_USAGE;
  for (
    let proto = e instanceof Error ? Object.getPrototypeOf(e) : null;
    proto && proto !== Error.prototype;
    proto = Object.getPrototypeOf(proto)
  ) {
    const code = EXIT_CODES.get(proto.constructor as ErrorClass);
    if (code !== undefined) return code;
  }
  return EXIT_FAILURE;
}
