/**
 * What is wrong with a migration directory or a new migration's name: bad input the operator fixes (the CLI exits 2
 * for every `DirInputError`), plus the lock another `diff` holds (a failure: exit 1).
 */
import { resolve } from "node:path";

/** Bad input in or about a migration directory; the message is one line naming the path or file and what to do. */
export class DirInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "DirInputError";
  }
}

/** The `--dir` (or the env's `migration.dir`) names no directory. */
export class DirNotFoundError extends DirInputError {
  constructor(
    readonly path: string,
    readonly notADirectory = false,
  ) {
    const shown = resolve(path) === path ? JSON.stringify(path) : `${JSON.stringify(path)} (${resolve(path)})`;
    super(
      `migration directory ${shown} ${notADirectory ? "is not a directory" : "does not exist"}: check --dir (or migration.dir in atlas.hcl)`,
    );
    this.name = "DirNotFoundError";
  }
}

/** Two migration files carry one version: `apply` would run one and skip the other forever. */
export class DuplicateVersionError extends DirInputError {
  constructor(
    readonly version: string,
    readonly files: readonly [string, string],
  ) {
    super(
      `two migration files have version ${JSON.stringify(version)}: ${files[0]} and ${files[1]}; give one of them a new version and run 'stats-db migrate hash'`,
    );
    this.name = "DuplicateVersionError";
  }
}

/** A migration file whose bytes are not valid UTF-8. */
export class InvalidUtf8Error extends DirInputError {
  constructor(
    readonly file: string,
    readonly offset: number,
  ) {
    super(`migration file ${file} is not valid UTF-8 (first bad byte at offset ${offset}): save it as UTF-8`);
    this.name = "InvalidUtf8Error";
  }
}

/** A `diff [name]` argument that is not letters, digits, `_` and `-`. */
export class MigrationNameError extends DirInputError {
  constructor(readonly migrationName: string) {
    super(
      `invalid migration name ${JSON.stringify(migrationName)}: use letters, digits, _ and - only (e.g. add_referrer_host)`,
    );
    this.name = "MigrationNameError";
  }
}

/** The directory's latest version sorts after the current timestamp and is no timestamp one can add a second to. */
export class VersionOrderError extends DirInputError {
  constructor(readonly latest: string) {
    super(
      `cannot pick a version after the directory's latest, ${JSON.stringify(latest)}: it is not a YYYYMMDDHHMMSS timestamp`,
    );
    this.name = "VersionOrderError";
  }
}

/** Another `diff` is writing to the directory and did not finish in time. */
export class DirLockedError extends Error {
  constructor(
    readonly lockFile: string,
    readonly pid: number | undefined,
  ) {
    super(
      `another stats-db diff${pid === undefined ? "" : ` (pid ${pid})`} is writing to the migration directory: try again when it is done, or remove ${lockFile} if no such process runs`,
    );
    this.name = "DirLockedError";
  }
}
