/**
 * information_schema.STATISTICS → primary key and indexes; KEY_COLUMN_USAGE × REFERENTIAL_CONSTRAINTS → foreign keys.
 */
import type { Row } from "../../db/types.ts";
import type { FkAction, ForeignKey, Index, IndexPart, IndexType, PrimaryKey } from "../../schema/model.ts";
import { canonicalExpr } from "../expr.ts";
import type { Flavor } from "../flavor.ts";
import { unescapeMysql } from "./default-value.ts";
import { InspectError } from "./errors.ts";
import { groupBy, num, required, text, valid } from "./values.ts";

/** The keys of one table. */
export interface TableKeys {
  readonly primaryKey?: PrimaryKey;
  readonly indexes: Index[];
}

const INDEX_TYPES: Record<string, IndexType> = {
  BTREE: "BTREE",
  HASH: "HASH",
  FULLTEXT: "FULLTEXT",
  SPATIAL: "SPATIAL",
  RTREE: "SPATIAL",
};

function part(row: Row, flavor: Flavor): IndexPart {
  const column = text(row, "COLUMN_NAME");
  const expr = text(row, "EXPRESSION");
  // MariaDB reports SUB_PART 32 for a SPATIAL index part, which takes no prefix (the server refuses one).
  const spatial = required(row, "INDEX_TYPE").toUpperCase() === "SPATIAL";
  const prefix = spatial ? undefined : num(row, "SUB_PART");
  const base: IndexPart =
    column !== undefined
      ? { column }
      : { expr: canonicalExpr(flavor.escapedExpressions ? unescapeMysql(expr ?? "") : (expr ?? "")) };
  return { ...base, ...(prefix ? { prefix } : {}), ...(Number(text(row, "DESC") ?? 0) === 1 ? { desc: true } : {}) };
}

function index(table: string, name: string, rows: readonly Row[], flavor: Flavor): Index {
  const first = rows[0]!;
  const rawType = required(first, "INDEX_TYPE").toUpperCase();
  const type = INDEX_TYPES[rawType];
  if (!type) throw new InspectError(table, undefined, `unknown index type "${rawType}" of index "${name}"`);
  const comment = valid(first, "INDEX_COMMENT");
  return {
    name,
    unique: Number(text(first, "NON_UNIQUE")) === 0,
    type,
    parts: rows.map((r) => part(r, flavor)),
    ...(comment ? { comment: text(first, "INDEX_COMMENT")! } : {}),
    ...(text(first, "IGNORED")?.toUpperCase() === "YES" ? { invisible: true as const } : {}),
  };
}

/** The primary key and indexes of each table, by table name, from STATISTICS rows (ordered by index, then part). */
export function keysByTable(rows: readonly Row[], flavor: Flavor): Map<string, TableKeys> {
  const out = new Map<string, TableKeys>();
  for (const [table, tableRows] of groupBy(rows, (r) => required(r, "TABLE_NAME"))) {
    const keys: { primaryKey?: PrimaryKey; indexes: Index[] } = { indexes: [] };
    for (const [name, indexRows] of groupBy(tableRows, (r) => required(r, "INDEX_NAME"))) {
      const sorted = [...indexRows].sort((a, b) => (num(a, "SEQ_IN_INDEX") ?? 0) - (num(b, "SEQ_IN_INDEX") ?? 0));
      if (name === "PRIMARY") {
        const comment = valid(sorted[0]!, "INDEX_COMMENT") ? text(sorted[0]!, "INDEX_COMMENT") : undefined;
        keys.primaryKey = { parts: sorted.map((r) => part(r, flavor)), ...(comment ? { comment } : {}) };
      } else keys.indexes.push(index(table, name, sorted, flavor));
    }
    out.set(table, keys);
  }
  return out;
}

function action(rule: string | undefined): FkAction {
  switch ((rule ?? "").toUpperCase()) {
    case "CASCADE":
      return "CASCADE";
    case "SET NULL":
      return "SET NULL";
    case "SET DEFAULT":
      return "SET DEFAULT";
    default:
      return "NO ACTION";
  }
}

/** The foreign keys of each table, by table name, from KEY_COLUMN_USAGE rows (ordered by key, then position). */
export function foreignKeysByTable(rows: readonly Row[]): Map<string, ForeignKey[]> {
  const out = new Map<string, ForeignKey[]>();
  for (const [table, tableRows] of groupBy(rows, (r) => required(r, "TABLE_NAME"))) {
    const fks: ForeignKey[] = [];
    for (const [name, keyRows] of groupBy(tableRows, (r) => required(r, "CONSTRAINT_NAME"))) {
      const first = keyRows[0]!;
      fks.push({
        name,
        columns: keyRows.map((r) => required(r, "COLUMN_NAME")),
        refTable: required(first, "REFERENCED_TABLE_NAME"),
        refColumns: keyRows.map((r) => required(r, "REFERENCED_COLUMN_NAME")),
        onUpdate: action(text(first, "UPDATE_RULE")),
        onDelete: action(text(first, "DELETE_RULE")),
      });
    }
    out.set(table, fks);
  }
  return out;
}
