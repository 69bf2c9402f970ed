/**
 * Key parts longer than the server's key limit: MariaDB stores a non-unique B-tree key part that would take more than
 * 3072 bytes (InnoDB's limit with the default DYNAMIC row format) as a prefix of the limit — a TEXT/BLOB column named
 * without a length included — and says so in a note; `inspect` then reads `(c0(768))`. MySQL 8 refuses both.
 */
import type { Column, Index, IndexPart } from "../schema/model.ts";
import { lobMaxBytes, maxBytesPerChar } from "./charset-width.ts";
import type { Flavor } from "./flavor.ts";
import { baseType } from "./typeinfo.ts";

/** InnoDB's largest key part, in bytes (innodb_large_prefix, DYNAMIC/COMPRESSED rows: the default). */
const MAX_KEY_PART_BYTES = 3072;

/** The index as the server stores it: key parts over the limit cut to a prefix when the flavour does so. */
export function storedIndex(index: Index, columns: readonly Column[], flavor: Flavor): Index {
  if (!flavor.longKeyPartsAsPrefix || index.unique || index.type !== "BTREE") return index;
  let changed = false;
  const parts = index.parts.map((p) => {
    const column = p.column === undefined ? undefined : columns.find((c) => c.name === p.column);
    const prefix = column === undefined ? undefined : storedPrefix(p, column);
    if (prefix === p.prefix) return p;
    changed = true;
    return { ...p, prefix };
  });
  return changed ? { ...index, parts } : index;
}

/** The prefix (in characters) the server keeps for one key part on `column`; undefined for the whole column. */
function storedPrefix(part: IndexPart, column: Column): number | undefined {
  const perChar = column.charset === undefined ? 1 : maxBytesPerChar(column.charset);
  const limit = Math.floor(MAX_KEY_PART_BYTES / perChar);
  const lob = lobMaxBytes(column.type);
  if (lob !== undefined) return Math.min(part.prefix ?? lob, limit, lob);
  const length = declaredLength(column.type);
  const chars = part.prefix ?? length;
  if (chars === undefined || chars * perChar <= MAX_KEY_PART_BYTES) return part.prefix;
  return limit;
}

/** The length of a `char`/`varchar`/`binary`/`varbinary` type, in characters (bytes for the binary ones). */
function declaredLength(type: string): number | undefined {
  if (!["char", "varchar", "binary", "varbinary"].includes(baseType(type))) return undefined;
  const m = /\((\d+)\)/.exec(type);
  return m ? Number(m[1]) : undefined;
}
