/**
 * Replay without a database: split a migration file or DDL text Atlas's way, parse each statement into changes and
 * apply them from the state before. This is how a migration directory becomes a Schema offline.
 */
import type { Change } from "../schema/changes.ts";
import { ApplyError } from "../schema/errors.ts";
import { applyChanges } from "../schema/apply.ts";
import { emptySchema, type Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { parse } from "../mysql/parse.ts";
import { splitStatements } from "./split.ts";

/** A statement that could not be replayed, with the file and line it came from. */
export class ReplayError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly reason: string,
    options?: { cause?: unknown },
  ) {
    super(`${file}:${line}: ${reason}`, options);
    this.name = "ReplayError";
  }
}

/** 1-based line of a byte offset in text (offsets from the splitter are byte offsets into UTF-8). */
function lineAt(bytes: Uint8Array, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** Receives the changes of each replayed statement, in order (e.g. to follow renames). */
export type ReplayObserver = (changes: readonly Change[]) => void;

/** One replayed statement: its 0-based index and text, the schema before it, its changes and the schema after it. */
export interface ReplayStep {
  readonly index: number;
  readonly text: string;
  readonly before: Schema;
  readonly changes: readonly Change[];
  readonly after: Schema;
}

/** Replays DDL text statement by statement, yielding each step; a statement that cannot be replayed throws ReplayError. */
export function* replaySteps(text: string, flavor: Flavor, start: Schema = emptySchema, file = "<sql>"): Generator<ReplayStep> {
  let schema = start;
  let stmts;
  try {
    stmts = splitStatements(text);
  } catch (e) {
    throw new ReplayError(file, 1, (e as Error).message, { cause: e });
  }
  // With an `atlas:delimiter` first line, the splitter's offsets are relative to the text after that line.
  const shift = /^-- atlas:delimiter /.test(text) ? text.indexOf("\n") + 1 : 0;
  for (const [index, stmt] of stmts.entries()) {
    let changes: Change[];
    let after: Schema;
    try {
      changes = parse(stmt.text, { flavor, schema });
      after = applyChanges(schema, changes);
    } catch (e) {
      const line = lineAt(new TextEncoder().encode(text), stmt.pos + shift);
      const reason = e instanceof ApplyError ? `cannot apply statement: ${e.message}` : (e as Error).message;
      throw new ReplayError(file, line, reason, { cause: e });
    }
    yield { index, text: stmt.text, before: schema, changes, after };
    schema = after;
  }
}

/** Replays DDL text on a schema (the empty one by default) and returns the schema after it. */
export function replaySql(text: string, flavor: Flavor, start: Schema = emptySchema, file = "<sql>", observe?: ReplayObserver): Schema {
  let schema = start;
  for (const step of replaySteps(text, flavor, start, file)) {
    schema = step.after;
    observe?.(step.changes);
  }
  return schema;
}

/** Replays migration files in order (as the directory lists them) and returns the schema they build. */
export function replayFiles(files: readonly { name: string; text: string }[], flavor: Flavor, start: Schema = emptySchema, observe?: ReplayObserver): Schema {
  return files.reduce((schema, f) => replaySql(f.text, flavor, schema, f.name, observe), start);
}
