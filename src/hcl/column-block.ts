/**
 * One `column` block, attributes in Atlas's order: `null, type, default, unsigned, comment, charset, collate,
 * on_update, auto_increment`, then an `as { expr, type }` block for a generated column.
 */
import type { Column, TableOptions } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { hclDefault } from "./column-default.ts";
import { hclType } from "./column-type.ts";
import { attr, block, type HclAttr, type HclBlock } from "./document.ts";
import { hclString, sqlCall } from "./hcl-text.ts";

/** Charset and collation attributes, each only when it differs from the parent's (Atlas's `sqlx.Charset/Collate`). */
export function charsetAttrs(
  own: { charset?: string; collate?: string },
  parent: { charset?: string; collate?: string },
): HclAttr[] {
  const out: HclAttr[] = [];
  if (own.charset !== undefined && own.charset !== parent.charset) out.push(attr("charset", hclString(own.charset)));
  if (own.collate !== undefined && own.collate !== parent.collate) out.push(attr("collate", hclString(own.collate)));
  return out;
}

/** Builds the `column` block of a column in a table with the given options. */
export function columnBlock(column: Column, table: TableOptions, flavor: Flavor): HclBlock {
  const type = hclType(column.type);
  const attrs: HclAttr[] = [attr("null", String(column.nullable)), attr("type", type.type)];
  const def = hclDefault(column, flavor);
  if (def !== undefined) attrs.push(attr("default", def));
  if (type.unsigned !== undefined) attrs.push(attr("unsigned", String(type.unsigned)));
  if (column.comment) attrs.push(attr("comment", hclString(column.comment)));
  attrs.push(...charsetAttrs(column, table));
  if (column.onUpdate !== undefined) attrs.push(attr("on_update", sqlCall(column.onUpdate)));
  if (column.autoIncrement) attrs.push(attr("auto_increment", "true"));
  const gen = column.generated;
  const children = gen
    ? [block("as", [], [attr("expr", hclString(gen.expr)), attr("type", gen.stored ? "STORED" : "VIRTUAL")])]
    : [];
  return block("column", [column.name], attrs, children);
}
