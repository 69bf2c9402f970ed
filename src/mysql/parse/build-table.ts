/**
 * Assembles a CREATE TABLE's parsed columns and elements into a canonical Table: server names for unnamed indexes,
 * foreign keys and checks, implicit foreign-key indexes, then normalizeTable.
 */
import type { Check, ForeignKey, Index, IndexPart, Table, TableOptions } from "../../schema/model.ts";
import { foreignKeyCovered, normalizeTable } from "../normalize.ts";
import type { ColumnDef } from "./column.ts";
import type { ParseContext } from "./context.ts";
import type { CheckDef, ElementDef, ForeignKeyDef, IndexDef } from "./elements.ts";
import { SchemaStateError } from "./errors.ts";
import { CheckNamer, givenForeignKeyName, nextForeignKeyName, unnamedIndexName } from "./names.ts";

/** One item of a CREATE TABLE body, in order. */
export type TableItem = { readonly kind: "column"; readonly def: ColumnDef } | ElementDef;

type Slot = { readonly index: IndexDef } | { readonly fk: ForeignKeyDef };

/** Builds the canonical table from the items of `CREATE TABLE name (items) options`. */
export function buildTable(name: string, items: readonly TableItem[], options: TableOptions, ctx: ParseContext): Table {
  let pk: IndexPart[] | undefined;
  let pkComment: string | undefined;
  const slots: Slot[] = [];
  const checks: { def: CheckDef; column?: string }[] = [];
  const setPk = (parts: readonly IndexPart[]) => {
    if (pk) throw new SchemaStateError("primary key", name, "exists");
    pk = [...parts];
  };
  for (const item of items) {
    if (item.kind === "column") {
      if (item.def.primary) setPk([{ column: item.def.column.name }]);
      if (item.def.unique)
        slots.push({ index: { unique: true, type: "BTREE", parts: [{ column: item.def.column.name }] } });
      for (const def of item.def.checks) checks.push({ def, column: item.def.column.name });
    } else if (item.kind === "primary") {
      setPk(item.parts);
      pkComment = item.comment;
    } else if (item.kind === "index") slots.push({ index: item.index });
    else if (item.kind === "foreignKey") slots.push({ fk: item.fk });
    else checks.push({ def: item.check });
  }
  const columns = items.flatMap((i) => (i.kind === "column" ? [i.def.column] : []));
  const draft: Table = {
    name,
    columns,
    indexes: slots.flatMap((s) => ("index" in s ? [{ ...s.index, name: "" }] : [])),
    foreignKeys: [],
    checks: [],
    options,
    ...(pk ? { primaryKey: { parts: pk, ...(pkComment ? { comment: pkComment } : {}) } } : {}),
  };
  const indexes = nameIndexes(slots, draft);
  const table: Table = {
    ...draft,
    indexes,
    foreignKeys: nameForeignKeys(slots, name, ctx),
    checks: nameChecks(checks, name, ctx),
  };
  return normalizeTable(table, ctx.flavor, ctx.schema);
}

/** Indexes in declaration order, with implicit foreign-key indexes at their key's place, named like the server. */
function nameIndexes(slots: readonly Slot[], draft: Table): Index[] {
  const out: Index[] = [];
  const taken = new Set<string>(draft.primaryKey ? ["PRIMARY"] : []);
  for (const slot of slots) {
    let def: IndexDef;
    if ("index" in slot) def = slot.index;
    else if (
      foreignKeyCovered(draft, slot.fk.columns) ||
      foreignKeyCovered({ ...draft, indexes: out }, slot.fk.columns) ||
      laterServingForeignKey(slots, slot)
    )
      continue;
    else
      def = {
        unique: false,
        type: "BTREE",
        parts: slot.fk.columns.map((column) => ({ column })),
        generated: true,
        ...implicitName(slot.fk),
      };
    const n = def.name ?? unnamedIndexName(def, taken);
    if (taken.has(n)) throw new SchemaStateError("index", n, "exists");
    taken.add(n);
    out.push({ ...def, name: n });
  }
  return out;
}

/**
 * True when another foreign key of the statement starts with this one's columns and has more, or as many and comes
 * later: the server keeps only that key's index (generated, or the declared one that serves it), which serves both.
 */
function laterServingForeignKey(slots: readonly Slot[], slot: { readonly fk: ForeignKeyDef }): boolean {
  const at = slots.indexOf(slot);
  const columns = slot.fk.columns;
  return slots.some(
    (s, k) =>
      "fk" in s &&
      k !== at &&
      (s.fk.columns.length > columns.length || (s.fk.columns.length === columns.length && k > at)) &&
      columns.every((c, i) => s.fk.columns[i] === c),
  );
}

function implicitName(fk: ForeignKeyDef): { name?: string } {
  const n = fk.symbol ?? fk.indexName;
  return n !== undefined ? { name: n } : {};
}

function nameForeignKeys(slots: readonly Slot[], table: string, ctx: ParseContext): ForeignKey[] {
  const out: ForeignKey[] = [];
  const taken = new Set<string>();
  for (const slot of slots) {
    if (!("fk" in slot)) continue;
    const { symbol: _s, indexName: _i, ...fk } = slot.fk;
    const name = givenForeignKeyName(slot.fk, ctx.flavor) ?? nextForeignKeyName(table, taken);
    if (taken.has(name)) throw new SchemaStateError("foreign key", name, "exists");
    taken.add(name);
    out.push({ name, ...fk });
  }
  return out;
}

function nameChecks(checks: readonly { def: CheckDef; column?: string }[], table: string, ctx: ParseContext): Check[] {
  const taken = new Set(checks.flatMap((c) => (c.def.name !== undefined ? [c.def.name] : [])));
  const namer = new CheckNamer(ctx.flavor, table, taken);
  return checks.map((c) => ({ name: c.def.name ?? namer.next(c.column), expr: c.def.expr, enforced: c.def.enforced }));
}
