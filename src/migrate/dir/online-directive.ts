/**
 * stats-db's `-- stats-db:online` directive: in a file's header comments it marks every blocking ALTER of the file to
 * run through the online tool; in the comments attached to one statement, that statement. Atlas reads it as a plain
 * comment, so the file stays Atlas's.
 */
import type { Stmt } from "../split.ts";
import { fileComments } from "./directives.ts";

const DIRECTIVE = /^(?:--|#|\/\*)\s*stats-db:online\b/;

/** Whether the file's header marks it to run online. */
export function fileRunsOnline(text: string | Uint8Array): boolean {
  return fileComments(text).some((c) => DIRECTIVE.test(c));
}

/** Whether the comments attached to a statement mark it to run online. */
export function statementRunsOnline(stmt: Stmt): boolean {
  return stmt.comments.some((c) => DIRECTIVE.test(c.trim()));
}
