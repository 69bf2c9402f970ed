/**
 * CLI-level errors and how any error is printed on stderr (its exit code comes from exit-codes.ts).
 */
import { SourceError } from "../project/errors.ts";

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

/** A run stopped by a signal after its running statement: one line, exit code 128 + the signal's number. */
export class InterruptedError extends ReportedError {
  constructor(
    readonly signal: "SIGHUP" | "SIGINT" | "SIGTERM",
    /** What stopped: by default the run ended after its running statement; else e.g. that statement was cancelled. */
    detail = "stopped after the running statement",
  ) {
    super(
      `interrupted by ${signal}: ${detail}; run the same command again to go on`,
      { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 }[signal],
    );
    this.name = "InterruptedError";
  }
}

/** Bad input the user must fix (broken entities, an unknown source): exit code 2, one line per problem. */
export class InputError extends Error {
  constructor(
    message: string,
    readonly problems: readonly string[] = [],
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = "InputError";
  }
}

/** The text printed to stderr for an error: `Error: <message>` plus detail lines; the stack only with --debug. */
export function renderError(e: unknown, debug: boolean): string {
  if (e instanceof ReportedError && !(e instanceof InterruptedError)) return "";
  const err = e instanceof Error ? e : new Error(String(e));
  const lines = [`Error: ${err.message}`];
  if (e instanceof InputError || e instanceof SourceError) lines.push(...e.problems.map((p) => `  ${p}`));
  if (debug && err.stack) lines.push(err.stack);
  if (debug && err.cause instanceof Error && err.cause.stack) lines.push(`caused by: ${err.cause.stack}`);
  return lines.join("\n") + "\n";
}
