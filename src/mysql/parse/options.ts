/**
 * Table options. Modelled: ENGINE, [DEFAULT] CHARSET / CHARACTER SET, [DEFAULT] COLLATE, COMMENT, AUTO_INCREMENT and
 * the storage options (storage-options.ts). Accepted and not modelled: AVG_ROW_LENGTH, CHECKSUM, DELAY_KEY_WRITE,
 * MAX_ROWS, MIN_ROWS, PACK_KEYS, PAGE_CHECKSUM, TRANSACTIONAL, ENCRYPTED, ENCRYPTION, ENCRYPTION_KEY_ID, COMPRESSION,
 * INSERT_METHOD, TABLESPACE, STORAGE.
 */
import type { TableOptions } from "../../schema/model.ts";
import { canonicalCharset, canonicalCollation } from "../charset.ts";
import type { Cursor } from "../cursor.ts";
import type { StorageOptionKey } from "../../schema/table-options.ts";
import { atStorageOption, readStorageOption, STORAGE_OPTIONS } from "./storage-options.ts";

const IGNORED = new Set([
  "AVG_ROW_LENGTH",
  "CHECKSUM",
  "TABLE_CHECKSUM",
  "DELAY_KEY_WRITE",
  "MAX_ROWS",
  "MIN_ROWS",
  "PACK_KEYS",
  "PAGE_CHECKSUM",
  "TRANSACTIONAL",
  "ENCRYPTED",
  "ENCRYPTION",
  "ENCRYPTION_KEY_ID",
  "COMPRESSION",
  "INSERT_METHOD",
  "TABLESPACE",
  "STORAGE",
]);

const MODELLED = new Set(["ENGINE", "TYPE", "DEFAULT", "CHARSET", "CHARACTER", "COLLATE", "COMMENT", "AUTO_INCREMENT"]);

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** True when the cursor is at a table option. */
export function atTableOption(cur: Cursor): boolean {
  if (atStorageOption(cur)) return true;
  const t = cur.peek();
  if (t.kind !== "word") return false;
  const w = t.value.toUpperCase();
  return IGNORED.has(w) || MODELLED.has(w);
}

/**
 * Reads one table option into `out` (names canonicalised, not yet resolved); a storage option set to its default is
 * left out of `out` and named in `reset`.
 */
export function readTableOption(cur: Cursor, out: Mutable<TableOptions>, reset?: Set<StorageOptionKey>): void {
  cur.acceptWord("DEFAULT");
  if (readStorageOption(cur, out, reset)) return;
  if (cur.acceptWord("ENGINE") || cur.acceptWord("TYPE")) {
    cur.optionalEquals();
    out.engine = cur.name("engine name");
  } else if (cur.acceptWord("CHARSET") || cur.acceptWord("CHARACTER", "SET")) {
    cur.optionalEquals();
    out.charset = canonicalCharset(cur.name("charset name"));
  } else if (cur.acceptWord("COLLATE")) {
    cur.optionalEquals();
    out.collate = canonicalCollation(cur.name("collation name"));
  } else if (cur.acceptWord("COMMENT")) {
    cur.optionalEquals();
    out.comment = cur.string("comment string");
  } else if (cur.acceptWord("AUTO_INCREMENT")) {
    cur.optionalEquals();
    out.autoIncrement = cur.integer("auto-increment value");
  } else if (atTableOption(cur)) {
    cur.next();
    cur.optionalEquals();
    cur.next();
  } else cur.fail("table option");
}

/** Reads table options (optionally comma-separated) until something else comes; defaults are left out. */
export function readTableOptions(cur: Cursor): TableOptions {
  const out: Mutable<TableOptions> = {};
  while (atTableOption(cur)) {
    readTableOption(cur, out);
    if (cur.isOp(",") && atTableOptionAfterComma(cur)) cur.next();
  }
  return out;
}

function atTableOptionAfterComma(cur: Cursor): boolean {
  const t = cur.peek(1);
  return (
    (t.kind === "word" || t.kind === "ident") &&
    (IGNORED.has(t.value.toUpperCase()) ||
      STORAGE_OPTIONS.has(t.value.toUpperCase()) ||
      ["ENGINE", "DEFAULT", "CHARSET", "CHARACTER", "COLLATE", "COMMENT", "AUTO_INCREMENT"].includes(
        t.value.toUpperCase(),
      ))
  );
}
