/**
 * Column DEFAULT and ON UPDATE values: literals, time functions and expressions, in canonical model form.
 */
import type { Default } from "../schema/model.ts";
import { exprFromTokens } from "./expr.ts";
import { isNumericType } from "./typeinfo.ts";
import type { Cursor } from "./cursor.ts";

const TIME_FUNCTIONS = new Set(["CURRENT_TIMESTAMP", "NOW", "LOCALTIME", "LOCALTIMESTAMP"]);
const INTRODUCER = /^(_[a-z0-9]+|n)$/i;

/** Reads a time function (`CURRENT_TIMESTAMP`, `now()`, `LOCALTIME(3)`, …) as `CURRENT_TIMESTAMP[(n)]`, or undefined. */
export function readTimeFunction(cur: Cursor): string | undefined {
  const t = cur.peek();
  if (t.kind !== "word" || !TIME_FUNCTIONS.has(t.value.toUpperCase())) return undefined;
  if (t.value.toUpperCase() === "NOW" && !cur.isOp("(", 1)) return undefined;
  cur.next();
  let n = 0;
  if (cur.acceptOp("(")) {
    if (!cur.isOp(")")) n = cur.integer("fractional seconds precision");
    cur.expectOp(")");
  }
  return n > 0 ? `CURRENT_TIMESTAMP(${n})` : "CURRENT_TIMESTAMP";
}

/** Reads the value after DEFAULT for a column of the given canonical type; undefined means DEFAULT NULL. */
export function readDefault(cur: Cursor, type: string): Default | undefined {
  const time = readTimeFunction(cur);
  if (time) return { kind: "expr", value: time };
  if (cur.isOp("(")) return parenthesised(cur);
  const t = cur.peek();
  if (t.kind === "word" && INTRODUCER.test(t.value) && cur.peek(1).kind === "string") cur.next();
  const sign = cur.isOp("-") || cur.isOp("+") ? cur.next().value : "";
  const v = cur.next();
  switch (v.kind) {
    case "number":
      return literal((sign === "-" ? "-" : "") + v.value);
    case "string":
      return literal(isNumericType(type) && !sign ? v.value.trim() : sign + v.value);
    case "hex":
    case "bit":
      return literal(v.value.toLowerCase());
    case "word": {
      const w = v.value.toUpperCase();
      if (w === "NULL" && !sign) return undefined;
      if (w === "TRUE" || w === "FALSE") return literal(w === "TRUE" ? "1" : "0");
      if (cur.isOp("("))
        return {
          kind: "expr",
          value: exprFromTokens([
            v,
            { ...v, kind: "op", value: "(", raw: "(" },
            ...cur.group(),
            { ...v, kind: "op", value: ")", raw: ")" },
          ]),
        };
      return cur.fail("default value", v);
    }
    default:
      return cur.fail("default value", v);
  }
}

function literal(value: string): Default {
  return { kind: "literal", value };
}

/** `DEFAULT (expr)`: a time function inside stays the time default; anything else is an expression. */
function parenthesised(cur: Cursor): Default {
  const tokens = cur.group();
  const only = tokens.length > 0 && tokens[0]!.kind === "word" && TIME_FUNCTIONS.has(tokens[0]!.value.toUpperCase());
  if (only) {
    const m = /^(?:current_timestamp|now|localtime|localtimestamp)(?:\((\d*)\))?$/.exec(exprFromTokens(tokens));
    if (m)
      return {
        kind: "expr",
        value: Number(m[1] ?? 0) > 0 ? `CURRENT_TIMESTAMP(${Number(m[1])})` : "CURRENT_TIMESTAMP",
      };
  }
  return { kind: "expr", value: exprFromTokens(tokens) };
}
