/**
 * Column definitions: `name type [attributes…]`, with the inline keys and checks a definition may carry.
 */
import type { Column } from "../../schema/model.ts";
import { canonicalCharset, canonicalCollation } from "../charset.ts";
import { exprFromTokens } from "../expr.ts";
import { BINARY_COLLATION } from "../normalize.ts";
import { canonicalType, readType } from "../types.ts";
import type { Cursor } from "../cursor.ts";
import { readDefault, readTimeFunction } from "../defaults.ts";
import { UnsupportedStatementError } from "./errors.ts";
import { readCheckTail, readReferences, type CheckDef } from "./elements.ts";

/** A parsed column definition: the column (charset not yet resolved) and its inline PRIMARY KEY / UNIQUE / CHECKs. */
export interface ColumnDef {
  readonly column: Column;
  readonly primary: boolean;
  readonly unique: boolean;
  readonly checks: readonly CheckDef[];
}

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Reads `name type attributes…` up to the next `,` or `)` (or FIRST/AFTER, left for the caller). */
export function readColumnDef(cur: Cursor): ColumnDef {
  const name = cur.name("column name");
  const type = canonicalType(readType(cur));
  const col: Mutable<Column> = { name, type, nullable: true };
  const def = { primary: false, unique: false, checks: [] as CheckDef[] };
  while (!cur.atEnd() && !cur.isOp(",") && !cur.isOp(")") && !cur.isWord("FIRST") && !cur.isWord("AFTER")) {
    // ALTER TABLE's PARTITION BY / REMOVE PARTITIONING follow the last clause without a comma.
    if (cur.isWord("PARTITION", "BY") || cur.isWord("REMOVE", "PARTITIONING")) break;
    readAttribute(cur, col, def);
  }
  return { ...def, column: col };
}

function readAttribute(
  cur: Cursor,
  col: Mutable<Column>,
  def: { primary: boolean; unique: boolean; checks: CheckDef[] },
): void {
  const at = cur.peek();
  if (cur.acceptWord("NOT", "NULL")) col.nullable = false;
  else if (cur.acceptWord("NULL")) col.nullable = true;
  else if (cur.acceptWord("DEFAULT")) setDefault(col, readDefault(cur, col.type));
  else if (cur.acceptWord("AUTO_INCREMENT")) col.autoIncrement = true;
  else if (cur.acceptWord("ON", "UPDATE")) col.onUpdate = readTimeFunction(cur) ?? cur.fail("CURRENT_TIMESTAMP");
  else if (cur.acceptWord("COMMENT")) col.comment = cur.string("comment string");
  else if (cur.acceptWord("CHARACTER", "SET") || cur.acceptWord("CHARSET"))
    col.charset = canonicalCharset(cur.name("charset name"));
  else if (cur.acceptWord("COLLATE")) col.collate = canonicalCollation(cur.name("collation name"));
  else if (cur.isWord("GENERATED") || cur.isWord("AS")) col.generated = readGenerated(cur);
  else if (cur.acceptWord("PRIMARY", "KEY") || cur.acceptWord("KEY")) def.primary = true;
  else if (cur.acceptWord("UNIQUE")) {
    cur.acceptWord("KEY");
    def.unique = true;
  } else if (cur.isWord("CHECK") || cur.isWord("CONSTRAINT")) def.checks.push(readInlineCheck(cur));
  else if (cur.isWord("REFERENCES")) readReferences(cur);
  else if (cur.acceptWord("VISIBLE")) delete col.invisible;
  else if (cur.acceptWord("INVISIBLE")) col.invisible = true;
  else if (cur.acceptWord("BINARY")) {
    // The binary collation of the column's charset; an explicit COLLATE wins whatever the order.
    if (col.collate === undefined) col.collate = BINARY_COLLATION;
  } else if (cur.acceptWord("COLUMN_FORMAT") || cur.acceptWord("STORAGE")) cur.next();
  else if (cur.isWord("SERIAL"))
    throw new UnsupportedStatementError(`column attribute ${at.value.toUpperCase()}`, at.line, at.column);
  else cur.fail("column attribute");
}

function setDefault(col: Mutable<Column>, value: Column["default"]): void {
  if (value) col.default = value;
  else delete col.default;
}

/** `[GENERATED ALWAYS] AS (expr) [VIRTUAL|STORED|PERSISTENT]`. */
function readGenerated(cur: Cursor): Column["generated"] {
  if (cur.acceptWord("GENERATED")) cur.expectWord("ALWAYS");
  cur.expectWord("AS");
  const expr = exprFromTokens(cur.group());
  const stored = cur.acceptWord("STORED") || cur.acceptWord("PERSISTENT");
  if (!stored) cur.acceptWord("VIRTUAL");
  return { expr, stored };
}

/** `[CONSTRAINT [name]] CHECK (expr) [[NOT] ENFORCED]` inside a column definition. */
function readInlineCheck(cur: Cursor): CheckDef {
  let name: string | undefined;
  if (cur.acceptWord("CONSTRAINT") && !cur.isWord("CHECK")) name = cur.name("constraint name");
  cur.expectWord("CHECK");
  return readCheckTail(cur, name);
}
