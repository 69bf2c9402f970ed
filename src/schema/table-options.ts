/**
 * Storage options of a table (ROW_FORMAT, KEY_BLOCK_SIZE, page compression, persistent statistics): the keys, and
 * their part of a table diff. Absent means the server's default; a diff that removes one resets it.
 */
import type { TableOptions } from "./model.ts";

/** The storage option keys of TableOptions, in the order a plan writes them. */
export const STORAGE_OPTION_KEYS = [
  "statsPersistent",
  "statsAutoRecalc",
  "statsSamplePages",
  "rowFormat",
  "keyBlockSize",
  "pageCompressed",
  "pageCompressionLevel",
] as const;

/** One storage option key. */
export type StorageOptionKey = (typeof STORAGE_OPTION_KEYS)[number];

/** Storage options changing from `from` to `to`: the new values, and the keys going back to their default. */
export function diffStorageOptions(
  from: TableOptions,
  to: TableOptions,
): { readonly set: Partial<Record<StorageOptionKey, unknown>>; readonly reset: StorageOptionKey[] } {
  const set: Partial<Record<StorageOptionKey, unknown>> = {};
  const reset: StorageOptionKey[] = [];
  for (const k of STORAGE_OPTION_KEYS) {
    if (from[k] === to[k]) continue;
    if (to[k] === undefined) reset.push(k);
    else set[k] = to[k];
  }
  return { set, reset };
}

/** True when changing this option rebuilds an InnoDB table (ROW_FORMAT, KEY_BLOCK_SIZE, PAGE_COMPRESSED). */
export function rebuildsTable(key: StorageOptionKey): boolean {
  return key === "rowFormat" || key === "keyBlockSize" || key === "pageCompressed";
}
