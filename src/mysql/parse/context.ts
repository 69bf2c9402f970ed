/**
 * What a statement parser knows besides the text: the flavour and the schema before the statement.
 */
import type { Change } from "../../schema/changes.ts";
import { findTable, type Schema, type Table } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { SchemaStateError } from "./errors.ts";

/** The parse context: the flavour, and the schema state before this statement. */
export interface ParseContext {
  readonly flavor: Flavor;
  readonly schema: Schema;
}

/**
 * What a statement parser gives: the changes, and for an ALTER TABLE with clauses the table after them (under its old
 * name), built clause by clause while parsing.
 */
export interface ParsedStatement {
  readonly changes: Change[];
  readonly table?: Table;
}

/** The table of that name in the schema before the statement; throws SchemaStateError when it is missing. */
export function existingTable(ctx: ParseContext, name: string): Table {
  const t = findTable(ctx.schema, name);
  if (!t) throw new SchemaStateError("table", name, "missing");
  return t;
}
