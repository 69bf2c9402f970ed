/**
 * One column's definition as CREATE TABLE and ALTER TABLE write it (Atlas's attribute order).
 */
import type { Column, Default, TableOptions } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ident, quoteString } from "../sql.ts";
import { isNumericType } from "../typeinfo.ts";

/** What a column definition needs from its table: the table's default charset and collation (absent when unknown: the column then states its own). */
export interface TableContext {
  readonly name: string;
  readonly options: Pick<TableOptions, "charset" | "collate">;
}

/** Renders `` `c` type [CHARSET cs] [AS (expr) VIRTUAL|STORED] NULL|NOT NULL [DEFAULT v] [AUTO_INCREMENT] [ON UPDATE x] [COMMENT '…'] [COLLATE co] [INVISIBLE] ``. */
export function columnDefinition(column: Column, table: TableContext, flavor: Flavor): string {
  const charset = column.charset !== undefined && column.charset !== table.options.charset ? column.charset : undefined;
  const collate = column.collate !== undefined && column.collate !== table.options.collate ? column.collate : undefined;
  const parts = [ident(column.name), column.type];
  if (charset !== undefined) parts.push(`CHARSET ${charset}`);
  if (column.generated) {
    // MariaDB accepts COLLATE on a generated column only before AS.
    if (collate !== undefined) parts.push(`COLLATE ${collate}`);
    parts.push(`AS (${column.generated.expr}) ${column.generated.stored ? "STORED" : "VIRTUAL"}`);
    // NULL is the default for a generated column; leaving it out keeps the file valid on MariaDB, which rejects it.
    if (!column.nullable && flavor.generatedNullability) parts.push("NOT NULL");
  } else {
    parts.push(column.nullable ? "NULL" : "NOT NULL");
    if (column.default) parts.push(`DEFAULT ${defaultValue(column.default, column.type)}`);
  }
  if (column.autoIncrement) parts.push("AUTO_INCREMENT");
  if (column.onUpdate !== undefined) parts.push(`ON UPDATE ${column.onUpdate}`);
  if (column.comment) parts.push(`COMMENT ${quoteString(column.comment)}`);
  if (!column.generated && collate !== undefined) parts.push(`COLLATE ${collate}`);
  if (column.invisible) parts.push("INVISIBLE");
  return parts.join(" ");
}

const NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)(e[+-]?\d+)?$/i;
const BIT_OR_HEX = /^(b'[01]*'|0b[01]+|x'[0-9a-f]*'|0x[0-9a-f]+)$/i;
const TIME_FUNCTION = /^CURRENT_TIMESTAMP(\(\d+\))?$/;

/** The text after DEFAULT: numbers bare on numeric types, other literals quoted, time functions raw, other expressions in parentheses. */
export function defaultValue(value: Default, type: string): string {
  if (value.kind === "literal") {
    const bare = isNumericType(type) && (NUMBER.test(value.value) || BIT_OR_HEX.test(value.value));
    return bare ? value.value : quoteString(value.value);
  }
  return TIME_FUNCTION.test(value.value) ? value.value : `(${value.value})`;
}
