/**
 * CLI-level errors and the one place every error becomes a line on stderr and an exit code.
 */
import { DirInputError } from "../migrate/dir-errors.ts";

/** A wrong flag, argument or combination of them: exit code 2. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "UsageError";
  }
}

/** A failure whose message was already printed in full (e.g. a checksum report): exit with the code, print no more. */
export class ReportedError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
    this.name = "ReportedError";
  }
}

/** Bad input the user must fix (broken entities, an unknown source): exit code 2, one line per problem. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
  ) {
    super(message);
    this.name = "InputError";
  }
}

/** The exit code for an error: 2 for usage and input errors (a migration directory's included), 1 for everything else. */
export function exitCodeOf(e: unknown): number {
  if (e instanceof ReportedError) return e.exitCode;
  return e instanceof UsageError || e instanceof InputError || e instanceof DirInputError ? 2 : 1;
}

/** The text printed to stderr for an error: `Error: <message>` plus detail lines; the stack only with --debug. */
export function renderError(e: unknown, debug: boolean): string {
  if (e instanceof ReportedError) return "";
  const err = e instanceof Error ? e : new Error(String(e));
  const lines = [`Error: ${err.message}`];
  if (e instanceof InputError) lines.push(...e.problems.map((p) => `  ${p}`));
  if (debug && err.stack) lines.push(err.stack);
  return lines.join("\n") + "\n";
}
