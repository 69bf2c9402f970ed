/**
 * parse: one SQL statement (as Atlas's splitter emits it) → the schema changes it makes, in canonical form, given the
 * schema before it. Also statementKind, for callers that only need to know what a statement is.
 */
import type { Change } from "../schema/changes.ts";
import { assertNever } from "../schema/changes.ts";
import { ParseError, tokenize } from "./lexer.ts";
import { parseAlterTable } from "./parse/alter.ts";
import { classify, type StatementKind } from "./parse/classify.ts";
import type { ParseContext } from "./parse/context.ts";
import { parseCreateIndex, parseCreateTable } from "./parse/create.ts";
import { Cursor } from "./cursor.ts";
import { DataStatementError, UnsupportedStatementError } from "./parse/errors.ts";
import { parseObjectStatement } from "./parse/objects.ts";
import { parseAlterDatabase, parseDropIndex, parseDropTable, parseRenameTable } from "./parse/misc.ts";
import { tablesNamed } from "./parse/statement-tables.ts";

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
  const tokens = tokenize(sql);
  const c = classify(tokens);
  switch (c.kind) {
    case "session":
      return [];
    case "data":
      throw new DataStatementError(c.label);
    case "unsupported":
      throw new UnsupportedStatementError(c.label, tokens[0]!.line, tokens[0]!.column);
    case "ddl":
      if (c.ddl === "object") return parseObjectStatement(sql, tokens, ctx);
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
): Change[] {
  switch (ddl) {
    case "createTable":
      return parseCreateTable(cur, ctx);
    case "createIndex":
      return parseCreateIndex(cur, ctx, indexKind);
    case "alterTable":
      return parseAlterTable(cur, ctx);
    case "alterDatabase":
      return parseAlterDatabase(cur, ctx);
    case "dropTable":
      return parseDropTable(cur, ctx);
    case "dropIndex":
      return parseDropIndex(cur, ctx);
    case "renameTable":
      return parseRenameTable(cur, ctx);
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
