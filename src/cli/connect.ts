/**
 * CLI glue for database connections: the URL from flags or the env.
 */
import type { DatabaseUrl } from "../db/url.ts";
import { databaseTarget } from "../project/connect.ts";
import { UsageError } from "./errors.ts";

/** The URL a command needs; else which environment variable the env's `url` read is unset, else Atlas's error. */
export function requireUrl(settings: { readonly url?: string; readonly urlUnset?: string }): string {
  if (settings.url) return settings.url;
  throw new UsageError(settings.urlUnset ?? 'required flag "url" not set');
}

/** The parsed database URL a command needs (requireUrl's errors when there is none). */
export function requireDatabase(settings: { readonly url?: string; readonly urlUnset?: string }): DatabaseUrl {
  return databaseTarget(requireUrl(settings));
}
