/**
 * Errors raised by the pure schema functions.
 */

/** A change that cannot apply to the schema it is given (e.g. adding a table that exists). */
export class ApplyError extends Error {
  constructor(
    message: string,
    readonly table?: string,
  ) {
    super(message);
    this.name = "ApplyError";
  }
}
