/**
 * Which values a column loses when its definition changes: a WHERE condition selecting the rows whose value the new
 * definition cannot hold (too long, out of range, too many decimals, a removed ENUM/SET member, NULL into NOT NULL).
 * The check `migrate down` runs before it narrows a column.
 */
import type { Column } from "../../schema/model.ts";
import { tokenize } from "../lexer.ts";
import { Cursor } from "../cursor.ts";
import { ident, quoteString } from "../sql.ts";
import { readType, type TypeSpec } from "../types.ts";

/** The rows a change of definition would lose: `where` selects them; `exact` is false when any non-NULL value may not fit. */
export interface LossCondition {
  readonly where: string;
  readonly exact: boolean;
}

const INT_RANGES: Record<string, readonly [bigint, bigint]> = {
  tinyint: [-128n, 127n],
  bool: [-128n, 127n],
  smallint: [-32768n, 32767n],
  mediumint: [-8388608n, 8388607n],
  int: [-2147483648n, 2147483647n],
  bigint: [-9223372036854775808n, 9223372036854775807n],
};
const LENGTHS: Record<string, number> = {
  tinytext: 255,
  text: 65535,
  mediumtext: 16777215,
  longtext: 4294967295,
  tinyblob: 255,
  blob: 65535,
  mediumblob: 16777215,
  longblob: 4294967295,
};
const CHARS = new Set(["char", "varchar", "tinytext", "text", "mediumtext", "longtext"]);
const BYTES = new Set(["binary", "varbinary", "tinyblob", "blob", "mediumblob", "longblob"]);
const TIMES = new Set(["time", "datetime", "timestamp"]);
// The most bytes one character takes (utf8mb4): a length in characters bounds the length in bytes by this factor.
const MAX_CHAR_BYTES = 4;

function spec(type: string): TypeSpec | undefined {
  try {
    const cur = new Cursor(tokenize(type));
    const s = readType(cur);
    cur.expectEnd();
    return s;
  } catch {
    return undefined;
  }
}

function intRange(s: TypeSpec): readonly [bigint, bigint] | undefined {
  const r = INT_RANGES[s.name];
  if (!r) return undefined;
  return s.unsigned ? [0n, r[1] * 2n + 1n] : r;
}

/** Digits before and after the point a number type holds (integers: the digits of their range). */
function digits(s: TypeSpec): { int: number; frac: number } | undefined {
  if (s.name === "decimal")
    return { int: Number(s.args[0] ?? 10) - Number(s.args[1] ?? 0), frac: Number(s.args[1] ?? 0) };
  const r = intRange(s);
  return r ? { int: String(r[1]).length, frac: 0 } : undefined;
}

/** A string type's capacity: characters for CHAR/VARCHAR, bytes for TEXT and the binary types. */
function capacity(s: TypeSpec): { n: number; chars: boolean } | undefined {
  if (s.name === "char" || s.name === "varchar") return { n: Number(s.args[0] ?? 1), chars: true };
  if (s.name === "binary" || s.name === "varbinary") return { n: Number(s.args[0] ?? 1), chars: false };
  const n = LENGTHS[s.name];
  return n === undefined ? undefined : { n, chars: false };
}

function lengthLoss(c: string, from: TypeSpec, to: TypeSpec): string | undefined {
  const cap = capacity(to)!;
  const was = capacity(from);
  // Bytes bound characters; characters bound bytes only times the widest character.
  if (was && (was.chars && !cap.chars ? was.n * MAX_CHAR_BYTES : was.n) <= cap.n) return "";
  return `${cap.chars ? "CHAR_LENGTH" : "LENGTH"}(${c}) > ${cap.n}`;
}

function integerLoss(c: string, from: TypeSpec, to: TypeSpec): string | undefined {
  const [min, max] = intRange(to)!;
  const was = intRange(from);
  if (was && was[0] >= min && was[1] <= max) return "";
  if (!was && from.name !== "decimal") return undefined;
  const fraction = from.name === "decimal" && Number(from.args[1] ?? 0) > 0 ? ` OR ${c} <> FLOOR(${c})` : "";
  return `${c} < ${min} OR ${c} > ${max}${fraction}`;
}

function decimalLoss(c: string, from: TypeSpec, to: TypeSpec): string | undefined {
  const want = digits(to)!;
  const was = digits(from);
  if (!was) return undefined;
  const conds: string[] = [];
  if (was.int > want.int) conds.push(`ABS(${c}) >= 1${"0".repeat(want.int)}`);
  if (was.frac > want.frac) conds.push(`${c} <> ROUND(${c}, ${want.frac})`);
  if (to.unsigned && !from.unsigned) conds.push(`${c} < 0`);
  return conds.join(" OR ");
}

function memberLoss(c: string, from: TypeSpec, to: TypeSpec): string | undefined {
  const keep = new Set(to.args);
  if (from.name === to.name && from.args.every((m) => keep.has(m))) return "";
  if (to.name === "enum" && (from.name === "enum" || CHARS.has(from.name)))
    return `${c} NOT IN (${to.args.map(quoteString).join(", ")})`;
  if (to.name === "set" && from.name === "set") {
    return from.args
      .filter((m) => !keep.has(m))
      .map((m) => `FIND_IN_SET(${quoteString(m)}, ${c}) > 0`)
      .join(" OR ");
  }
  return undefined;
}

function timeLoss(c: string, from: TypeSpec, to: TypeSpec): string | undefined {
  if (from.name !== to.name) return undefined;
  const fsp = Number(to.args[0] ?? 0);
  if (Number(from.args[0] ?? 0) <= fsp) return "";
  return `MICROSECOND(${c}) % ${10 ** (6 - fsp)} <> 0`;
}

/** The type part of the condition: "" when every value fits, undefined when the types cannot be compared. */
function typeLoss(c: string, fromType: string, toType: string): string | undefined {
  if (fromType === toType) return "";
  const from = spec(fromType);
  const to = spec(toType);
  if (!from || !to) return undefined;
  if (CHARS.has(to.name) && (CHARS.has(from.name) || from.name === "enum" || from.name === "set"))
    return lengthLoss(c, from, to);
  if (BYTES.has(to.name) && (BYTES.has(from.name) || CHARS.has(from.name))) return lengthLoss(c, from, to);
  if (intRange(to)) return integerLoss(c, from, to);
  if (to.name === "decimal") return decimalLoss(c, from, to);
  if (to.name === "enum" || to.name === "set") return memberLoss(c, from, to);
  if (TIMES.has(to.name)) return timeLoss(c, from, to);
  if (to.name === "double" && (from.name === "float" || from.name === "double")) return "";
  return undefined;
}

/** The rows a column loses changing from `from` to `to`, or undefined when every value fits. */
export function lossCondition(from: Column, to: Column): LossCondition | undefined {
  const c = ident(from.name);
  const type = typeLoss(c, from.type, to.type);
  const conds = type === undefined ? [`${c} IS NOT NULL`] : type === "" ? [] : [type];
  if (from.nullable && !to.nullable) conds.push(`${c} IS NULL`);
  if (conds.length === 0) return undefined;
  return { where: conds.join(" OR "), exact: type !== undefined };
}
