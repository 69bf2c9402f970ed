/**
 * Schema → Atlas HCL, as `atlas schema inspect` prints it (see docs/atlas-compat.md §8 and §9.1): every `table` block in
 * inspection order (by name), the `view` blocks (by name), then functions, procedures, events and triggers
 * (src/hcl/object-blocks.ts), then the `schema` block with its charset and collation.
 */
import type { Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { attr, block, renderDocument } from "./document.ts";
import { hclString } from "./hcl-text.ts";
import { objectBlocks } from "./object-blocks.ts";
import { tableBlock, type SchemaDefaults } from "./table-block.ts";
import { viewBlock } from "./view-block.ts";

function byTableName(a: { name: string }, b: { name: string }): number {
  return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
}

/** Writes a schema as Atlas's MySQL schema HCL, under the schema name `schemaName`. */
export function schemaToHcl(schema: Schema, flavor: Flavor, schemaName: string): string {
  const defaults: SchemaDefaults = {
    name: schemaName,
    charset: schema.charset ?? flavor.defaults.charset,
    collate: schema.collate ?? flavor.defaults.collate,
  };
  const tables = [...schema.tables].sort(byTableName).map((t) => tableBlock(t, defaults, flavor));
  const schemaBlock = block(
    "schema",
    [schemaName],
    [attr("charset", hclString(defaults.charset)), attr("collate", hclString(defaults.collate))],
  );
  const views = [...(schema.views ?? [])].sort(byTableName).map((v) => viewBlock(v, schema, schemaName));
  return renderDocument([...tables, ...views, ...objectBlocks(schema, schemaName), schemaBlock]);
}
