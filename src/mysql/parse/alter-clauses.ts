/**
 * The clauses of ALTER TABLE that change columns, indexes and constraints, each read at the cursor and returned as
 * table changes against the table as it is when the clause runs.
 */
import type { ColumnPosition, TableChange } from "../../schema/changes.ts";
import { deepEqual } from "../../schema/equal.ts";
import type { Table } from "../../schema/model.ts";
import { readDefault } from "../defaults.ts";
import { readColumnDef, type ColumnDef } from "./column.ts";
import type { ParseContext } from "./context.ts";
import type { Cursor } from "../cursor.ts";
import { atElement, readElement, type CheckDef, type ElementDef } from "./elements.ts";
import { SchemaStateError } from "./errors.ts";
import { CheckNamer } from "./names.ts";
import {
  addForeignKeyChanges,
  addIndexChanges,
  columnIn,
  dropColumnChanges,
  existingColumn,
  generatedIndexDrops,
  modifiedColumnIndexChanges,
} from "./table-state.ts";

/** `ADD …` (after ADD): a column, a parenthesised list of columns, or an index/key/constraint. */
export function addClause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  if (atElement(cur)) return elementChanges(readElement(cur), t, ctx);
  cur.acceptWord("COLUMN");
  const ifNotExists = cur.acceptWord("IF", "NOT", "EXISTS");
  if (cur.acceptOp("(")) {
    const out: TableChange[] = [];
    let state = t;
    do {
      const cs = addColumn(readColumnDef(cur), undefined, state, ctx);
      out.push(...cs);
      state = {
        ...state,
        columns: [...state.columns, ...cs.flatMap((c) => (c.kind === "AddColumn" ? [c.column] : []))],
      };
    } while (cur.acceptOp(","));
    cur.expectOp(")");
    return out;
  }
  const def = readColumnDef(cur);
  const position = readPosition(cur);
  if (ifNotExists && t.columns.some((c) => c.name === def.column.name)) return [];
  return addColumn(def, position, t, ctx);
}

function addColumn(def: ColumnDef, position: ColumnPosition | undefined, t: Table, ctx: ParseContext): TableChange[] {
  const column = columnIn(t, def, ctx.flavor);
  // The inline keys and checks see the table with the column already in it.
  const withColumn: Table = { ...t, columns: [...t.columns, column] };
  return [{ kind: "AddColumn", column, ...(position ? { position } : {}) }, ...inlineChanges(def, withColumn, ctx)];
}

/** The PRIMARY KEY, UNIQUE and CHECKs written inside a column definition. */
function inlineChanges(def: ColumnDef, t: Table, ctx: ParseContext): TableChange[] {
  const name = def.column.name;
  const out: TableChange[] = [];
  if (def.primary) out.push(...elementChanges({ kind: "primary", parts: [{ column: name }] }, t, ctx));
  if (def.unique)
    out.push(...addIndexChanges(t, { unique: true, type: "BTREE", parts: [{ column: name }] }, ctx.flavor));
  const namer = new CheckNamer(ctx.flavor, t.name, new Set(t.checks.map((c) => c.name)));
  for (const c of def.checks) out.push(checkChange(c, t, namer, name));
  return out;
}

function checkChange(def: CheckDef, t: Table, namer: CheckNamer, column?: string): TableChange {
  if (def.name !== undefined && t.checks.some((c) => c.name === def.name))
    throw new SchemaStateError("check", def.name, "exists");
  return { kind: "AddCheck", check: { name: def.name ?? namer.next(column), expr: def.expr, enforced: def.enforced } };
}

/** The changes of one added element (primary key, index, foreign key, check). */
function elementChanges(el: ElementDef, t: Table, ctx: ParseContext): TableChange[] {
  switch (el.kind) {
    case "primary":
      if (t.primaryKey) throw new SchemaStateError("primary key", t.name, "exists");
      return [
        ...notNullPrimaryColumns(el.parts, t),
        {
          kind: "AddPrimaryKey",
          primaryKey: { parts: el.parts, ...(el.comment ? { comment: el.comment } : {}) },
        },
        ...generatedIndexDrops(t, el),
      ];
    case "index":
      return addIndexChanges(t, el.index, ctx.flavor);
    case "foreignKey":
      return addForeignKeyChanges(t, el.fk, ctx.flavor);
    case "check":
      return [checkChange(el.check, t, new CheckNamer(ctx.flavor, t.name, new Set(t.checks.map((c) => c.name))))];
  }
}

/** Adding a primary key makes its nullable columns NOT NULL. */
function notNullPrimaryColumns(parts: readonly { column?: string }[], t: Table): TableChange[] {
  return parts.flatMap((p) => {
    const from = p.column === undefined ? undefined : existingColumn(t, p.column);
    return from?.nullable ? [{ kind: "ModifyColumn" as const, from, to: { ...from, nullable: false } }] : [];
  });
}

/** Reads an optional `FIRST` or `AFTER col`. */
export function readPosition(cur: Cursor): ColumnPosition | undefined {
  if (cur.acceptWord("FIRST")) return { first: true };
  if (cur.acceptWord("AFTER")) return { after: cur.name("column name") };
  return undefined;
}

/** `MODIFY [COLUMN] [IF EXISTS] def [position]`: a full redefinition of the column. */
export function modifyClause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  cur.acceptWord("COLUMN");
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const def = readColumnDef(cur);
  const position = readPosition(cur);
  if (ifExists && !t.columns.some((c) => c.name === def.column.name)) return [];
  const from = existingColumn(t, def.column.name);
  const to = columnIn(t, def, ctx.flavor);
  const own = ownCheckDrop(t, from.name, ctx);
  return [
    ...own.changes,
    { kind: "ModifyColumn", from, to, ...(position ? { position } : {}) },
    ...modifiedColumnIndexChanges(t, from.name, to, ctx.flavor),
    ...inlineChanges(def, own.table, ctx),
  ];
}

/**
 * MariaDB keeps a column's own CHECK (the one named after it) in the column definition, so MODIFY/CHANGE COLUMN
 * drops it; the clause's own CHECK, if any, comes back as a new one. Returns the drop and the table without it.
 */
function ownCheckDrop(t: Table, column: string, ctx: ParseContext): { changes: TableChange[]; table: Table } {
  const check = ctx.flavor.columnLevelChecks ? t.checks.find((c) => c.name === column) : undefined;
  if (!check) return { changes: [], table: t };
  return { changes: [{ kind: "DropCheck", check }], table: { ...t, checks: t.checks.filter((c) => c !== check) } };
}

/** `CHANGE [COLUMN] [IF EXISTS] old def [position]`: RenameColumn (when the name changes) then ModifyColumn. */
export function changeClause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  cur.acceptWord("COLUMN");
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const old = cur.name("column name");
  const def = readColumnDef(cur);
  const position = readPosition(cur);
  if (ifExists && !t.columns.some((c) => c.name === old)) return [];
  const from = { ...existingColumn(t, old), name: def.column.name };
  const to = columnIn(t, def, ctx.flavor);
  const own = ownCheckDrop(t, old, ctx);
  const rename: TableChange[] =
    old === def.column.name ? [] : [{ kind: "RenameColumn", from: old, to: def.column.name }];
  const same = deepEqual(from, to) && !position;
  return [
    ...own.changes,
    ...rename,
    ...(same ? [] : [{ kind: "ModifyColumn" as const, from, to, ...(position ? { position } : {}) }]),
    ...modifiedColumnIndexChanges(t, old, to, ctx.flavor),
    ...inlineChanges(def, own.table, ctx),
  ];
}

/** `ALTER [COLUMN] c SET DEFAULT v | DROP DEFAULT` (after ALTER [COLUMN]). */
export function alterColumnClause(cur: Cursor, t: Table): TableChange[] {
  const from = existingColumn(t, cur.name("column name"));
  if (cur.acceptWord("DROP", "DEFAULT")) {
    const { default: _d, ...to } = from;
    return [{ kind: "ModifyColumn", from, to }];
  }
  if (cur.acceptWord("SET", "INVISIBLE"))
    return from.invisible ? [] : [{ kind: "ModifyColumn", from, to: { ...from, invisible: true } }];
  if (cur.acceptWord("SET", "VISIBLE")) {
    const { invisible, ...to } = from;
    return invisible ? [{ kind: "ModifyColumn", from, to }] : [];
  }
  cur.expectWord("SET", "DEFAULT");
  const value = readDefault(cur, from.type);
  const { default: _d, ...rest } = from;
  return [{ kind: "ModifyColumn", from, to: value ? { ...rest, default: value } : rest }];
}

/** `DROP [COLUMN] [IF EXISTS] c` (after DROP [COLUMN]) with the server's follow-up changes. */
export function dropColumnClause(cur: Cursor, t: Table): TableChange[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = cur.name("column name");
  if (ifExists && !t.columns.some((c) => c.name === name)) return [];
  return dropColumnChanges(t, existingColumn(t, name));
}
