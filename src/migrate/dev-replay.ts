/**
 * Replay on a dev database (`--dev-url`): execute migration files or DDL on a real, clean schema, inspect the result,
 * then drop everything that was created. The alternative to the in-memory replay; both must agree.
 */
import type { Queryable } from "../db/types.ts";
import {
  dropTableStatement,
  dropViewStatement,
  FOREIGN_KEY_CHECKS_OFF,
  FOREIGN_KEY_CHECKS_ON,
  inspectWithFlavor,
  TABLE_NAMES_QUERY,
  VIEW_NAMES_QUERY,
  OBJECT_NAMES_QUERY,
  dropObjectStatement,
} from "../mysql/inspect.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Schema } from "../schema/model.ts";
import { statementLine } from "./line.ts";
import { serverText, splitStatements } from "./split.ts";

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
    options?: { cause?: unknown; pos?: number },
  ) {
    super(`${file}:${line}: executing statement on the dev database: ${reason}`, options);
    this.name = "DevReplayError";
    this.pos = options?.pos ?? 0;
  }

  /** Byte offset of the statement as the splitter reports it (lint's diagnostic position). */
  readonly pos: number;
}

/** One file to replay: its name (for messages) and text. */
export interface DevFile {
  readonly name: string;
  readonly text: string;
}

/** Fails with NotCleanError when the schema holds any table (the revisions table included), event or routine. */
export async function checkClean(conn: Queryable, schemaName: string): Promise<void> {
  const [first] = await tableNames(conn, schemaName);
  if (first !== undefined) throw new NotCleanError(`found table "${first}" in schema "${schemaName}"`);
  const [view] = await viewNames(conn, schemaName);
  if (view !== undefined) throw new NotCleanError(`found view "${view}" in schema "${schemaName}"`);
  const [object] = await objectNames(conn, schemaName);
  if (object !== undefined)
    throw new NotCleanError(`found ${object.kind.toLowerCase()} "${object.name}" in schema "${schemaName}"`);
}

async function objectNames(
  conn: Queryable,
  schemaName: string,
): Promise<{ kind: "EVENT" | "FUNCTION" | "PROCEDURE"; name: string }[]> {
  const rows = await conn.query<{ KIND: string; NAME: string }>(OBJECT_NAMES_QUERY, [schemaName, schemaName]);
  return rows.map((r) => ({ kind: String(r.KIND) as "EVENT" | "FUNCTION" | "PROCEDURE", name: String(r.NAME) }));
}

async function viewNames(conn: Queryable, schemaName: string): Promise<string[]> {
  return (await conn.query<{ TABLE_NAME: string }>(VIEW_NAMES_QUERY, [schemaName])).map((r) => String(r.TABLE_NAME));
}

async function tableNames(conn: Queryable, schemaName: string): Promise<string[]> {
  return (await conn.query<{ TABLE_NAME: string }>(TABLE_NAMES_QUERY, [schemaName])).map((r) => String(r.TABLE_NAME));
}

/** Executes a file's statements in order; a refused statement throws DevReplayError naming its file and line. */
export async function execFile(conn: Queryable, file: DevFile): Promise<void> {
  const bytes = new TextEncoder().encode(file.text);
  for (const stmt of splitStatements(bytes)) {
    try {
      await conn.exec(serverText(stmt));
    } catch (e) {
      throw new DevReplayError(file.name, statementLine(bytes, stmt.pos), stmt.text, (e as Error).message, {
        cause: e,
        pos: stmt.pos,
      });
    }
  }
}

/** Drops every view, table (foreign key checks off, so in any order), event and routine of the connection's schema. */
export async function dropAllTables(conn: Queryable, schemaName: string): Promise<void> {
  for (const view of await viewNames(conn, schemaName)) await conn.exec(dropViewStatement(view));
  const names = await tableNames(conn, schemaName);
  await conn.exec(FOREIGN_KEY_CHECKS_OFF);
  try {
    for (const name of names) await conn.exec(dropTableStatement(name));
  } finally {
    await conn.exec(FOREIGN_KEY_CHECKS_ON);
  }
  for (const o of await objectNames(conn, schemaName)) await conn.exec(dropObjectStatement(o.kind, o.name));
}

/**
 * Runs `body` on the clean dev schema: fails with NotCleanError when it holds tables, and empties it afterwards, also
 * when `body` fails (whose error is then the one thrown).
 */
export async function onCleanDev<T>(conn: Queryable, schemaName: string, body: () => Promise<T>): Promise<T> {
  await checkClean(conn, schemaName);
  let result: { value: T } | undefined;
  let failure: unknown;
  try {
    result = { value: await body() };
  } catch (e) {
    failure = e;
  }
  try {
    await dropAllTables(conn, schemaName);
  } catch (e) {
    // The body's own failure is the one worth reporting; a failed clean-up only matters after a good run.
    if (failure === undefined) throw e;
  }
  if (failure !== undefined || !result) throw failure;
  return result.value;
}

/** Executes files on the dev schema (foreign key checks off, as a replay) and inspects the result; the tables stay. */
export async function replayOn(
  conn: Queryable,
  schemaName: string,
  files: readonly DevFile[],
): Promise<{ schema: Schema; flavor: Flavor }> {
  await conn.exec(FOREIGN_KEY_CHECKS_OFF);
  for (const file of files) await execFile(conn, file);
  await conn.exec(FOREIGN_KEY_CHECKS_ON);
  return inspectWithFlavor(conn, schemaName);
}

/**
 * Replays files on a clean dev schema and returns the inspected result (with the server's flavour); the schema is
 * emptied again afterwards, also when a statement fails.
 */
export function devReplay(
  conn: Queryable,
  schemaName: string,
  files: readonly DevFile[],
): Promise<{ schema: Schema; flavor: Flavor }> {
  return onCleanDev(conn, schemaName, () => replayOn(conn, schemaName, files));
}
