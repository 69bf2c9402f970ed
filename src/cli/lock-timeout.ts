/**
 * `--lock-timeout`: kept apart from migrate-command.ts so `migrate diff` (which waits only on the directory's lock)
 * does not load the apply session's modules.
 */
import { DurationError, parseGoDuration } from "../go/duration.ts";
import { UsageError } from "./errors.ts";

/** Reads `--lock-timeout`, else the project's `lock_timeout`, else `10s` (a Go duration) as milliseconds; a bad value is a usage error. */
export function lockTimeoutMs(flag: string | undefined, configured: string | undefined): number {
  try {
    return parseGoDuration(flag ?? configured ?? "10s");
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`invalid --lock-timeout: ${e.message}`);
    throw e;
  }
}
