/**
 * What the `migrate` commands that talk to a database share: their flags (`--url`, `--revisions-schema`, `--format`),
 * the lock timeout, where the revisions table lives, Atlas's apply lock around a run, and the report's output.
 */
import process from "node:process";
import type { ArgsDef } from "citty";
import { type Connection, connect } from "../db/connect.ts";
import { DurationError, parseGoDuration } from "../db/duration.ts";
import { revisionsSchemaOf } from "../migrate/revisions-schema.ts";
import { acquireLock, APPLY_LOCK } from "../migrate/lock.ts";
import { openDatabase } from "./connect.ts";
import { ReportedError, UsageError } from "./errors.ts";

/** `--url`, `--revisions-schema`, `--format`. */
export const migrateDbArgs = {
  url: { type: "string", alias: "u", description: "database URL (mysql://user:pass@host:3306/schema)" },
  "revisions-schema": { type: "string", description: "schema holding atlas_schema_revisions" },
  format: { type: "string", description: "json (or Atlas's '{{ json . }}') for machine-readable output" },
} as const satisfies ArgsDef;

/** Whether `--format` asks for JSON; any other template is refused (only Atlas's json template is supported). */
export function isJsonFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  if (format === "json" || /^\{\{\s*json\s+\.\s*\}\}$/.test(format.trim())) return true;
  throw new UsageError(`unsupported --format "${format}": use json or '{{ json . }}'`);
}

/** Reads `--lock-timeout`, else the project's `lock_timeout`, else `10s` (a Go duration) as milliseconds; a bad value is a usage error. */
export function lockTimeoutMs(flag: string | undefined, configured: string | undefined): number {
  try {
    return parseGoDuration(flag ?? configured ?? "10s");
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`invalid --lock-timeout: ${e.message}`);
    throw e;
  }
}

/** Where the revisions table lives (`--revisions-schema`, else the project's setting, else revisionsSchemaOf's defaults) and whether it was named. */
export function revisionsLocation(flag: string | undefined, configured: string | undefined, urlSchema: string | undefined): { revisionsSchema: string; revisionsSchemaExplicit: boolean } {
  const explicit = flag ?? configured;
  return { revisionsSchema: revisionsSchemaOf(explicit, urlSchema), revisionsSchemaExplicit: explicit !== undefined };
}

/**
 * Connects to `url`, takes Atlas's apply lock on a second connection (waiting up to `timeoutMs`), runs `body` on the
 * first, releases the lock (ignoring a failure to) and closes both connections, whatever happens.
 */
export async function withApplyLock<T>(url: string, timeoutMs: number, body: (conn: Connection) => Promise<T>): Promise<T> {
  const { conn, options } = await openDatabase(url);
  let lockConn: Connection | undefined;
  try {
    lockConn = await connect(url, options);
    const lock = await acquireLock(lockConn, APPLY_LOCK, timeoutMs);
    return await body(conn).finally(() => lock.release().catch(() => undefined));
  } finally {
    await Promise.all([lockConn?.close(), conn.close()]);
  }
}

/** Prints a run's report as one JSON line or as text; then a failure the report carries fails the command (after JSON, by its message alone). */
export function writeReport(report: { readonly failure?: Error }, json: boolean, asJson: () => unknown, asText: () => string): void {
  process.stdout.write(json ? JSON.stringify(asJson()) + "\n" : asText());
  if (report.failure && json) throw new ReportedError(report.failure.message);
  if (report.failure) throw report.failure;
}
