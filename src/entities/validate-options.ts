/**
 * Checks of a declared table's storage options, written against what the server accepts.
 */
import type { StorageOptionsSpec } from "./table.ts";

const ROW_FORMATS = new Set(["DYNAMIC", "COMPACT", "REDUNDANT", "COMPRESSED", "FIXED", "PAGE"]);
const KEY_BLOCK_SIZES = new Set([1, 2, 4, 8, 16]);

/** The problems of a table's storage options (empty when sound). */
export function storageOptionProblems(t: StorageOptionsSpec): string[] {
  const out: string[] = [];
  if (t.rowFormat !== undefined && !ROW_FORMATS.has(t.rowFormat))
    out.push(`rowFormat must be one of ${[...ROW_FORMATS].join(", ")}, got ${JSON.stringify(t.rowFormat)}`);
  if (t.keyBlockSize !== undefined && !KEY_BLOCK_SIZES.has(t.keyBlockSize))
    out.push(`keyBlockSize must be 1, 2, 4, 8 or 16, got ${t.keyBlockSize}`);
  if (t.keyBlockSize !== undefined && t.rowFormat !== undefined && t.rowFormat !== "COMPRESSED")
    out.push(`keyBlockSize needs rowFormat "COMPRESSED" (or no rowFormat), not ${JSON.stringify(t.rowFormat)}`);
  const level = t.pageCompressionLevel;
  if (level !== undefined && !(Number.isInteger(level) && level >= 1 && level <= 9))
    out.push(`pageCompressionLevel must be an integer from 1 to 9, got ${level}`);
  const pages = t.statsSamplePages;
  if (pages !== undefined && !(Number.isInteger(pages) && pages >= 1 && pages <= 65535))
    out.push(`statsSamplePages must be an integer from 1 to 65535, got ${pages}`);
  return out;
}
