/**
 * The one error kind of the project-file reader: a message tied to a file and, when known, a line and column.
 */
import type { Pos } from "../hcl/errors.ts";

/** A problem in `atlas.hcl` (syntax, evaluation, or selection), printed as `file:line:col: message`. */
export class ConfigError extends Error {
  constructor(
    readonly file: string,
    readonly detail: string,
    readonly pos?: Pos,
    options?: { cause?: unknown },
  ) {
    super(pos ? `${file}:${pos.line}:${pos.col}: ${detail}` : `${file}: ${detail}`, options);
    this.name = "ConfigError";
  }
}

/** A `data` source of `atlas.hcl` that could not be read (its database unreachable, its query refused): exit 1. */
export class DataSourceError extends Error {
  constructor(
    readonly file: string,
    readonly source: string,
    readonly detail: string,
    readonly pos?: Pos,
    options?: { cause?: unknown },
  ) {
    super(`${pos ? `${file}:${pos.line}:${pos.col}` : file}: ${source}: ${detail}`, options);
    this.name = "DataSourceError";
  }
}
