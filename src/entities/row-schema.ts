/**
 * The few TypeBox schema kinds the column builders make, built as the plain objects TypeBox's `Type.*` returns (same
 * keys, same order, same `TypeBox.Kind` symbol), and the value check validation needs on them. Importing TypeBox's
 * `Type` and `Value` costs every command that reads entities about 250 modules (~50 ms); its types stay the public
 * face (`Static<typeof t.row>`, `Value.Check(t.row, row)`), and test/entities/row-schema.test.ts holds these builders
 * and the check to TypeBox's own.
 */
import type {
  TBoolean,
  TDate,
  TInteger,
  TLiteral,
  TNull,
  TNumber,
  TObject,
  TSchema,
  TString,
  TUint8Array,
  TUnion,
  TUnknown,
} from "@sinclair/typebox";

/** TypeBox's kind and optional-modifier symbols (registered globally, so they are TypeBox's own). */
const Kind = Symbol.for("TypeBox.Kind");
const OptionalKind = Symbol.for("TypeBox.Optional");

/**
 * The builders, named as TypeBox's `Type` names them. Each writes TypeBox's CreateType result (the options' keys,
 * then the schema's) as one object literal: thousands of columns are built by cold code, where spreading is slow.
 */
export const Type = {
  Integer: (o?: { minimum: number; maximum: number }): TInteger =>
    (o === undefined
      ? { [Kind]: "Integer", type: "integer" }
      : { minimum: o.minimum, maximum: o.maximum, [Kind]: "Integer", type: "integer" }) as unknown as TInteger,
  Number: (): TNumber => ({ [Kind]: "Number", type: "number" }) as unknown as TNumber,
  String: (o?: { maxLength?: number; pattern?: string }): TString =>
    (o?.maxLength !== undefined
      ? { maxLength: o.maxLength, [Kind]: "String", type: "string" }
      : o?.pattern !== undefined
        ? { pattern: o.pattern, [Kind]: "String", type: "string" }
        : { [Kind]: "String", type: "string" }) as unknown as TString,
  Boolean: (): TBoolean => ({ [Kind]: "Boolean", type: "boolean" }) as unknown as TBoolean,
  Null: (): TNull => ({ [Kind]: "Null", type: "null" }) as unknown as TNull,
  Date: (): TDate => ({ [Kind]: "Date", type: "Date" }) as unknown as TDate,
  Uint8Array: (o?: { maxByteLength?: number }): TUint8Array =>
    (o?.maxByteLength !== undefined
      ? { maxByteLength: o.maxByteLength, [Kind]: "Uint8Array", type: "Uint8Array" }
      : { [Kind]: "Uint8Array", type: "Uint8Array" }) as unknown as TUint8Array,
  Unknown: (): TUnknown => ({ [Kind]: "Unknown" }) as unknown as TUnknown,
  Literal: <V extends string>(value: V): TLiteral<V> =>
    ({ [Kind]: "Literal", const: value, type: "string" }) as unknown as TLiteral<V>,
  /** No members is Never, one member is that member itself. */
  Union: <T extends TSchema[]>(types: [...T]): TUnion<T> =>
    (types.length === 0
      ? { [Kind]: "Never", not: {} }
      : types.length === 1
        ? types[0]
        : { [Kind]: "Union", anyOf: types }) as unknown as TUnion<T>,
  /** `required` lists the properties not marked optional. */
  Object: <P extends Record<string, TSchema>>(
    properties: P,
    options: { additionalProperties: boolean },
  ): TObject<P> => {
    const required = Object.keys(properties).filter(
      (k) => (properties[k] as unknown as Record<symbol, unknown>)[OptionalKind] !== "Optional",
    );
    return (required.length > 0
      ? { additionalProperties: options.additionalProperties, [Kind]: "Object", type: "object", required, properties }
      : {
          additionalProperties: options.additionalProperties,
          [Kind]: "Object",
          type: "object",
          properties,
        }) as unknown as TObject<P>;
  },
};

/**
 * Value.Check for the schemas the column builders make (TypeBox's rules: integers and finite numbers in range,
 * strings by length and unanchored `pattern`, valid Dates, byte lengths, literals, unions). Only builder-made schemas
 * carry column facts, so no other kind or keyword reaches validation.
 */
export function checkValue(schema: TSchema, value: unknown): boolean {
  const s = schema as unknown as Record<string | symbol, unknown>;
  switch (s[Kind]) {
    case "Integer":
      return Number.isInteger(value) && inRange(s, value as number);
    case "Number":
      return Number.isFinite(value) && inRange(s, value as number);
    case "String":
      return (
        typeof value === "string" &&
        (s.maxLength === undefined || value.length <= (s.maxLength as number)) &&
        (s.pattern === undefined || new RegExp(s.pattern as string).test(value))
      );
    case "Boolean":
      return typeof value === "boolean";
    case "Null":
      return value === null;
    case "Date":
      return value instanceof Date && Number.isFinite(value.getTime());
    case "Uint8Array":
      return (
        value instanceof Uint8Array && (s.maxByteLength === undefined || value.length <= (s.maxByteLength as number))
      );
    case "Unknown":
      return true;
    case "Literal":
      return value === s.const;
    case "Union":
      return (s.anyOf as TSchema[]).some((member) => checkValue(member, value));
    default:
      return false;
  }
}

function inRange(s: Record<string, unknown>, v: number): boolean {
  return (
    (s.minimum === undefined || v >= (s.minimum as number)) && (s.maximum === undefined || v <= (s.maximum as number))
  );
}
