/**
 * Column types: reading a type from DDL tokens and writing its canonical model text (see the model's rules).
 */
import { tokenize } from "./lexer.ts";
import { Cursor } from "./cursor.ts";
import { quoteString } from "./sql.ts";
import { DEFAULT_INTEGER_WIDTHS } from "../schema/integer-widths.ts";

/** A type as written: its (alias-resolved) name, its parenthesised arguments, and its numeric modifiers. */
export interface TypeSpec {
  readonly name: string;
  readonly args: readonly string[];
  readonly unsigned: boolean;
  readonly zerofill: boolean;
}

const INTS: Record<string, string> = {
  tinyint: "tinyint",
  int1: "tinyint",
  smallint: "smallint",
  int2: "smallint",
  mediumint: "mediumint",
  middleint: "mediumint",
  int3: "mediumint",
  int: "int",
  integer: "int",
  int4: "int",
  bigint: "bigint",
  int8: "bigint",
};
const PLAIN = new Set([
  "tinytext",
  "text",
  "mediumtext",
  "longtext",
  "tinyblob",
  "blob",
  "mediumblob",
  "longblob",
  "date",
  "json",
  "geometry",
  "point",
  "linestring",
  "polygon",
  "multipoint",
  "multilinestring",
  "multipolygon",
  "geometrycollection",
  "uuid",
  "inet4",
  "inet6",
]);
const ALIASES: Record<string, string> = {
  numeric: "decimal",
  dec: "decimal",
  fixed: "decimal",
  real: "double",
  nchar: "char",
  character: "char",
  nvarchar: "varchar",
  boolean: "bool",
  geomcollection: "geometrycollection",
  long: "mediumtext",
};

/** A type name or argument the canonical form does not know. */
export class UnknownTypeError extends Error {
  constructor(readonly type: string) {
    super(`unknown column type ${JSON.stringify(type)}`);
    this.name = "UnknownTypeError";
  }
}

/** Reads a type at the cursor (name, multi-word spellings, arguments, UNSIGNED/SIGNED/ZEROFILL) into a TypeSpec. */
export function readType(cur: Cursor): TypeSpec {
  const t = cur.peek();
  if (t.kind !== "word") return cur.fail("column type");
  cur.next();
  let name = t.value.toLowerCase();
  if (name === "national") name = cur.name("column type").toLowerCase();
  if (name === "double") cur.acceptWord("PRECISION");
  if (name === "long" && cur.acceptWord("VARBINARY")) name = "mediumblob";
  else if (name === "long") cur.acceptWord("VARCHAR");
  if ((name === "char" || name === "character" || name === "nchar") && cur.acceptWord("VARYING")) name = "varchar";
  name = ALIASES[name] ?? name;
  const args = cur.isOp("(") ? typeArgs(cur) : [];
  let unsigned = false;
  let zerofill = false;
  for (;;) {
    if (cur.acceptWord("UNSIGNED")) unsigned = true;
    else if (cur.acceptWord("ZEROFILL")) zerofill = unsigned = true;
    else if (!cur.acceptWord("SIGNED")) break;
  }
  return { name, args, unsigned, zerofill };
}

/** Reads `(a, b, …)` after a type name: numbers as written, strings as their values. */
function typeArgs(cur: Cursor): string[] {
  const out: string[] = [];
  cur.expectOp("(");
  do {
    const t = cur.next();
    if (t.kind !== "number" && t.kind !== "string") cur.fail("type argument", t);
    out.push(t.value);
  } while (cur.acceptOp(","));
  cur.expectOp(")");
  return out;
}

/** `(n)` for a display width the server would not choose itself (it keeps and shows it), else nothing. */
function displayWidth(int: string, arg: string | undefined, unsigned: boolean): string {
  if (arg === undefined) return "";
  const n = Number(arg);
  return n === DEFAULT_INTEGER_WIDTHS[int]![unsigned ? 1 : 0] ? "" : `(${n})`;
}

/** The integer type text without its display width (`tinyint(2) unsigned` → `tinyint unsigned`). */
export function withoutDisplayWidth(type: string): string {
  return type.replace(/^(tinyint|smallint|mediumint|int|bigint)\(\d+\)/, "$1");
}

/**
 * The canonical text of a type spec, e.g. `int(11) unsigned` → `int unsigned` (a default display width is dropped,
 * another kept: `tinyint(2)`, `tinyint(1) unsigned`); throws UnknownTypeError.
 */
export function canonicalType(spec: TypeSpec): string {
  const { name, args } = spec;
  const sign = (spec.unsigned ? " unsigned" : "") + (spec.zerofill ? " zerofill" : "");
  const n = (k: number, d: string) => String(Number(args[k] ?? d));
  if (name === "bool") return "bool";
  const int = INTS[name];
  if (int) {
    if (int === "tinyint" && args[0] === "1" && !spec.unsigned) return "bool";
    return int + displayWidth(int, args[0], spec.unsigned) + sign;
  }
  switch (name) {
    case "decimal":
      return `decimal(${n(0, "10")},${n(1, "0")})${sign}`;
    case "float":
    case "double":
      if (args.length === 2) return `${name}(${n(0, "0")},${n(1, "0")})${sign}`;
      return (name === "float" && args.length === 1 && Number(args[0]) > 24 ? "double" : name) + sign;
    case "bit":
    case "char":
    case "binary":
      return `${name}(${n(0, "1")})`;
    case "varchar":
    case "varbinary":
      if (args.length !== 1) throw new UnknownTypeError(`${name} without a length`);
      return `${name}(${n(0, "0")})`;
    case "time":
    case "datetime":
    case "timestamp":
      return Number(args[0] ?? 0) > 0 ? `${name}(${n(0, "0")})` : name;
    case "year":
      return "year";
    case "enum":
    case "set":
      return `${name}(${args.map(quoteString).join(",")})`;
    default:
      if (PLAIN.has(name)) return name;
      throw new UnknownTypeError(name);
  }
}

/** Canonical forms already computed: a schema repeats a handful of type texts on thousands of columns. */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 4096;

/** Normalises type text to its canonical form, e.g. `INT(11) UNSIGNED` → `int unsigned`, `numeric(5)` → `decimal(5,0)`. */
export function normalizeType(text: string): string {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  const cur = new Cursor(tokenize(text));
  const spec = readType(cur);
  cur.expectEnd();
  const canonical = canonicalType(spec);
  if (normalized.size >= NORMALIZED_MAX) normalized.clear();
  normalized.set(text, canonical);
  return canonical;
}
