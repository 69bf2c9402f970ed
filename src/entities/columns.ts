/**
 * Column builders: each returns a TypeBox schema for the row value (so `Static<>` gives the row type and `Value`
 * checks rows) carrying the MySQL column facts.
 */
import type { TLiteral, TNull, TSchema, TUnion } from "@sinclair/typebox";
import type { Default } from "../schema/model.ts";
import { type ColumnMeta, withMeta } from "./meta.ts";
import { Type } from "./row-schema.ts";
import { DEFAULT_INTEGER_WIDTHS } from "../schema/integer-widths.ts";

/** A raw SQL expression for a default or ON UPDATE, e.g. `sql("CURRENT_TIMESTAMP(3)")`. */
export interface SqlExpr {
  readonly sql: string;
}

/** Marks text as a SQL expression rather than a literal value; also a template tag (sql`SELECT …`). */
export function sql(text: string | TemplateStringsArray, ...values: readonly unknown[]): SqlExpr {
  if (typeof text === "string") return { sql: text };
  return { sql: text.reduce((out, part, i) => out + part + (i < values.length ? String(values[i]) : ""), "") };
}

/** Options every column takes. */
export interface ColumnOptions<V> {
  /** NULL allowed (default false: NOT NULL). */
  readonly nullable?: boolean;
  readonly default?: V | SqlExpr;
  readonly onUpdate?: SqlExpr;
  readonly comment?: string;
  /** Previous name: the next diff renames the column instead of dropping and adding it. */
  readonly renamedFrom?: string;
  /** Generated column: `AS (expr) VIRTUAL|STORED`. */
  readonly generated?: { readonly expr: string; readonly stored?: boolean };
  /** INVISIBLE: left out of `SELECT *`. */
  readonly invisible?: boolean;
}

/** Options of integer columns. */
export interface IntegerOptions extends ColumnOptions<number> {
  readonly unsigned?: boolean;
  readonly autoIncrement?: boolean;
  /** Display width the server shows (`tinyint(2)`); the type's own width when absent. Ignored by MySQL ≥ 8.0.19. */
  readonly displayWidth?: number;
}

/** Options of FLOAT and DOUBLE: `precision` and `scale` together give the legacy `float(M,D)`. */
export interface FloatOptions extends ColumnOptions<number> {
  readonly unsigned?: boolean;
  readonly precision?: number;
  readonly scale?: number;
}

/** Options of character columns. */
export interface TextOptions<V = string> extends ColumnOptions<V> {
  readonly charset?: string;
  readonly collate?: string;
}

type Nullable<T extends TSchema, O> = O extends { nullable: true } ? TUnion<[T, TNull]> : T;

function isExpr(v: unknown): v is SqlExpr {
  return typeof v === "object" && v !== null && "sql" in v;
}

function toDefault(v: unknown): Default | undefined {
  if (v === undefined || v === null) return undefined;
  if (isExpr(v)) return { kind: "expr", value: v.sql };
  if (typeof v === "boolean") return { kind: "literal", value: v ? "1" : "0" };
  return { kind: "literal", value: String(v) };
}

/** Builds the TypeBox schema (nullable when asked) and attaches the column facts. */
function column<
  T extends TSchema,
  O extends ColumnOptions<unknown> & {
    charset?: string;
    collate?: string;
    unsigned?: boolean;
    autoIncrement?: boolean;
  },
>(type: string, value: T, o: O | undefined): Nullable<T, O> {
  const opts = (o ?? {}) as O;
  const schema = opts.nullable ? Type.Union([value, Type.Null()]) : value;
  // Assigned key by key in this order (not spread): thousands of columns are built once, by cold code.
  const meta: { -readonly [K in keyof ColumnMeta]: ColumnMeta[K] } = {
    type: opts.unsigned ? `${type} unsigned` : type,
    nullable: opts.nullable ?? false,
  };
  if (opts.default !== undefined) {
    meta.default = toDefault(opts.default);
    meta.declaredDefault = opts.default;
  }
  if (opts.autoIncrement) meta.autoIncrement = true;
  if (opts.onUpdate) meta.onUpdate = opts.onUpdate.sql;
  if (opts.charset) meta.charset = opts.charset;
  if (opts.collate) meta.collate = opts.collate;
  if (opts.comment) meta.comment = opts.comment;
  if (opts.generated) meta.generated = { expr: opts.generated.expr, stored: opts.generated.stored ?? false };
  if (opts.renamedFrom) meta.renamedFrom = opts.renamedFrom;
  if (opts.invisible) meta.invisible = true;
  return withMeta(schema, meta) as Nullable<T, O>;
}

const INT_RANGE: Record<string, [number, number]> = {
  tinyint: [-128, 127],
  smallint: [-32768, 32767],
  mediumint: [-8388608, 8388607],
  int: [-2147483648, 2147483647],
  bigint: [Number.MIN_SAFE_INTEGER, Number.MAX_SAFE_INTEGER],
};

function integer(name: keyof typeof INT_RANGE) {
  const [min, max] = INT_RANGE[name]!;
  const signed = { minimum: min, maximum: max };
  const unsigned = { minimum: 0, maximum: name === "bigint" ? max : max * 2 + 1 };
  return <O extends IntegerOptions>(o?: O) =>
    column(name + integerWidth(name, o), Type.Integer(o?.unsigned ? unsigned : signed), o);
}

/** `(n)` for a declared display width other than the type's own (the canonical type text keeps only those). */
function integerWidth(name: string, o: IntegerOptions | undefined): string {
  const w = o?.displayWidth;
  return w === undefined || w === DEFAULT_INTEGER_WIDTHS[name]![o?.unsigned ? 1 : 0] ? "" : `(${w})`;
}

const floating =
  (name: "float" | "double") =>
  <O extends FloatOptions>(o?: O) =>
    column(
      o?.precision !== undefined && o.scale !== undefined ? `${name}(${o.precision},${o.scale})` : name,
      Type.Number(),
      o,
    );

/** Spatial values: the driver returns them as objects (points) or WKB buffers. */
const spatial =
  (type: string) =>
  <O extends ColumnOptions<never>>(o?: O) =>
    column(type, Type.Unknown(), o);

const strings =
  (type: string, maxLength?: number) =>
  <O extends TextOptions>(o?: O) =>
    column(type, Type.String(maxLength === undefined ? {} : { maxLength }), o);
const bytes =
  (type: string, maxByteLength?: number) =>
  <O extends ColumnOptions<Uint8Array>>(o?: O) =>
    column(type, Type.Uint8Array(maxByteLength === undefined ? {} : { maxByteLength }), o);
const fsp = (n: number | undefined, type: string) => (n ? `${type}(${n})` : type);
const quoteValue = (v: string) => "'" + v.replaceAll("\\", "\\\\").replaceAll("'", "''") + "'";

/** The column builders, one per MySQL type a statistics database uses. */
export const col = {
  tinyint: integer("tinyint"),
  smallint: integer("smallint"),
  mediumint: integer("mediumint"),
  int: integer("int"),
  bigint: integer("bigint"),
  bool: <O extends ColumnOptions<boolean>>(o?: O) =>
    column("bool", Type.Union([Type.Boolean(), Type.Integer({ minimum: 0, maximum: 1 })]), o),
  /** DECIMAL(p,s): values are decimal strings, as the driver returns them. */
  decimal: <O extends ColumnOptions<string | number> & { unsigned?: boolean }>(
    precision: number,
    scale: number,
    o?: O,
  ) =>
    column(
      `decimal(${precision},${scale})`,
      Type.Union([Type.String({ pattern: "^-?\\d+(\\.\\d+)?$" }), Type.Number()]),
      o,
    ),
  float: floating("float"),
  double: floating("double"),
  char: <O extends TextOptions>(length: number, o?: O) => strings(`char(${length})`, length)(o),
  varchar: <O extends TextOptions>(length: number, o?: O) => strings(`varchar(${length})`, length)(o),
  tinytext: strings("tinytext", 255),
  text: strings("text", 65535),
  mediumtext: strings("mediumtext"),
  longtext: strings("longtext"),
  binary: <O extends ColumnOptions<Uint8Array>>(length: number, o?: O) => bytes(`binary(${length})`, length)(o),
  varbinary: <O extends ColumnOptions<Uint8Array>>(length: number, o?: O) => bytes(`varbinary(${length})`, length)(o),
  tinyblob: bytes("tinyblob", 255),
  blob: bytes("blob", 65535),
  mediumblob: bytes("mediumblob"),
  longblob: bytes("longblob"),
  /** DATE: values are `YYYY-MM-DD` strings or Dates. */
  date: <O extends ColumnOptions<string | Date>>(o?: O) =>
    column("date", Type.Union([Type.Date(), Type.String({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" })]), o),
  time: <O extends ColumnOptions<string>>(precision?: number, o?: O) =>
    column(fsp(precision, "time"), Type.String({ pattern: "^-?\\d{1,3}:\\d{2}:\\d{2}(\\.\\d+)?$" }), o),
  datetime: <O extends ColumnOptions<string | Date>>(precision?: number, o?: O) =>
    column(fsp(precision, "datetime"), Type.Union([Type.Date(), Type.String()]), o),
  timestamp: <O extends ColumnOptions<string | Date>>(precision?: number, o?: O) =>
    column(fsp(precision, "timestamp"), Type.Union([Type.Date(), Type.String()]), o),
  year: <O extends ColumnOptions<number>>(o?: O) => column("year", Type.Integer({ minimum: 1901, maximum: 2155 }), o),
  enum: <const V extends readonly string[], O extends TextOptions<V[number]>>(values: V, o?: O) =>
    column(
      `enum(${values.map(quoteValue).join(",")})`,
      Type.Union(values.map((v) => Type.Literal(v))) as TUnion<TLiteral<V[number]>[]>,
      o,
    ),
  /** SET: values are comma-separated member lists, as the driver returns them. */
  set: <const V extends readonly string[], O extends TextOptions>(values: V, o?: O) =>
    column(
      `set(${values.map(quoteValue).join(",")})`,
      Type.String({ pattern: `^((${values.map(escapeRegex).join("|")})(,(${values.map(escapeRegex).join("|")}))*)?$` }),
      o,
    ),
  json: <O extends ColumnOptions<unknown>>(o?: O) => column("json", Type.Unknown(), o),
  geometry: spatial("geometry"),
  point: spatial("point"),
  linestring: spatial("linestring"),
  polygon: spatial("polygon"),
  multipoint: spatial("multipoint"),
  multilinestring: spatial("multilinestring"),
  multipolygon: spatial("multipolygon"),
  geometrycollection: spatial("geometrycollection"),
};

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
