/**
 * The errors of the project layer: a source, the settings or the entities the caller named cannot be used (bad input,
 * fixed by the operator), and a migration directory whose atlas.sum does not match its files.
 */
import type { SumValidationError } from "../migrate/dir/sum.ts";

/** A schema source or the entities cannot be read as given (unknown scheme, missing file, broken entities): one line per problem. */
export class SourceError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "SourceError";
  }
}

/** A setting that cannot be used: a bad `--var`, `--env`, `--flavor`, an unsupported `data` source, a write to the embedded directory. */
export class SettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SettingsError";
  }
}

/** A migration directory failed its atlas.sum check; `sumError` says how (the CLI prints Atlas's report for it). */
export class DirChecksumError extends Error {
  constructor(readonly sumError: SumValidationError) {
    super(sumError.message, { cause: sumError });
    this.name = "DirChecksumError";
  }
}
