/**
 * Objects a schema holds that the model does not cover (a sequence, a system-versioned table, a view, …): an
 * inspection lists them by kind and name so every report can say "not managed: …" instead of passing over them, and
 * the diff leaves every table-like one alone, so a difference in something unmodelled never becomes a DROP or CREATE.
 */
import { goQuote } from "../go/quote.ts";
import type { Schema, UnmanagedKind, UnmanagedObject } from "./model.ts";

/** The kinds whose name is a table's name: a table of that name is never created, altered or dropped by a diff. */
const TABLE_LIKE: ReadonlySet<UnmanagedKind> = new Set(["sequence", "system-versioned table"]);

/** The names of the table-like unmanaged objects of the given schemas (the tables a diff must not touch). */
export function unmanagedTableNames(...schemas: readonly Schema[]): Set<string> {
  const names = new Set<string>();
  for (const s of schemas) for (const o of s.unmanaged ?? []) if (TABLE_LIKE.has(o.kind)) names.add(o.name);
  return names;
}

/** `schema` without the tables a diff must leave alone (the same object when there are none). */
export function withoutTables(schema: Schema, names: ReadonlySet<string>): Schema {
  if (names.size === 0 || !schema.tables.some((t) => names.has(t.name))) return schema;
  return { ...schema, tables: schema.tables.filter((t) => !names.has(t.name)) };
}

/** The unmanaged objects of the given schemas, each kind and name once, sorted by kind then name. */
export function unmanagedObjects(...schemas: readonly Schema[]): UnmanagedObject[] {
  const seen = new Map<string, UnmanagedObject>();
  for (const s of schemas) for (const o of s.unmanaged ?? []) seen.set(`${o.kind}\u0000${o.name}`, o);
  return [...seen.values()].sort((a, b) =>
    a.kind === b.kind ? (a.name < b.name ? -1 : a.name > b.name ? 1 : 0) : a.kind < b.kind ? -1 : 1,
  );
}

/** The report line of one unmanaged object, e.g. `not managed: sequence "s1"`. */
export function unmanagedLine(o: UnmanagedObject): string {
  return `not managed: ${o.kind} ${goQuote(o.name)}`;
}

/** The report lines of the unmanaged objects of the given schemas (none when there are none). */
export function unmanagedLines(...schemas: readonly Schema[]): string[] {
  return unmanagedObjects(...schemas).map(unmanagedLine);
}
