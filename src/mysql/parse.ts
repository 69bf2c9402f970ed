/**
 * parse: one SQL statement (as Atlas's splitter emits it) → the schema changes it makes, in canonical form, given the
 * schema before it. Also statementKind, for callers that only need to know what a statement is.
 */
import { applyChanges, withModifiedTable } from "../schema/apply.ts";
import type { Change } from "../schema/changes.ts";
import { assertNever } from "../schema/changes.ts";
import type { Schema } from "../schema/model.ts";
import { ParseError, tokenize } from "./lexer.ts";
import { parseAlterTable } from "./parse/alter.ts";
import { classify, type StatementKind } from "./parse/classify.ts";
import type { ParseContext, ParsedStatement } from "./parse/context.ts";
import { parseCreateIndex, parseCreateTable } from "./parse/create.ts";
import { Cursor } from "./cursor.ts";
import { DataStatementError, UnsupportedStatementError } from "./parse/errors.ts";
import { parseObjectStatement } from "./parse/objects.ts";
import { parseAlterDatabase, parseDropIndex, parseDropTable, parseRenameTable } from "./parse/misc.ts";
import { tablesNamed } from "./parse/statement-tables.ts";
import { parseCreateOrAlterView, parseDropView } from "./parse/view.ts";

export type { ParseContext } from "./parse/context.ts";
export type { StatementKind } from "./parse/classify.ts";
export { DataStatementError, SchemaStateError, UnsupportedStatementError } from "./parse/errors.ts";
export { ParseError } from "./lexer.ts";

/**
 * The changes one statement makes. Session statements (SET, LOCK TABLES, …) make none; data statements throw
 * DataStatementError; statements the model cannot hold throw UnsupportedStatementError; syntax errors throw ParseError;
 * statements that do not fit the schema before them throw SchemaStateError.
 */
export function parse(sql: string, ctx: ParseContext): Change[] {
  return parsed(sql, ctx).changes;
}

/** A statement's changes and the schema after them. */
export interface AppliedStatement {
  readonly changes: Change[];
  readonly after: Schema;
}

/**
 * parse, then the schema after the statement (`ctx.schema` with its changes applied), as a replay needs. An ALTER
 * TABLE's clauses are applied once, while parsing: the table they built is put in place instead of applying them again.
 * Throws what parse throws, and ApplyError when the changes do not fit the schema.
 */
export function parseApplied(sql: string, ctx: ParseContext): AppliedStatement {
  const { changes, table } = parsed(sql, ctx);
  const [first, ...rest] = changes;
  if (table === undefined || first?.kind !== "ModifyTable")
    return { changes, after: applyChanges(ctx.schema, changes) };
  return { changes, after: applyChanges(withModifiedTable(ctx.schema, first, table), rest) };
}

function parsed(sql: string, ctx: ParseContext): ParsedStatement {
  const tokens = tokenize(sql, ctx.flavor);
  const c = classify(tokens);
  switch (c.kind) {
    case "session":
      return { changes: [] };
    case "data":
      throw new DataStatementError(c.label);
    case "unsupported":
      throw new UnsupportedStatementError(c.label, tokens[0]!.line, tokens[0]!.column);
    case "ddl":
      if (c.ddl === "object") return { changes: parseObjectStatement(sql, tokens, ctx) };
      return parseDdl(new Cursor(tokens.slice(c.start)), c.ddl!, ctx, c.indexKind ?? "");
    default:
      return assertNever(c.kind, "statement kind");
  }
}

function parseDdl(
  cur: Cursor,
  ddl: Exclude<NonNullable<ReturnType<typeof classify>["ddl"]>, "object">,
  ctx: ParseContext,
  indexKind: "UNIQUE" | "FULLTEXT" | "SPATIAL" | "",
): ParsedStatement {
  switch (ddl) {
    case "createTable":
      return { changes: parseCreateTable(cur, ctx) };
    case "createIndex":
      return { changes: parseCreateIndex(cur, ctx, indexKind) };
    case "alterTable":
      return parseAlterTable(cur, ctx);
    case "alterDatabase":
      return { changes: parseAlterDatabase(cur, ctx) };
    case "dropTable":
      return { changes: parseDropTable(cur, ctx) };
    case "dropIndex":
      return { changes: parseDropIndex(cur, ctx) };
    case "renameTable":
      return { changes: parseRenameTable(cur, ctx) };
    case "createView":
    case "alterView":
      return { changes: parseCreateOrAlterView(cur, ctx) };
    case "dropView":
      return { changes: parseDropView(cur, ctx) };
    default:
      return assertNever(ddl, "DDL statement");
  }
}

/** What a statement is: schema DDL, a data statement, a session statement, or unsupported (also for unreadable text). */
export function statementKind(sql: string): StatementKind {
  try {
    return classify(tokenize(sql)).kind;
  } catch (e) {
    if (e instanceof ParseError) return "unsupported";
    throw e;
  }
}

/** The tables a DDL statement names (renamed-to names included); empty for other statements and unreadable text. */
export function statementTables(sql: string): string[] {
  try {
    const tokens = tokenize(sql);
    return tablesNamed(tokens, classify(tokens));
  } catch (e) {
    if (e instanceof ParseError) return [];
    throw e;
  }
}
