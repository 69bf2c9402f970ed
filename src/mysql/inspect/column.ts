/**
 * One information_schema.COLUMNS row → a model Column (canonical type, default, EXTRA attributes, generation).
 */
import type { Row } from "../../db/types.ts";
import type { Column } from "../../schema/model.ts";
import { canonicalExpr } from "../expr.ts";
import type { Flavor } from "../flavor.ts";
import { normalizeType } from "../types.ts";
import { columnDefault, unescapeMysql } from "./default-value.ts";
import { InspectError } from "./errors.ts";
import { required, text, valid } from "./values.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

const ON_UPDATE = /^(?:default_generated )?on update (current_timestamp(?:\((\d*)\))?)$/i;

/** Applies the EXTRA column (auto_increment, ON UPDATE, generated storage) to a column; unknown text is an error. */
function applyExtra(
  col: Mutable<Column>,
  extra: string,
  table: string,
): { defaultGenerated: boolean; storage?: "VIRTUAL" | "STORED" } {
  const e = extra.trim().toLowerCase();
  if (e === "" || e === "null") return { defaultGenerated: false };
  if (e === "default_generated") return { defaultGenerated: true };
  if (e === "auto_increment") {
    col.autoIncrement = true;
    return { defaultGenerated: false };
  }
  if (e === "virtual generated" || e === "stored generated")
    return { defaultGenerated: false, storage: e.startsWith("virtual") ? "VIRTUAL" : "STORED" };
  const m = ON_UPDATE.exec(e);
  if (m) {
    col.onUpdate = Number(m[2] || 0) > 0 ? `CURRENT_TIMESTAMP(${Number(m[2])})` : "CURRENT_TIMESTAMP";
    return { defaultGenerated: e.startsWith("default_generated") };
  }
  throw new InspectError(table, col.name, `unknown extra column attribute "${extra}"`);
}

/** Turns a COLUMNS row into a column (charset/collation as reported; the table normaliser resolves them). */
export function columnFromRow(row: Row, flavor: Flavor): Column {
  const table = required(row, "TABLE_NAME");
  const name = required(row, "COLUMN_NAME");
  const col: Mutable<Column> = {
    name,
    type: normalizeType(required(row, "COLUMN_TYPE")),
    nullable: required(row, "IS_NULLABLE") === "YES",
  };
  const rawExtra = text(row, "EXTRA") ?? "";
  // INVISIBLE comes alone or after the other attributes: MariaDB `auto_increment, INVISIBLE`, MySQL `… INVISIBLE`.
  const invisible = /\binvisible\b/i.test(rawExtra);
  if (invisible) col.invisible = true;
  const extra = applyExtra(col, rawExtra.replace(/,?\s*\binvisible\b/i, ""), table);
  if (extra.storage) {
    const raw = required(row, "GENERATION_EXPRESSION");
    col.generated = {
      expr: canonicalExpr(flavor.escapedExpressions ? unescapeMysql(raw) : raw),
      stored: extra.storage === "STORED",
    };
  } else {
    const def = columnDefault(text(row, "COLUMN_DEFAULT"), col.type, extra.defaultGenerated, flavor);
    if (def) col.default = def;
  }
  const comment = valid(row, "COLUMN_COMMENT");
  if (comment) col.comment = text(row, "COLUMN_COMMENT");
  const charset = valid(row, "CHARACTER_SET_NAME");
  const collate = valid(row, "COLLATION_NAME");
  if (charset) col.charset = charset;
  if (collate) col.collate = collate;
  return col;
}
