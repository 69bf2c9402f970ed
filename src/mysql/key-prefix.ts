/**
 * Key parts longer than the server's key limit: MariaDB stores a non-unique B-tree key part that would take more than
 * 3072 bytes (InnoDB's limit with the default DYNAMIC row format) as a prefix of the limit — a TEXT/BLOB column named
 * without a length included — and says so in a note; `inspect` then reads `(c0(768))`. MySQL 8 refuses both. Both
 * servers keep a prefix as long as its CHAR/VARCHAR column as the whole column. A column's new type (MODIFY, CHANGE)
 * reshapes the key parts on it the same way.
 */
import type { Column, Index, IndexPart } from "../schema/model.ts";
import { lobMaxBytes, maxBytesPerChar } from "./charset-width.ts";
import type { Flavor } from "./flavor.ts";
import { baseType } from "./typeinfo.ts";

/** InnoDB's largest key part, in bytes (innodb_large_prefix, DYNAMIC/COMPRESSED rows: the default). */
const MAX_KEY_PART_BYTES = 3072;

/**
 * The index as the server stores it: a prefix as long as its CHAR/VARCHAR/BINARY column is the whole column, and key
 * parts over the limit are cut to a prefix when the flavour does so (non-unique B-tree indexes only).
 */
export function storedIndex(index: Index, columns: readonly Column[], flavor: Flavor): Index {
  const cut = flavor.longKeyPartsAsPrefix && !index.unique && index.type === "BTREE";
  let changed = false;
  const parts = index.parts.map((p) => {
    // Without a prefix and without cutting, every key part is stored as written (see storedPrefix).
    if (p.prefix === undefined && !cut) return p;
    const column = p.column === undefined ? undefined : columns.find((c) => c.name === p.column);
    const prefix = column === undefined ? p.prefix : storedPrefix(p, column, cut);
    if (prefix === p.prefix) return p;
    changed = true;
    const { prefix: _p, ...rest } = p;
    return prefix === undefined ? rest : { ...rest, prefix };
  });
  return changed ? { ...index, parts } : index;
}

/** The prefix (in characters) the server keeps for one key part on `column`; undefined for the whole column. */
function storedPrefix(part: IndexPart, column: Column, cut: boolean): number | undefined {
  const perChar = column.charset === undefined ? 1 : maxBytesPerChar(column.charset);
  const limit = Math.floor(MAX_KEY_PART_BYTES / perChar);
  const lob = lobMaxBytes(column.type);
  if (lob !== undefined) return cut ? Math.min(part.prefix ?? lob, limit, lob) : part.prefix;
  const length = declaredLength(column.type);
  if (length === undefined) return part.prefix;
  const prefix = part.prefix !== undefined && part.prefix < length ? part.prefix : undefined;
  return cut && (prefix ?? length) * perChar > MAX_KEY_PART_BYTES ? limit : prefix;
}

/** The length of a `char`/`varchar`/`binary`/`varbinary` type, in characters (bytes for the binary ones). */
function declaredLength(type: string): number | undefined {
  if (!["char", "varchar", "binary", "varbinary"].includes(baseType(type))) return undefined;
  const m = /\((\d+)\)/.exec(type);
  return m ? Number(m[1]) : undefined;
}
