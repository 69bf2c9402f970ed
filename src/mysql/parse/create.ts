/**
 * CREATE TABLE and CREATE INDEX.
 */
import type { Change } from "../../schema/changes.ts";
import { tableIndex } from "../../schema/model.ts";
import { buildTable, type TableItem } from "./build-table.ts";
import { readColumnDef } from "./column.ts";
import { existingTable, type ParseContext } from "./context.ts";
import type { Cursor } from "../cursor.ts";
import { atElement, readElement, readIndexBody } from "./elements.ts";
import { SchemaStateError, UnsupportedStatementError } from "./errors.ts";
import { readTableOptions } from "./options.ts";
import { readPartitionBy } from "./partition.ts";
import { addIndexChanges } from "./table-state.ts";
import { refuseSystemVersioning } from "./system-versioning.ts";

/** Parses the rest of `CREATE TABLE …` (after TABLE) into one AddTable, or nothing for IF NOT EXISTS on an existing table. */
export function parseCreateTable(cur: Cursor, ctx: ParseContext): Change[] {
  const ifNotExists = cur.acceptWord("IF", "NOT", "EXISTS");
  const name = cur.tableName();
  const at = cur.peek();
  if (
    cur.isWord("LIKE") ||
    (cur.isOp("(") && cur.peek(1).kind === "word" && cur.peek(1).value.toUpperCase() === "LIKE")
  ) {
    throw new UnsupportedStatementError("CREATE TABLE … LIKE", at.line, at.column);
  }
  if (!cur.isOp("(")) throw new UnsupportedStatementError("CREATE TABLE … AS SELECT", at.line, at.column);
  const items = readItems(cur);
  const options = readTableOptions(cur);
  refuseSystemVersioning(cur);
  const rest = cur.peek();
  const partition = cur.isWord("PARTITION") ? readPartitionBy(cur) : undefined;
  if (cur.isWord("AS") || cur.isWord("SELECT") || cur.isWord("IGNORE") || cur.isWord("REPLACE")) {
    throw new UnsupportedStatementError("CREATE TABLE … AS SELECT", rest.line, rest.column);
  }
  cur.expectEnd();
  if (tableIndex(ctx.schema, name) >= 0) {
    if (ifNotExists) return [];
    throw new SchemaStateError("table", name, "exists");
  }
  const table = buildTable(name, items, options, ctx);
  return [{ kind: "AddTable", table: partition ? { ...table, partition } : table }];
}

function readItems(cur: Cursor): TableItem[] {
  const items: TableItem[] = [];
  cur.expectOp("(");
  do items.push(atElement(cur) ? readElement(cur) : { kind: "column", def: readColumnDef(cur) });
  while (cur.acceptOp(","));
  cur.expectOp(")");
  return items;
}

/** Parses the rest of `CREATE [UNIQUE|FULLTEXT|SPATIAL] INDEX name [USING t] ON table (parts) …` (after INDEX). */
export function parseCreateIndex(
  cur: Cursor,
  ctx: ParseContext,
  kind: "UNIQUE" | "FULLTEXT" | "SPATIAL" | "",
): Change[] {
  const ifNotExists = cur.acceptWord("IF", "NOT", "EXISTS");
  const name = cur.name("index name");
  const using = cur.isWord("USING") ? cur.peek(1).value.toUpperCase() : undefined;
  if (using) cur.next(), cur.next();
  cur.expectWord("ON");
  const table = existingTable(ctx, cur.tableName());
  const type = kind === "FULLTEXT" || kind === "SPATIAL" ? kind : using === "HASH" ? "HASH" : "BTREE";
  const read = readIndexBody(cur, type);
  const body = using === "BTREE" && read.type === "BTREE" ? { ...read, usingBtree: true as const } : read;
  skipAlgorithmLock(cur);
  cur.expectEnd();
  if (ifNotExists && table.indexes.some((i) => i.name === name)) return [];
  const changes = addIndexChanges(table, { ...body, unique: kind === "UNIQUE", name }, ctx.flavor);
  return [{ kind: "ModifyTable", table: table.name, changes }];
}

/** Skips `ALGORITHM [=] x` and `LOCK [=] x` (they change how, not what). */
export function skipAlgorithmLock(cur: Cursor): void {
  while (cur.acceptWord("ALGORITHM") || cur.acceptWord("LOCK")) {
    cur.optionalEquals();
    cur.next();
  }
}
