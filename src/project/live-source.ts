/**
 * Live databases as schema sources: `mysql://…`, `maria://…` URLs are connected to, inspected and closed; a dev
 * database (`--dev-url`) replays migration files and DDL instead of the in-memory replay.
 */
import type { ConnectOptions, Connection } from "../db/connect.ts";
import { type DatabaseUrl, isDatabaseUrl } from "../db/url.ts";
import { type DevFile, devReplay } from "../migrate/dev-replay.ts";
import { type Inspection, type InspectOptions, inspectWithFlavor } from "../mysql/inspect.ts";
import type { Schema } from "../schema/model.ts";
import { databaseTarget, openDatabase } from "./connect.ts";
import { SourceError } from "./errors.ts";

/** True for a database URL (as opposed to a file source). */
export function isLiveUrl(src: string): boolean {
  return isDatabaseUrl(src);
}

/** The schema a URL is bound to; a URL without one is refused (one schema is compared at a time). */
export function boundSchema(target: DatabaseUrl): string {
  if (target.schema === undefined || target.schema === "") {
    throw new SourceError(
      `${target.redacted} names no database: add the schema to the URL path, e.g. ${target.scheme}://user@host:${target.port}/app`,
    );
  }
  return target.schema;
}

/** Connects to a schema-bound URL, runs `fn` (with the options that connected, for a second connection), and closes the connection whatever happens. */
export async function withConnection<T>(
  target: DatabaseUrl,
  fn: (conn: Connection, schema: string, options: ConnectOptions) => Promise<T>,
): Promise<T> {
  const schema = boundSchema(target);
  const { conn, options } = await openDatabase(target);
  try {
    return await fn(conn, schema, options);
  } finally {
    await conn.close();
  }
}

/** Inspects the schema a URL is bound to (the revisions table left out unless asked for). */
export function inspectUrl(url: string, options: InspectOptions = {}): Promise<Inspection> {
  return withConnection(databaseTarget(url), (conn, schema) => inspectWithFlavor(conn, schema, options));
}

/** Replays files on the clean dev database a URL names and returns the inspected schema. */
export async function devReplayUrl(devUrl: string, files: readonly DevFile[]): Promise<Schema> {
  return (await withConnection(databaseTarget(devUrl), (conn, schema) => devReplay(conn, schema, files))).schema;
}
