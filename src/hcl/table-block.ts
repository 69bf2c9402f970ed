/**
 * One `table` block as Atlas's `schema inspect` prints it: `schema`, `comment`, `charset`, `collate`, `engine`,
 * then columns, `primary_key`, `foreign_key`s, `index`es and `check`s (named children in inspection order), and the
 * `partition` block of a partitioned table.
 */
import type { Check, ForeignKey, Index, IndexPart, PrimaryKey, Table } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { charsetAttrs, columnBlock } from "./column-block.ts";
import { attr, block, type HclAttr, type HclBlock } from "./document.ts";
import { hclString, refText } from "./hcl-text.ts";
import { partitionBlock } from "./partition-block.ts";

/** The schema's resolved charset and collation, which a table's own are compared against. */
export interface SchemaDefaults {
  readonly name: string;
  readonly charset: string;
  readonly collate: string;
}

const ENGINES: Record<string, string> = {
  innodb: "InnoDB",
  myisam: "MyISAM",
  memory: "Memory",
  csv: "CSV",
  ndb: "NDB",
};
const PARSERS: Record<string, string> = { ngram: "ngram", mecab: "mecab" };

/** Orders constraint names as information_schema does (case-insensitively), ties broken by exact text. */
export function byName(a: { name: string }, b: { name: string }): number {
  const x = a.name.toLowerCase();
  const y = b.name.toLowerCase();
  if (x !== y) return x < y ? -1 : 1;
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

function columnRef(name: string): string {
  return refText([["column", name]]);
}

function list(items: readonly string[]): string {
  return `[${items.join(", ")}]`;
}

/** `columns = [...]` when every part is a plain ascending column, else one `on {}` block per part. */
function partsSpec(parts: readonly IndexPart[]): { attrs: HclAttr[]; blocks: HclBlock[] } {
  if (parts.every((p) => p.column !== undefined && !p.desc && p.prefix === undefined)) {
    return { attrs: [attr("columns", list(parts.map((p) => columnRef(p.column ?? ""))))], blocks: [] };
  }
  const blocks = parts.map((p) => {
    const attrs: HclAttr[] = [];
    if (p.desc) attrs.push(attr("desc", "true"));
    if (p.column !== undefined) attrs.push(attr("column", columnRef(p.column)));
    if (p.expr !== undefined) attrs.push(attr("expr", hclString(p.expr)));
    if (p.prefix !== undefined) attrs.push(attr("prefix", String(p.prefix)));
    return block("on", [], attrs);
  });
  return { attrs: [], blocks };
}

function primaryKeyBlock(pk: PrimaryKey): HclBlock {
  const spec = partsSpec(pk.parts);
  return block("primary_key", [], spec.attrs, spec.blocks);
}

function indexBlock(index: Index): HclBlock {
  const spec = partsSpec(index.parts);
  const attrs: HclAttr[] = index.unique ? [attr("unique", "true")] : [];
  attrs.push(...spec.attrs);
  if (index.comment) attrs.push(attr("comment", hclString(index.comment)));
  if (index.type !== "BTREE") attrs.push(attr("type", index.type));
  if (index.parser !== undefined)
    attrs.push(attr("parser", PARSERS[index.parser.toLowerCase()] ?? hclString(index.parser)));
  return block("index", [index.name], attrs, spec.blocks);
}

function foreignKeyBlock(fk: ForeignKey, table: string): HclBlock {
  const ref = (c: string) =>
    fk.refTable === table
      ? columnRef(c)
      : refText([
          ["table", fk.refTable],
          ["column", c],
        ]);
  return block(
    "foreign_key",
    [fk.name],
    [
      attr("columns", list(fk.columns.map(columnRef))),
      attr("ref_columns", list(fk.refColumns.map(ref))),
      attr("on_update", fk.onUpdate.replace(" ", "_")),
      attr("on_delete", fk.onDelete.replace(" ", "_")),
    ],
  );
}

/**
 * MySQL reports CHECK clauses wrapped in parentheses, MariaDB does not. Atlas prints `enforced = true` whenever it saw
 * an ENFORCED attribute, and it records one only for NOT ENFORCED checks on MySQL: that quirk is reproduced here.
 */
function checkBlock(check: Check, flavor: Flavor): HclBlock {
  const expr = flavor.parenthesizedChecks ? `(${check.expr})` : check.expr;
  const attrs = [attr("expr", hclString(expr))];
  if (flavor.checkEnforcement && !check.enforced) attrs.push(attr("enforced", "true"));
  return block("check", check.name ? [check.name] : [], attrs);
}

function tableAttrs(table: Table, schema: SchemaDefaults, flavor: Flavor): HclAttr[] {
  const attrs = [attr("schema", refText([["schema", schema.name]]))];
  const o = table.options;
  if (o.comment) attrs.push(attr("comment", hclString(o.comment)));
  attrs.push(...charsetAttrs(o, schema));
  const engine = o.engine;
  if (engine !== undefined && engine.toLowerCase() !== flavor.defaults.engine.toLowerCase()) {
    attrs.push(attr("engine", ENGINES[engine.toLowerCase()] ?? hclString(engine)));
  }
  return attrs;
}

/** Builds the `table` block of a table in the given schema. */
export function tableBlock(table: Table, schema: SchemaDefaults, flavor: Flavor): HclBlock {
  const children = [
    ...table.columns.map((c) => columnBlock(c, table.options, flavor)),
    ...(table.primaryKey ? [primaryKeyBlock(table.primaryKey)] : []),
    ...[...table.foreignKeys].sort(byName).map((fk) => foreignKeyBlock(fk, table.name)),
    ...[...table.indexes].sort(byName).map(indexBlock),
    ...[...table.checks].sort(byName).map((c) => checkBlock(c, flavor)),
    ...(table.partition ? [partitionBlock(table.partition)] : []),
  ];
  return block("table", [table.name], tableAttrs(table, schema, flavor), children);
}
