/**
 * Storage table options in their canonical form, and their SQL text (`ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8`):
 * shared by the normaliser, the planner and the inspector.
 */
import type { TableOptions } from "../schema/model.ts";
import { STORAGE_OPTION_KEYS, type StorageOptionKey } from "../schema/table-options.ts";

const NAMES: Record<StorageOptionKey, string> = {
  rowFormat: "ROW_FORMAT",
  keyBlockSize: "KEY_BLOCK_SIZE",
  pageCompressed: "PAGE_COMPRESSED",
  pageCompressionLevel: "PAGE_COMPRESSION_LEVEL",
  statsPersistent: "STATS_PERSISTENT",
  statsAutoRecalc: "STATS_AUTO_RECALC",
  statsSamplePages: "STATS_SAMPLE_PAGES",
};

/** The SQL name of a storage option (`rowFormat` → `ROW_FORMAT`). */
export function storageOptionName(key: StorageOptionKey): string {
  return NAMES[key];
}

/** The storage options of `options` in canonical form: row format upper case, defaults (0, false) left out. */
export function normalizeStorageOptions(options: TableOptions): Partial<TableOptions> {
  const out: { -readonly [K in StorageOptionKey]?: TableOptions[K] } = {};
  if (options.rowFormat !== undefined && options.rowFormat.toUpperCase() !== "DEFAULT")
    out.rowFormat = options.rowFormat.toUpperCase();
  if (options.keyBlockSize) out.keyBlockSize = options.keyBlockSize;
  if (options.pageCompressed) out.pageCompressed = true;
  for (const k of ["pageCompressionLevel", "statsPersistent", "statsAutoRecalc", "statsSamplePages"] as const)
    if (options[k] !== undefined) out[k] = options[k];
  return out;
}

/** `NAME=value` for each storage option set in `options`, in plan order. */
export function storageOptionsSql(options: TableOptions): string[] {
  const out: string[] = [];
  for (const k of STORAGE_OPTION_KEYS) {
    const v = options[k];
    if (v === undefined) continue;
    out.push(`${NAMES[k]}=${v === true ? 1 : v}`);
  }
  return out;
}

/** `NAME=DEFAULT` (KEY_BLOCK_SIZE=0) for each storage option going back to the server's default. */
export function resetStorageOptionsSql(keys: readonly StorageOptionKey[]): string[] {
  return STORAGE_OPTION_KEYS.filter((k) => keys.includes(k)).map((k) =>
    k === "keyBlockSize" ? "KEY_BLOCK_SIZE=0" : `${NAMES[k]}=DEFAULT`,
  );
}

/**
 * The storage options a server shows in information_schema.TABLES.CREATE_OPTIONS (MySQL `row_format=COMPRESSED
 * KEY_BLOCK_SIZE=8 stats_persistent=0`, MariaDB also `` `PAGE_COMPRESSED`='1' ``); other options are left out.
 */
export function storageOptionsFromCreateOptions(text: string): Partial<TableOptions> {
  const out: Record<string, unknown> = {};
  const byName = new Map(Object.entries(NAMES).map(([k, n]) => [n, k as StorageOptionKey]));
  for (const item of text.split(/\s+/)) {
    const m = /^`?([A-Za-z_]+)`?=(.*)$/.exec(item);
    const key = m && byName.get(m[1]!.toUpperCase());
    if (!m || !key) continue;
    const value = m[2]!.replace(/^'(.*)'$/, "$1");
    if (key === "rowFormat") out.rowFormat = value;
    else if (key === "pageCompressed") out.pageCompressed = value === "1" || /^(on|yes)$/i.test(value);
    else if (/^\d+$/.test(value)) out[key] = Number(value);
  }
  return normalizeStorageOptions(out as TableOptions);
}
