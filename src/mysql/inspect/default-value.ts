/**
 * COLUMN_DEFAULT → the model's Default, per flavour (docs/atlas-compat.md §10): MySQL reports literals unquoted and marks
 * expressions with `DEFAULT_GENERATED`; MariaDB reports literals as SQL (`'abc'`, `5`, `b'1'`), expressions as written
 * and `NULL` (the text) for "no default" on a nullable column.
 */
import type { Default } from "../../schema/model.ts";
import { canonicalExpr } from "../expr.ts";
import type { Flavor } from "../flavor.ts";
import { tokenize } from "../lexer.ts";
import { Cursor } from "../cursor.ts";
import { readDefault } from "../defaults.ts";
import { isNumericType } from "../typeinfo.ts";
import { remembered } from "./values.ts";

const NOW = /^(?:current_timestamp|now|localtime|localtimestamp)(?:\((\d*)\))?$/i;

/** Undoes MySQL's escaping of quotes and backslashes in expression text (`_utf8mb4\'a\'` → `_utf8mb4'a'`). */
export function unescapeMysql(text: string): string {
  return text.replace(/\\(['\\])/g, "$1");
}

/** An expression default in canonical form: time functions as `CURRENT_TIMESTAMP[(n)]`, the rest canonicalExpr. */
function expression(text: string): Default {
  const inner = canonicalExpr(text);
  const m = NOW.exec(inner);
  if (m)
    return { kind: "expr", value: Number(m[1] ?? 0) > 0 ? `CURRENT_TIMESTAMP(${Number(m[1])})` : "CURRENT_TIMESTAMP" };
  return { kind: "expr", value: inner };
}

/** A MariaDB default: SQL literal text read as the parser reads DDL; anything longer is an expression. */
function mariadbDefault(raw: string, type: string): Default | undefined {
  if (raw.toUpperCase() === "NULL") return undefined;
  try {
    const cur = new Cursor(tokenize(raw));
    const value = readDefault(cur, type);
    if (cur.atEnd()) return value;
  } catch {
    // Not a single literal: an expression such as `curdate() + interval 30 day`.
  }
  return expression(raw);
}

/** A MySQL default: DEFAULT_GENERATED marks an expression; otherwise the text is the literal value itself. */
function mysqlDefault(raw: string, type: string, generated: boolean): Default {
  if (generated) return expression(unescapeMysql(raw));
  if (NOW.test(raw)) return expression(raw);
  if (/^(0x[0-9a-f]*|b'[01]*')$/i.test(raw)) return { kind: "literal", value: raw.toLowerCase() };
  return { kind: "literal", value: isNumericType(type) ? raw.trim() : raw };
}

/** The default of a column from COLUMN_DEFAULT (undefined: SQL NULL) and whether EXTRA says DEFAULT_GENERATED. */
export function columnDefault(
  raw: string | undefined,
  type: string,
  generated: boolean,
  flavor: Flavor,
): Default | undefined {
  if (raw === undefined) return undefined;
  return flavor.defaultsAsSql
    ? mariadbDefaultOf(`${type}\0${raw}`)
    : mysqlDefaultOf(`${generated ? 1 : 0}${type}\0${raw}`);
}

// Keyed by the type, a NUL and the raw text (which may hold a NUL itself: it is everything after the first).
const mariadbDefaultOf = remembered((key) => {
  const cut = key.indexOf("\0");
  return mariadbDefault(key.slice(cut + 1), key.slice(0, cut));
});

const mysqlDefaultOf = remembered((key) => {
  const cut = key.indexOf("\0");
  return mysqlDefault(key.slice(cut + 1), key.slice(1, cut), key[0] === "1");
});
