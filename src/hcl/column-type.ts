/**
 * Column types as Atlas's MySQL HCL prints them (`TypeRegistry` in Atlas's `sql/mysql/sqlspec.go`): the type
 * expression, plus the separate `unsigned` attribute the registry emits for numeric types.
 */
import { goQuote } from "../go/quote.ts";
import { sqlCall } from "./hcl-text.ts";

/** The HCL form of a column type: the `type` value and, when Atlas prints one, the `unsigned` attribute. */
export interface HclType {
  readonly type: string;
  readonly unsigned?: boolean;
}

const PLAIN = new Set([
  "bool",
  "tinytext",
  "text",
  "mediumtext",
  "longtext",
  "tinyblob",
  "blob",
  "mediumblob",
  "longblob",
  "date",
  "year",
  "time",
  "datetime",
  "timestamp",
  "json",
  "geometry",
  "point",
  "linestring",
  "polygon",
  "multipoint",
  "multilinestring",
  "multipolygon",
  "geometrycollection",
  "inet4",
  "inet6",
]);
const SIZED = /^(bit|char|varchar|binary|varbinary|time|datetime|timestamp)\(\d+\)$/;
// A display width (`tinyint(2)`) is left out, as Atlas writes integer types.
const INTEGER = /^(tinyint|smallint|mediumint|int|bigint)(?:\(\d+\))?( unsigned)?( zerofill)?$/;
const DECIMAL = /^decimal\((\d+),(\d+)\)( unsigned)?( zerofill)?$/;
const FLOAT = /^(float|double)(?:\((\d+),\d+\))?( unsigned)?( zerofill)?$/;
const VALUES = /^(enum|set)\((.*)\)$/s;

/** Reads the values of an `enum(…)`/`set(…)` list written with `quoteString` (`'a','it''s'`). */
export function parseSqlValues(list: string): string[] | undefined {
  const values: string[] = [];
  const escapes: Record<string, string> = { n: "\n", r: "\r", "0": "\0", "\\": "\\", "'": "'" };
  let i = 0;
  while (i < list.length) {
    if (list[i] !== "'") return undefined;
    let v = "";
    for (i++; ; i++) {
      if (i >= list.length) return undefined;
      const ch = list[i];
      if (ch === "'" && list[i + 1] === "'") (v += "'"), i++;
      else if (ch === "'") break;
      else if (ch === "\\" && i + 1 < list.length) v += escapes[list[++i]] ?? list[i];
      else v += ch;
    }
    values.push(v);
    i++;
    if (i === list.length) break;
    if (list[i++] !== "," || i === list.length) return undefined;
  }
  return values;
}

/** Decimals keep a trailing zero scale out (`decimal(10)`) and always carry `unsigned` (a registry quirk). */
function decimalType(m: RegExpExecArray): HclType {
  const [, p, s, unsigned, zerofill] = m;
  return { type: s === "0" ? `decimal(${p})` : `decimal(${p},${s})`, unsigned: Boolean(unsigned || zerofill) };
}

/** `float(m,d)` keeps only its precision, as Atlas's FloatType has no scale; with a precision `unsigned` is always printed. */
function floatType(m: RegExpExecArray): HclType {
  const [, name, p, unsigned, zerofill] = m;
  const isUnsigned = Boolean(unsigned || zerofill);
  if (p !== undefined) return { type: `${name}(${p})`, unsigned: isUnsigned };
  return isUnsigned ? { type: name, unsigned: true } : { type: name };
}

/** Converts a canonical model type (`int unsigned`, `decimal(10,2)`, `enum('a','b')`) to Atlas's HCL type. */
export function hclType(type: string): HclType {
  if (PLAIN.has(type) || SIZED.test(type)) return { type };
  const int = INTEGER.exec(type);
  if (int) return int[2] || int[3] ? { type: int[1], unsigned: true } : { type: int[1] };
  const dec = DECIMAL.exec(type);
  if (dec) return decimalType(dec);
  const flt = FLOAT.exec(type);
  if (flt) return floatType(flt);
  const list = VALUES.exec(type);
  const values = list ? parseSqlValues(list[2]) : undefined;
  if (list && values && values.length > 0) return { type: `${list[1]}(${values.map(goQuote).join(",")})` };
  return { type: sqlCall(type) };
}
