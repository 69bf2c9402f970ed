/**
 * Table elements other than columns: PRIMARY KEY, indexes, FOREIGN KEY and CHECK definitions (in CREATE TABLE and
 * after ALTER TABLE … ADD), returned with their names still optional — naming is the caller's job.
 */
import type { FkAction, Index, IndexPart, IndexType } from "../../schema/model.ts";
import { exprFromTokens } from "../expr.ts";
import type { Cursor } from "../cursor.ts";

/** A CHECK as written; `name` absent when the server will name it. */
export interface CheckDef {
  readonly name?: string;
  readonly expr: string;
  readonly enforced: boolean;
}

/** An index as written; `name` absent when the server will name it. */
export type IndexDef = Omit<Index, "name"> & { readonly name?: string };

/** A foreign key as written: `symbol` is the CONSTRAINT name, `indexName` the name after FOREIGN KEY. */
export interface ForeignKeyDef {
  readonly symbol?: string;
  readonly indexName?: string;
  readonly columns: readonly string[];
  readonly refTable: string;
  readonly refColumns: readonly string[];
  readonly onUpdate: FkAction;
  readonly onDelete: FkAction;
}

/** One non-column table element. */
export type ElementDef =
  | { readonly kind: "primary"; readonly parts: readonly IndexPart[]; readonly comment?: string }
  | { readonly kind: "index"; readonly index: IndexDef }
  | { readonly kind: "foreignKey"; readonly fk: ForeignKeyDef }
  | { readonly kind: "check"; readonly check: CheckDef };

const ELEMENT_START = new Set([
  "CONSTRAINT",
  "PRIMARY",
  "UNIQUE",
  "INDEX",
  "KEY",
  "FULLTEXT",
  "SPATIAL",
  "FOREIGN",
  "CHECK",
]);

/** True when the cursor is at a table element that is not a column. */
export function atElement(cur: Cursor): boolean {
  const t = cur.peek();
  return t.kind === "word" && ELEMENT_START.has(t.value.toUpperCase());
}

/** Reads one non-column element (see atElement). */
export function readElement(cur: Cursor): ElementDef {
  let symbol: string | undefined;
  if (cur.acceptWord("CONSTRAINT") && !["PRIMARY", "UNIQUE", "FOREIGN", "CHECK"].some((w) => cur.isWord(w)))
    symbol = cur.name("constraint name");
  if (cur.acceptWord("PRIMARY")) {
    cur.expectWord("KEY");
    const { parts, comment } = readIndexBody(cur, "BTREE");
    return { kind: "primary", parts, ...(comment ? { comment } : {}) };
  }
  if (cur.acceptWord("FOREIGN")) return { kind: "foreignKey", fk: readForeignKey(cur, symbol) };
  if (cur.acceptWord("CHECK")) return { kind: "check", check: readCheckTail(cur, symbol) };
  const unique = cur.acceptWord("UNIQUE");
  const type: IndexType =
    !unique && cur.acceptWord("FULLTEXT") ? "FULLTEXT" : !unique && cur.acceptWord("SPATIAL") ? "SPATIAL" : "BTREE";
  if (!(cur.acceptWord("INDEX") || cur.acceptWord("KEY")) && !unique && type === "BTREE") cur.fail("INDEX or KEY");
  cur.acceptWord("IF", "NOT", "EXISTS");
  const name = cur.isOp("(") || cur.isWord("USING") ? symbol : cur.name("index name");
  const body = readIndexBody(cur, type);
  return { kind: "index", index: { ...body, unique, ...(name !== undefined ? { name } : {}) } };
}

/** Reads `[USING t] (parts) [options]` of an index. */
export function readIndexBody(cur: Cursor, type: IndexType): Omit<IndexDef, "unique" | "name"> {
  let using = readUsing(cur);
  let t = using ?? type;
  const parts = readIndexParts(cur);
  let comment: string | undefined;
  let parser: string | undefined;
  let invisible = false;
  for (;;) {
    const after = readUsing(cur);
    if (after) t = using = after;
    else if (cur.acceptWord("COMMENT")) comment = cur.string("comment string");
    else if (cur.acceptWord("WITH", "PARSER")) parser = cur.name("parser name");
    else if (cur.acceptWord("KEY_BLOCK_SIZE")) cur.optionalEquals(), cur.integer("key block size");
    else if (cur.acceptWord("INVISIBLE") || cur.acceptWord("IGNORED")) invisible = true;
    else if (cur.acceptWord("VISIBLE") || cur.acceptWord("NOT", "IGNORED")) invisible = false;
    else break;
  }
  return {
    type: t,
    parts,
    ...(comment ? { comment } : {}),
    ...(parser ? { parser } : {}),
    ...(using === "BTREE" && t === "BTREE" ? { usingBtree: true as const } : {}),
    ...(invisible ? { invisible: true as const } : {}),
  };
}

function readUsing(cur: Cursor): IndexType | undefined {
  if (!cur.acceptWord("USING")) return undefined;
  if (cur.acceptWord("BTREE")) return "BTREE";
  if (cur.acceptWord("HASH")) return "HASH";
  return cur.fail("BTREE or HASH");
}

/** Reads `(col [(n)] [ASC|DESC], (expr) [ASC|DESC], …)`. */
export function readIndexParts(cur: Cursor): IndexPart[] {
  const parts: IndexPart[] = [];
  cur.expectOp("(");
  do {
    let part: IndexPart;
    if (cur.isOp("(")) part = { expr: exprFromTokens(cur.group()) };
    else {
      const column = cur.name("column name");
      part = cur.acceptOp("(") ? { column, prefix: prefixEnd(cur) } : { column };
    }
    if (cur.acceptWord("DESC")) part = { ...part, desc: true };
    else cur.acceptWord("ASC");
    parts.push(part);
  } while (cur.acceptOp(","));
  cur.expectOp(")");
  return parts;
}

function prefixEnd(cur: Cursor): number {
  const n = cur.integer("prefix length");
  cur.expectOp(")");
  return n;
}

/** Reads the rest of `FOREIGN KEY [name] (cols) REFERENCES t (cols) [ON DELETE a] [ON UPDATE a]`. */
function readForeignKey(cur: Cursor, symbol: string | undefined): ForeignKeyDef {
  cur.expectWord("KEY");
  cur.acceptWord("IF", "NOT", "EXISTS");
  const indexName = cur.isOp("(") ? undefined : cur.name("foreign key name");
  const columns = cur.nameList("column name");
  const ref = readReferences(cur);
  return {
    ...(symbol !== undefined ? { symbol } : {}),
    ...(indexName !== undefined ? { indexName } : {}),
    columns,
    ...ref,
  };
}

/** Reads `REFERENCES t (cols) [MATCH x] [ON DELETE a] [ON UPDATE a]`. */
export function readReferences(cur: Cursor): Pick<ForeignKeyDef, "refTable" | "refColumns" | "onDelete" | "onUpdate"> {
  cur.expectWord("REFERENCES");
  const refTable = cur.tableName();
  const refColumns = cur.nameList("column name");
  let onDelete: FkAction = "NO ACTION";
  let onUpdate: FkAction = "NO ACTION";
  for (;;) {
    if (cur.acceptWord("MATCH")) cur.next();
    else if (cur.acceptWord("ON", "DELETE")) onDelete = readAction(cur);
    else if (cur.acceptWord("ON", "UPDATE")) onUpdate = readAction(cur);
    else break;
  }
  return { refTable, refColumns, onDelete, onUpdate };
}

function readAction(cur: Cursor): FkAction {
  if (cur.acceptWord("RESTRICT") || cur.acceptWord("NO", "ACTION")) return "NO ACTION";
  if (cur.acceptWord("CASCADE")) return "CASCADE";
  if (cur.acceptWord("SET", "NULL")) return "SET NULL";
  if (cur.acceptWord("SET", "DEFAULT")) return "SET DEFAULT";
  return cur.fail("referential action");
}

/** Reads `(expr) [[NOT] ENFORCED]` after CHECK. */
export function readCheckTail(cur: Cursor, name: string | undefined): CheckDef {
  const expr = exprFromTokens(cur.group());
  const enforced = !cur.acceptWord("NOT", "ENFORCED");
  if (enforced) cur.acceptWord("ENFORCED");
  return { ...(name !== undefined ? { name } : {}), expr, enforced };
}
