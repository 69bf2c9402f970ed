/**
 * Schema equality: deep equality of canonical models, ignoring the order of tables, indexes, foreign keys and checks
 * (the server does not keep one) and the desired-state-only `renamedFrom` markers.
 */
import type { Column, Schema, Table } from "./model.ts";

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

/** A table in comparison form: members sorted by name, rename markers removed. */
export function comparableTable(t: Table): Table {
  const { renamedFrom: _r, ...rest } = t;
  return clean({
    ...rest,
    columns: t.columns.map(comparableColumn),
    indexes: [...t.indexes].sort(byName).map((i) => clean(i)),
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
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  if (ka.length !== kb.length) return false;
  return ka.every((k) => deepEqual((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}

/** True when two tables are the same (names of members matter, their order does not). */
export function tablesEqual(a: Table, b: Table): boolean {
  return deepEqual(comparableTable(a), comparableTable(b));
}

/** True when two schemas hold the same tables (name and database defaults are not compared: tables carry resolved ones). */
export function schemasEqual(a: Schema, b: Schema): boolean {
  return deepEqual(comparableSchema(a).tables, comparableSchema(b).tables);
}
