/**
 * Reading information_schema cells: drivers return text as strings or byte buffers and numbers as numbers or strings.
 */
import type { Row } from "../../db/types.ts";

/** A cell as text; undefined for SQL NULL. */
export function text(row: Row, key: string): string | undefined {
  const v = row[key];
  if (v === null || v === undefined) return undefined;
  if (typeof v === "string") return v;
  if (v instanceof Uint8Array) return new TextDecoder().decode(v);
  return String(v);
}

/** A cell as text that must be present. */
export function required(row: Row, key: string): string {
  const v = text(row, key);
  if (v === undefined) throw new Error(`information_schema returned NULL for ${key}`);
  return v;
}

/** A cell as text, absent when NULL, empty or the text `NULL` (Atlas's `sqlx.ValidString`). */
export function valid(row: Row, key: string): string | undefined {
  const v = text(row, key);
  return v === undefined || v === "" || v.toUpperCase() === "NULL" ? undefined : v;
}

/** A cell as a number; undefined for SQL NULL. */
export function num(row: Row, key: string): number | undefined {
  const v = text(row, key);
  return v === undefined ? undefined : Number(v);
}

/** Groups rows by a text key, keeping their order. */
export function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}

/** How many results remembered() keeps before it starts over (a bound for long-running library use). */
const REMEMBERED = 10_000;

/**
 * A pure function of one text, remembered: a large schema repeats the same defaults and CHECK clauses on table after
 * table, and each costs a tokenize and a parse. Results are shared, so callers must not change them (model values
 * are read-only).
 */
export function remembered<T>(fn: (key: string) => T): (key: string) => T {
  const seen = new Map<string, T>();
  return (key) => {
    if (seen.has(key)) return seen.get(key) as T;
    if (seen.size >= REMEMBERED) seen.clear();
    const value = fn(key);
    seen.set(key, value);
    return value;
  };
}
