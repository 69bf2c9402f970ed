/**
 * Column defaults as Atlas prints them (`specutil.ColumnDefault` over what Atlas's inspection yields): numbers bare,
 * other literals as quoted strings, bit and MySQL binary literals and expressions as `sql("…")`.
 */
import type { Column } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { baseType, isBinaryType, isNumericType } from "../mysql/typeinfo.ts";
import { hclString, sqlCall } from "./hcl-text.ts";

const CURRENT_TIMESTAMP = /^CURRENT_TIMESTAMP(\(\d+\))?$/i;
const INTEGER = /^[-+]?\d+$/;
const FLOAT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const EXPONENT = /^(-?)(\d)(?:\.(\d+))?e([-+]\d+)$/;

/** Writes a JS number the way Go's `big.Float.Text('f', -1)` does: shortest digits, never an exponent. */
export function plainNumber(n: number): string {
  const s = String(n);
  const m = EXPONENT.exec(s);
  if (!m) return s;
  const [, sign, head, tail = "", exp] = m;
  const digits = head + tail;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${"0".repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + "0".repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/** A numeric literal as HCL prints it (`007` → `7`, `1.50` → `1.5`), or undefined when the text is not a number. */
export function numberLiteral(value: string): string | undefined {
  if (INTEGER.test(value)) return BigInt(value).toString();
  return FLOAT.test(value) ? plainNumber(Number(value)) : undefined;
}

/** Bit defaults are reported as `b'…'` literals by both servers; Atlas keeps them raw. */
function bitDefault(value: string): string {
  if (/^[bBxX]'|^0[xXbB]/.test(value)) return sqlCall(value);
  return INTEGER.test(value) ? sqlCall(`b'${BigInt(value).toString(2)}'`) : hclString(value);
}

/** MySQL 8 reports binary-string defaults in hexadecimal (`0x616263`); MariaDB reports them quoted. */
function binaryDefault(value: string, flavor: Flavor): string {
  if (!flavor.hexBinaryDefaults) return hclString(value);
  if (/^0x[0-9a-f]*$/i.test(value)) return sqlCall(value);
  const hex = [...new TextEncoder().encode(value)].map((b) => b.toString(16).padStart(2, "0")).join("");
  return sqlCall("0x" + hex);
}

/** The `default` attribute's value text for a column, or undefined when the column has no default. */
export function hclDefault(column: Column, flavor: Flavor): string | undefined {
  const d = column.default;
  if (d === undefined) return undefined;
  if (d.kind === "expr") return sqlCall(CURRENT_TIMESTAMP.test(d.value) ? d.value : `(${d.value})`);
  if (baseType(column.type) === "bit") return bitDefault(d.value);
  if (isNumericType(column.type)) return numberLiteral(d.value) ?? hclString(d.value);
  if (isBinaryType(column.type)) return binaryDefault(d.value, flavor);
  return hclString(d.value);
}
