/**
 * Storage table options: ROW_FORMAT, KEY_BLOCK_SIZE, MariaDB PAGE_COMPRESSED / PAGE_COMPRESSION_LEVEL (which SHOW
 * CREATE TABLE writes as `` `PAGE_COMPRESSED`='1' ``) and STATS_PERSISTENT / STATS_AUTO_RECALC / STATS_SAMPLE_PAGES.
 * A value that means the server's default (DEFAULT, KEY_BLOCK_SIZE=0, PAGE_COMPRESSED=0) leaves the key out.
 */
import type { TableOptions } from "../../schema/model.ts";
import type { StorageOptionKey } from "../../schema/table-options.ts";
import type { Cursor } from "../cursor.ts";

const KEYS: Record<string, StorageOptionKey> = {
  ROW_FORMAT: "rowFormat",
  KEY_BLOCK_SIZE: "keyBlockSize",
  PAGE_COMPRESSED: "pageCompressed",
  PAGE_COMPRESSION_LEVEL: "pageCompressionLevel",
  STATS_PERSISTENT: "statsPersistent",
  STATS_AUTO_RECALC: "statsAutoRecalc",
  STATS_SAMPLE_PAGES: "statsSamplePages",
};

/** The option names (upper case) this file reads. */
export const STORAGE_OPTIONS: ReadonlySet<string> = new Set(Object.keys(KEYS));

const ROW_FORMATS = new Set(["DEFAULT", "DYNAMIC", "FIXED", "COMPRESSED", "REDUNDANT", "COMPACT", "PAGE"]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** True when the cursor is at a storage option (a bare or backtick-quoted name). */
export function atStorageOption(cur: Cursor): boolean {
  const t = cur.peek();
  return (t.kind === "word" || t.kind === "ident") && STORAGE_OPTIONS.has(t.value.toUpperCase());
}

/** Reads one storage option into `out` (or `reset` when set to its default); false when the cursor is not at one. */
export function readStorageOption(
  cur: Cursor,
  out: Mutable<TableOptions>,
  reset: Set<StorageOptionKey> | undefined,
): boolean {
  if (!atStorageOption(cur)) return false;
  const name = cur.next().value.toUpperCase();
  const key = KEYS[name]!;
  cur.optionalEquals();
  const value = readValue(cur, name);
  const isDefault = value === "DEFAULT" || ((key === "keyBlockSize" || key === "pageCompressed") && value === 0);
  if (isDefault) {
    delete out[key];
    reset?.add(key);
    return true;
  }
  reset?.delete(key);
  if (key === "rowFormat") out.rowFormat = String(value);
  else if (key === "pageCompressed") out.pageCompressed = true;
  else out[key] = Number(value);
  return true;
}

/** A value: `DEFAULT`, a row format (upper case), or a whole number (also quoted, or ON/OFF for PAGE_COMPRESSED). */
function readValue(cur: Cursor, name: string): number | string {
  const t = cur.peek();
  const word = t.kind === "word" ? t.value.toUpperCase() : undefined;
  if (word === "DEFAULT") {
    cur.next();
    return "DEFAULT";
  }
  if (name === "ROW_FORMAT") {
    if (word === undefined || !ROW_FORMATS.has(word)) return cur.fail("row format");
    cur.next();
    return word;
  }
  if (name === "PAGE_COMPRESSED" && (word === "ON" || word === "OFF" || word === "YES" || word === "NO")) {
    cur.next();
    return word === "ON" || word === "YES" ? 1 : 0;
  }
  if (t.kind === "string" && /^\d+$/.test(t.value)) return Number(cur.next().value);
  return cur.integer(`${name} value`);
}
