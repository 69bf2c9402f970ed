/**
 * Atlas's MySQL handler for a NOT NULL column added without a default (`sql/mysql/mysqlcheck` `addNotNull`): either
 * the server fills existing rows with an implicit value (MY101, naming the value) or the statement fails on a non-empty
 * table (MF103: date/datetime and spatial types on MySQL).
 */
import type { Column, Table } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { baseType } from "../mysql/typeinfo.ts";
import { goQuote } from "../go/quote.ts";
import { typeValues } from "./type-values.ts";

const IMPLICIT_ZERO = new Set([
  "bit",
  "bool",
  "tinyint",
  "smallint",
  "mediumint",
  "int",
  "bigint",
  "decimal",
  "float",
  "double",
  "binary",
  "varbinary",
  "tinyblob",
  "blob",
  "mediumblob",
  "longblob",
]);
const TEXT = new Set(["tinytext", "text", "mediumtext", "longtext"]);
const SPATIAL = new Set([
  "geometry",
  "point",
  "linestring",
  "polygon",
  "multipoint",
  "multilinestring",
  "multipolygon",
  "geometrycollection",
]);
const INT = new Set(["tinyint", "smallint", "mediumint", "int", "bigint"]);

/** What happens to existing rows: an implicit value, a possible failure, or nothing worth reporting. */
export type AddNotNullOutcome =
  | { readonly kind: "implicit"; readonly type: string; readonly value: string }
  | { readonly kind: "fail"; readonly type: string }
  | undefined;

// Atlas's `mysql.FormatType`: integer display widths are not printed.
function formatType(type: string, base: string): string {
  return INT.has(base) ? type.replace(/^([a-z]+)\(\d+\)/, "$1") : type;
}

function timestampValue(table: Table, column: Column, flavor: Flavor): string {
  if (!flavor.implicitTimestampDefault) return "0000-00-00 00:00:00";
  const i = table.columns.findIndex((c) => c.name === column.name);
  return table.columns.slice(0, i).some((c) => baseType(c.type) === "timestamp")
    ? "0000-00-00 00:00:00"
    : "CURRENT_TIMESTAMP";
}

/** The outcome of adding `column` (NOT NULL, no default) to `table` (its state after the statement). */
export function addNotNullOutcome(table: Table, column: Column, flavor: Flavor): AddNotNullOutcome {
  const base = baseType(column.type);
  const lenient = flavor.implicitValueForEveryType;
  if (IMPLICIT_ZERO.has(base))
    return column.autoIncrement ? undefined : { kind: "implicit", type: formatType(column.type, base), value: "0" };
  if (base === "varchar" || base === "char") return { kind: "implicit", type: base, value: '""' };
  if (TEXT.has(base) || base === "json") return lenient ? { kind: "implicit", type: base, value: '""' } : undefined;
  if (base === "enum") return { kind: "implicit", type: "enum", value: goQuote(typeValues(column.type)[0] ?? "") };
  if (base === "set") return { kind: "implicit", type: "set", value: '""' };
  if (base === "date" || base === "datetime")
    return lenient ? { kind: "implicit", type: base, value: "00:00:00" } : { kind: "fail", type: base };
  if (base === "year") return { kind: "implicit", type: base, value: "0000" };
  if (base === "time") return { kind: "implicit", type: base, value: "00:00:00" };
  if (base === "timestamp") return { kind: "implicit", type: base, value: timestampValue(table, column, flavor) };
  if (SPATIAL.has(base)) return lenient ? { kind: "implicit", type: base, value: '""' } : { kind: "fail", type: base };
  return undefined;
}

/** The MY101 / MF103 text for an outcome. */
export function addNotNullText(outcome: NonNullable<AddNotNullOutcome>, table: string, column: string): string {
  return outcome.kind === "fail"
    ? `Adding a non-nullable ${goQuote(outcome.type)} column ${goQuote(column)} will fail in case table ${goQuote(table)} is not empty`
    : `Adding a non-nullable ${goQuote(outcome.type)} column ${goQuote(column)} on table ${goQuote(table)} without a default value implicitly sets existing rows with ${outcome.value}`;
}
