/**
 * Facts about canonical column type text (as stored in the model, e.g. `int unsigned`, `varchar(64)`).
 */

/** Base names already worked out: a schema repeats a handful of type texts on thousands of columns. */
const bases = new Map<string, string>();

/** The base type name: `varchar(64)` → `varchar`, `int unsigned` → `int`. */
export function baseType(type: string): string {
  const known = bases.get(type);
  if (known !== undefined) return known;
  const m = /^[a-z]+/.exec(type);
  const base = m ? m[0] : type;
  if (bases.size < 4096) bases.set(type, base);
  return base;
}

const NUMERIC = new Set([
  "bool",
  "tinyint",
  "smallint",
  "mediumint",
  "int",
  "bigint",
  "decimal",
  "float",
  "double",
  "bit",
]);
const CHARACTER = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext", "enum", "set"]);
const TEMPORAL = new Set(["date", "time", "datetime", "timestamp", "year"]);
const BLOB = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"]);

/** True for integer, decimal, float and bit types: their literal defaults are written bare. */
export function isNumericType(type: string): boolean {
  return NUMERIC.has(baseType(type));
}

/** True for types that carry a charset and collation. */
export function isCharacterType(type: string): boolean {
  return CHARACTER.has(baseType(type));
}

/** True for date and time types. */
export function isTemporalType(type: string): boolean {
  return TEMPORAL.has(baseType(type));
}

/** True for binary string and blob types. */
export function isBinaryType(type: string): boolean {
  return BLOB.has(baseType(type));
}

/** True for types that cannot have a literal DEFAULT on MySQL (TEXT, BLOB, JSON, geometry). */
export function isLobType(type: string): boolean {
  const b = baseType(type);
  return b.endsWith("text") || b.endsWith("blob") || b === "json" || b === "geometry";
}
