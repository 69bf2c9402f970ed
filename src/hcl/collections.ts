/**
 * Which kind of collection an evaluated list is, as cty types it: a literal `[…]` is a tuple, `toset(…)` a set, and a
 * typed list (a `list(string)` variable, `tolist(…)`, a `data "sql"` source's `values`) a list. Atlas's `for_each`
 * accepts tuples, sets and objects but refuses lists (`for_each does not support list of string type`), so the kind
 * must survive evaluation. Values stay plain arrays; the kind is kept beside them.
 */
import type { Value } from "./value.ts";

const LISTS = new WeakSet<readonly Value[]>();
const SETS = new WeakSet<readonly Value[]>();

/** Marks `items` as a typed list (what `tolist` and `list(...)` variables return) and returns it. */
export function asList(items: readonly Value[]): readonly Value[] {
  LISTS.add(items);
  return items;
}

/** Marks `items` as a set (what `toset` returns) and returns it. */
export function asSet(items: readonly Value[]): readonly Value[] {
  SETS.add(items);
  return items;
}

/** The collection kind of an evaluated array: `list`, `set`, or `tuple` (a literal). */
export function collectionKind(items: readonly Value[]): "list" | "set" | "tuple" {
  return LISTS.has(items) ? "list" : SETS.has(items) ? "set" : "tuple";
}
