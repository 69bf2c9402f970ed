/**
 * The column builders' own TypeBox-format schemas (src/entities/row-schema.ts) against TypeBox itself: the same
 * objects as `Type.*` (keys, order, kind symbols), and `checkValue` agreeing with `Value.Check` on every builder's
 * schema over values of every kind.
 */
import { describe, expect, test } from "bun:test";
import { type TSchema, Type as TypeBox } from "@sinclair/typebox";
import { Value } from "@sinclair/typebox/value";
import { col } from "../../src/entities/columns.ts";
import { checkValue, Type } from "../../src/entities/row-schema.ts";
import { table } from "../../src/entities/table.ts";

const KIND = Symbol.for("TypeBox.Kind");

/** A schema with its symbol-keyed kind spelled out, keys in order (toEqual alone ignores key order). */
function shape(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(shape);
  if (typeof v !== "object" || v === null) return v;
  const o = v as Record<string | symbol, unknown>;
  return [["kind", o[KIND]], ...Object.keys(o).map((k) => [k, shape(o[k])])];
}

describe("row-schema builders", () => {
  const pairs: [string, TSchema, TSchema][] = [
    ["Integer", Type.Integer({ minimum: 0, maximum: 255 }), TypeBox.Integer({ minimum: 0, maximum: 255 })],
    ["Integer bare", Type.Integer(), TypeBox.Integer()],
    ["Number", Type.Number(), TypeBox.Number()],
    ["String", Type.String({ maxLength: 3 }), TypeBox.String({ maxLength: 3 })],
    ["String pattern", Type.String({ pattern: "^a$" }), TypeBox.String({ pattern: "^a$" })],
    ["Boolean", Type.Boolean(), TypeBox.Boolean()],
    ["Null", Type.Null(), TypeBox.Null()],
    ["Date", Type.Date(), TypeBox.Date()],
    ["Uint8Array", Type.Uint8Array({ maxByteLength: 16 }), TypeBox.Uint8Array({ maxByteLength: 16 })],
    ["Unknown", Type.Unknown(), TypeBox.Unknown()],
    ["Literal", Type.Literal("a"), TypeBox.Literal("a")],
    ["Union", Type.Union([Type.Literal("a"), Type.Null()]), TypeBox.Union([TypeBox.Literal("a"), TypeBox.Null()])],
    ["Union of one", Type.Union([Type.Literal("a")]), TypeBox.Union([TypeBox.Literal("a")])],
    ["Union of none", Type.Union([]), TypeBox.Union([])],
    [
      "Object",
      Type.Object({ a: Type.Integer(), b: Type.String() }, { additionalProperties: false }),
      TypeBox.Object({ a: TypeBox.Integer(), b: TypeBox.String() }, { additionalProperties: false }),
    ],
    [
      "Object with an optional property",
      Type.Object({ a: TypeBox.Optional(Type.Integer()) }, { additionalProperties: false }),
      TypeBox.Object({ a: TypeBox.Optional(TypeBox.Integer()) }, { additionalProperties: false }),
    ],
  ];
  for (const [name, ours, theirs] of pairs) {
    test(`${name} is the object TypeBox builds`, () => {
      expect(shape(ours)).toEqual(shape(theirs));
    });
  }
});

describe("checkValue", () => {
  const columns: Record<string, TSchema> = {
    tinyint: col.tinyint(),
    utinyint: col.tinyint({ unsigned: true }),
    bigint: col.bigint(),
    ubigint: col.bigint({ unsigned: true }),
    int: col.int({ nullable: true }),
    bool: col.bool(),
    decimal: col.decimal(10, 2),
    float: col.float(),
    double: col.double({ nullable: true }),
    char: col.char(2),
    varchar: col.varchar(3, { nullable: true }),
    tinytext: col.tinytext(),
    binary: col.binary(2),
    varbinary: col.varbinary(4),
    date: col.date(),
    time: col.time(3),
    datetime: col.datetime(),
    timestamp: col.timestamp(6, { nullable: true }),
    year: col.year(),
    enum: col.enum(["a", "b'c"]),
    emptyEnum: col.enum([]),
    set: col.set(["x", "y.z"]),
    json: col.json(),
    point: col.point(),
  };
  const values: unknown[] = [
    0,
    1,
    -1,
    1.5,
    127,
    128,
    255,
    256,
    -129,
    2155,
    1901,
    1900,
    2 ** 53,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    "",
    "a",
    "ab",
    "abc",
    "abcd",
    "b'c",
    "x,y.z",
    "x,y",
    "y.z,x",
    "12.50",
    "-3",
    "1e3",
    "2026-01-31",
    "2026-1-31",
    "12:30:00",
    "-838:59:59.5",
    "12:30",
    true,
    false,
    null,
    undefined,
    new Date(0),
    new Date(Number.NaN),
    new Uint8Array(2),
    new Uint8Array(5),
    [],
    {},
  ];
  for (const [name, schema] of Object.entries(columns)) {
    test(`${name}: the same verdict as Value.Check on every value`, () => {
      const ours = values.map((v) => checkValue(schema, v));
      expect(ours).toEqual(values.map((v) => Value.Check(schema, v)));
    });
  }

  test("a table's row schema made by the builders checks rows with TypeBox", () => {
    const t = table("t", columns);
    expect(shape(t.row)).toEqual(shape(TypeBox.Object(columns, { additionalProperties: false })));
  });
});
