/**
 * `ALTER INDEX name {INVISIBLE | VISIBLE | IGNORED | NOT IGNORED}` (MySQL 8, MariaDB 10.6): the index's visibility
 * to the optimizer, as a drop and add of the index with its new flag (the model compares whole indexes).
 */
import type { TableChange } from "../../schema/changes.ts";
import type { Table } from "../../schema/model.ts";
import type { Cursor } from "../cursor.ts";
import { SchemaStateError } from "./errors.ts";

/** True at `ALTER INDEX` / `ALTER KEY`. */
export function atAlterIndex(cur: Cursor): boolean {
  return cur.isWord("ALTER", "INDEX") || cur.isWord("ALTER", "KEY");
}

/** Reads `ALTER INDEX|KEY name visibility`; nothing when the flag does not change. */
export function alterIndexClause(cur: Cursor, t: Table): TableChange[] {
  cur.next();
  cur.next();
  const name = cur.name("index name");
  let invisible: boolean;
  if (cur.acceptWord("INVISIBLE") || cur.acceptWord("IGNORED")) invisible = true;
  else if (cur.acceptWord("VISIBLE") || cur.acceptWord("NOT", "IGNORED")) invisible = false;
  else return cur.fail("VISIBLE, INVISIBLE, IGNORED or NOT IGNORED");
  const index = t.indexes.find((i) => i.name === name);
  if (!index) throw new SchemaStateError("index", name, "missing");
  if (Boolean(index.invisible) === invisible) return [];
  const { invisible: _old, ...rest } = index;
  const to = invisible ? { ...rest, invisible: true as const } : rest;
  return [
    { kind: "DropIndex", index },
    { kind: "AddIndex", index: to },
  ];
}
