/**
 * Replay without a database: split a migration file or DDL text Atlas's way, parse each statement into changes and
 * apply them from the state before. This is how a migration directory becomes a Schema offline; the one loop that
 * replay, lint, `down` and the in-doubt check share (replayStatements). Data statements (INSERT, UPDATE, DELETE,
 * TRUNCATE…: backfills are part of real histories) change no schema: every replay passes over them, marking their
 * steps with `dataVerb` (lint's schema-only rule still reports them).
 */
import type { Change } from "../schema/changes.ts";
import { ApplyError } from "../schema/errors.ts";
import { emptySchema, ownTables, releaseTables, type Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { DataStatementError, parseApplied } from "../mysql/parse.ts";
import { statementLine } from "./line.ts";
import { serverText, splitStatements, type Stmt } from "./split.ts";

/** A statement that could not be replayed, with the file and line it came from (and the statement, when it was one). */
export class ReplayError extends Error {
  /** The text of the statement that failed; undefined when the file could not be split. */
  readonly statement: string | undefined;

  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown; statement?: string },
  ) {
    super(`${file}:${line}: ${reason}`, options);
    this.name = "ReplayError";
    this.statement = options?.statement;
  }
}

/** Receives the changes of each replayed statement, in order (e.g. to follow renames). */
export type ReplayObserver = (changes: readonly Change[]) => void;

/** One replayed statement: its 0-based index, text, byte offset and comments, the schema before it, its changes and the schema after it. */
export interface ReplayStep extends Stmt {
  readonly index: number;
  readonly before: Schema;
  readonly changes: readonly Change[];
  readonly after: Schema;
  /** The verb of a data statement (INSERT, UPDATE…), replayed with no changes. */
  readonly dataVerb?: string;
}

/**
 * Replays split statements of `bytes` (the file they came from, for line numbers) statement by statement, yielding
 * each step; a statement that cannot be parsed or applied throws ReplayError at its line.
 */
export function* replayStatements(
  stmts: readonly Stmt[],
  bytes: Uint8Array,
  flavor: Flavor,
  start: Schema,
  file: string,
): Generator<ReplayStep> {
  let schema = start;
  for (const [index, stmt] of stmts.entries()) {
    const { changes, after, dataVerb } = replayStatement(stmt, () => bytes, flavor, schema, file);
    yield { ...stmt, index, before: schema, changes, after, ...(dataVerb === undefined ? {} : { dataVerb }) };
    schema = after;
  }
}

/** One statement parsed and applied to `schema` (a data statement changes nothing); ReplayError at its line. */
function replayStatement(
  stmt: Stmt,
  bytes: () => Uint8Array,
  flavor: Flavor,
  schema: Schema,
  file: string,
): { changes: Change[]; after: Schema; dataVerb?: string } {
  try {
    return parseApplied(serverText(stmt), { flavor, schema });
  } catch (e) {
    if (e instanceof DataStatementError) return { changes: [], after: schema, dataVerb: e.verb };
    const reason = e instanceof ApplyError ? `cannot apply statement: ${e.message}` : (e as Error).message;
    throw new ReplayError(file, statementLine(bytes(), stmt.pos), reason, { cause: e, statement: stmt.text });
  }
}

/** Replays DDL text statement by statement, yielding each step; a statement that cannot be replayed throws ReplayError. */
export function* replaySteps(
  text: string,
  flavor: Flavor,
  start: Schema = emptySchema,
  file = "<sql>",
): Generator<ReplayStep> {
  yield* replayStatements(split(text, file), new TextEncoder().encode(text), flavor, start, file);
}

function split(text: string, file: string): Stmt[] {
  try {
    return splitStatements(text);
  } catch (e) {
    throw new ReplayError(file, 1, (e as Error).message, { cause: e });
  }
}

/** Replays DDL text on a schema (the empty one by default) and returns the schema after it. */
export function replaySql(
  text: string,
  flavor: Flavor,
  start: Schema = emptySchema,
  file = "<sql>",
  observe?: ReplayObserver,
): Schema {
  return releaseTables(replayOwned(text, flavor, ownTables(start), file, observe));
}

/** Replays migration files in order (as the directory lists them) and returns the schema they build. */
export function replayFiles(
  files: readonly { name: string; text: string }[],
  flavor: Flavor,
  start: Schema = emptySchema,
  observe?: ReplayObserver,
): Schema {
  let schema = ownTables(start);
  for (const f of files) schema = replayOwned(f.text, flavor, schema, f.name, observe);
  return releaseTables(schema);
}

/**
 * The replay loop without step records, the text encoded for line numbers only when a statement fails. No step is
 * kept, so the replay owns its tables array (ownTables) and changes update it in place; a statement that made a new
 * array (DROP TABLE) has it owned again before the next one. The caller's start schema is never changed.
 */
function replayOwned(text: string, flavor: Flavor, start: Schema, file: string, observe?: ReplayObserver): Schema {
  let bytes: Uint8Array | undefined;
  const encoded = () => (bytes ??= new TextEncoder().encode(text));
  let schema = start;
  for (const stmt of split(text, file)) {
    const step = replayStatement(stmt, encoded, flavor, ownTables(schema), file);
    schema = step.after;
    observe?.(step.changes);
  }
  return schema;
}
