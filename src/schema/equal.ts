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
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  return sameEntries(a as Record<string, unknown>, b as Record<string, unknown>);
}

/** Both objects have the same keys with defined values (`ignore` left out), and deeply equal values under them. */
function sameEntries(a: Record<string, unknown>, b: Record<string, unknown>, ignore?: string): boolean {
  let unmatched = 0;
  for (const k of Object.keys(a)) {
    if (k === ignore || a[k] === undefined) continue;
    if (!deepEqual(a[k], b[k])) return false;
    unmatched++;
  }
  for (const k of Object.keys(b)) if (k !== ignore && b[k] !== undefined) unmatched--;
  return unmatched === 0;
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
  return (
    deepEqual(comparableSchema(a).tables, comparableSchema(b).tables) &&
    deepEqual(comparableObjects(a), comparableObjects(b))
  );
}
