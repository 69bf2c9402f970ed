/**
 * The comment Atlas writes above each statement of a migration file (lower-case first letter; the file writer
 * upper-cases it). Names are quoted the way Go's `%q` quotes them.
 */
import { goQuote } from "../../go/quote.ts";

/** `create "t" table`. */
export function createTableComment(table: string): string {
  return `create ${goQuote(table)} table`;
}

/** `drop "t" table`. */
export function dropTableComment(table: string): string {
  return `drop ${goQuote(table)} table`;
}

/** `modify "t" table`. */
export function modifyTableComment(table: string): string {
  return `modify ${goQuote(table)} table`;
}

/** `rename a table from "a" to "b"`. */
export function renameTableComment(from: string, to: string): string {
  return `rename a table from ${goQuote(from)} to ${goQuote(to)}`;
}

/** The comment of a ModifySchema statement (the schema is unnamed in a schema-bound plan). */
export const modifySchemaComment = "modify schema";

/** `create "v" view`, `drop "v" view`, `modify "v" view`. */
export function viewComment(verb: "create" | "drop" | "modify", view: string): string {
  return `${verb} ${goQuote(view)} view`;
}
