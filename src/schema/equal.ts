/**
 * Schema equality: deep equality of canonical models, ignoring the order of tables, indexes, foreign keys and checks
 * (the server does not keep one), the desired-state-only `renamedFrom` markers and the replay-only `generated` ones.
 */
import { comparableObjects } from "./equal-objects.ts";
import type { Column, Index, Schema, Table } from "./model.ts";

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Drops undefined-valued keys so `{a: undefined}` equals `{}`. */
function clean<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}

/** A column without its rename marker, for comparison. */
export function comparableColumn(c: Column): Column {
  const { renamedFrom: _r, ...rest } = c;
  return clean(rest);
}

/** An index without its replay-only `generated` marker, for comparison. */
export function comparableIndex(i: Index): Index {
  const { generated: _g, ...rest } = i;
  return clean(rest);
}

/** A table in comparison form: members sorted by name, rename and generated-index markers removed. */
export function comparableTable(t: Table): Table {
  const { renamedFrom: _r, ...rest } = t;
  return clean({
    ...rest,
    columns: t.columns.map(comparableColumn),
    indexes: [...t.indexes].sort(byName).map(comparableIndex),
    foreignKeys: [...t.foreignKeys].sort(byName),
    checks: [...t.checks].sort(byName),
    options: clean(t.options),
  });
}

/** A schema in comparison form. */
export function comparableSchema(s: Schema): Schema {
  return clean({ ...s, tables: [...s.tables].sort(byName).map(comparableTable) });
}

/** Structural equality of two plain values (JSON-like data). */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== "object" || typeof b !== "object" || a === null || b === null) return false;
  const array = Array.isArray(a);
  if (array !== Array.isArray(b)) return false;
  if (array && (a as unknown[]).length === (b as unknown[]).length) {
    for (let i = 0; i < (a as unknown[]).length; i++)
      if (!deepEqual((a as unknown[])[i], (b as unknown[])[i])) return false;
    return true;
  }
  return sameEntries(a as Record<string, unknown>, b as Record<string, unknown>);
}

/**
 * Both objects have the same keys with defined values (`ignore` left out), and deeply equal values under them.
 * (for…in, not Object.keys: the model is plain data, and a key array per node is most of a large diff's time.)
 */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>, ignore?: string): boolean {
  let unmatched = 0;
  for (const k in a) {
    const v = a[k];
    if (k === ignore || v === undefined) continue;
    if (!deepEqual(v, b[k])) return false;
    unmatched++;
  }
  for (const k in b) if (k !== ignore && b[k] !== undefined) unmatched--;
  return unmatched === 0;
}

/**
 * Tables found deepEqual, each with the table it equals: the model is immutable data, so a pair equal once stays
 * equal, and the planned file's check (sameTables) does not walk again the untouched tables diff has just compared.
 */
const equalTables = new WeakMap<Table, Table>();

/** `deepEqual` of two tables as they are, remembered for the pair when true. */
export function sameTableData(a: Table, b: Table): boolean {
  if (a === b || equalTables.get(a) === b) return true;
  if (!deepEqual(a, b)) return false;
  equalTables.set(a, b);
  return true;
}

/** The table members whose order the server does not keep: compared by name. */
const MEMBER_LISTS = new Set(["indexes", "foreignKeys", "checks"]);

/** The same members by name, each deeply equal (`ignore` left out); names are unique within a list. */
function sameMembers<T extends { name: string }>(a: readonly T[], b: readonly T[], ignore?: string): boolean {
  if (a.length !== b.length) return false;
  const byName = new Map(b.map((y) => [y.name, y]));
  return a.every((x) => {
    const y = byName.get(x.name);
    return y !== undefined && sameEntries(x as Record<string, unknown>, y as Record<string, unknown>, ignore);
  });
}

/**
 * True when two tables hold the same data but maybe for the order of their indexes, foreign keys and checks and the
 * indexes' replay-only `generated` markers: where diffTable finds nothing to change, without building its maps for
 * each member (a replayed table often lists a later index in another place than the entities declare it).
 */
export function sameTableUpToOrder(a: Table, b: Table): boolean {
  if (sameTableData(a, b)) return true;
  const x = a as unknown as Record<string, unknown>;
  const y = b as unknown as Record<string, unknown>;
  for (const k in x) if (!MEMBER_LISTS.has(k) && x[k] !== undefined && !deepEqual(x[k], y[k])) return false;
  for (const k in y) if (!MEMBER_LISTS.has(k) && y[k] !== undefined && x[k] === undefined) return false;
  return (
    sameMembers(a.indexes, b.indexes, "generated") &&
    sameMembers(a.foreignKeys, b.foreignKeys) &&
    sameMembers(a.checks, b.checks)
  );
}

/** `deepEqual(comparableColumn(a), comparableColumn(b))` without building the copies. */
export function columnsEqual(a: Column, b: Column): boolean {
  return sameEntries(a as unknown as Record<string, unknown>, b as unknown as Record<string, unknown>, "renamedFrom");
}

/** True when two tables are the same (names of members matter, their order does not). */
export function tablesEqual(a: Table, b: Table): boolean {
  return deepEqual(comparableTable(a), comparableTable(b));
}

/**
 * True when two schemas hold the same tables and objects (name and database defaults are not compared: tables carry
 * resolved ones).
 */
export function schemasEqual(a: Schema, b: Schema): boolean {
  return sameTables(a.tables, b.tables) && deepEqual(comparableObjects(a), comparableObjects(b));
}

/**
 * `deepEqual` of the two table lists in comparison form, building that form only for tables that differ as they are
 * (equal tables have equal comparison forms; most tables of a planned file's check are untouched, often the same object).
 */
function sameTables(a: readonly Table[], b: readonly Table[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort(byName);
  const y = [...b].sort(byName);
  for (let i = 0; i < x.length; i++)
    if (!sameTableData(x[i]!, y[i]!) && !deepEqual(comparableTable(x[i]!), comparableTable(y[i]!))) return false;
  return true;
}
