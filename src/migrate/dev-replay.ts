/**
 * Replay on a dev database (`--dev-url`): execute migration files or DDL on a real, clean schema, inspect the result,
 * then drop everything that was created. The alternative to the in-memory replay; both must agree.
 */
import type { Queryable } from "../db/types.ts";
import { dropTableStatement, FOREIGN_KEY_CHECKS_OFF, FOREIGN_KEY_CHECKS_ON, inspectWithFlavor, TABLE_NAMES_QUERY } from "../mysql/inspect.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { splitStatements } from "./split.ts";

/** The dev database holds tables already (Atlas's `NotCleanError`). */
export class NotCleanError extends Error {
  constructor(readonly reason: string) {
    super(`sql/migrate: connected database is not clean: ${reason}`);
    this.name = "NotCleanError";
  }
}

/** A statement failed on the dev database. */
export class DevReplayError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly statement: string,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: executing statement on the dev database: ${reason}`, options);
    this.name = "DevReplayError";
  }
}

/** One file to replay: its name (for messages) and text. */
export interface DevFile {
  readonly name: string;
  readonly text: string;
}

function lineAt(bytes: Uint8Array, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Fails with NotCleanError when the schema holds any table (the revisions table included). */
export async function checkClean(conn: Queryable, schemaName: string): Promise<void> {
  const [first] = await tableNames(conn, schemaName);
  if (first !== undefined) throw new NotCleanError(`found table "${first}" in schema "${schemaName}"`);
}

async function tableNames(conn: Queryable, schemaName: string): Promise<string[]> {
  return (await conn.query<{ TABLE_NAME: string }>(TABLE_NAMES_QUERY, [schemaName])).map((r) => String(r.TABLE_NAME));
}

async function execFile(conn: Queryable, file: DevFile): Promise<void> {
  const bytes = new TextEncoder().encode(file.text);
  // With an `atlas:delimiter` first line, the splitter's offsets are relative to the text after that line.
  const shift = /^-- atlas:delimiter /.test(file.text) ? file.text.indexOf("\n") + 1 : 0;
  for (const stmt of splitStatements(bytes)) {
    try {
      await conn.exec(stmt.text);
    } catch (e) {
      throw new DevReplayError(file.name, lineAt(bytes, stmt.pos + shift), stmt.text, (e as Error).message, { cause: e });
    }
  }
}

/** Drops every table of the connection's schema (foreign key checks off, so in any order). */
export async function dropAllTables(conn: Queryable, schemaName: string): Promise<void> {
  const names = await tableNames(conn, schemaName);
  await conn.exec(FOREIGN_KEY_CHECKS_OFF);
  try {
    for (const name of names) await conn.exec(dropTableStatement(name));
  } finally {
    await conn.exec(FOREIGN_KEY_CHECKS_ON);
  }
}

/**
 * Replays files on a clean dev schema and returns the inspected result (with the server's flavour); the schema is
 * emptied again afterwards, also when a statement fails.
 */
export async function devReplay(conn: Queryable, schemaName: string, files: readonly DevFile[]): Promise<{ schema: Schema; flavor: Flavor }> {
  await checkClean(conn, schemaName);
  let result: { schema: Schema; flavor: Flavor } | undefined;
  let failure: unknown;
  try {
    await conn.exec(FOREIGN_KEY_CHECKS_OFF);
    for (const file of files) await execFile(conn, file);
    await conn.exec(FOREIGN_KEY_CHECKS_ON);
    result = await inspectWithFlavor(conn, schemaName);
  } catch (e) {
    failure = e;
  }
  try {
    await dropAllTables(conn, schemaName);
  } catch (e) {
    // The replay's own failure is the one worth reporting; a failed clean-up only matters after a good replay.
    if (failure === undefined) throw e;
  }
  if (failure !== undefined || !result) throw failure;
  return result;
}
