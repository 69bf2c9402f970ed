/**
 * `stats-db schema hcl` and `stats-db schema sql`: the desired state (entities by default) as Atlas HCL or as DDL.
 */
import { type ArgsDef, defineCommand } from "citty";
import { schemaToHcl } from "../../hcl/write-schema.ts";
import type { Flavor } from "../../mysql/flavor.ts";
import type { Schema } from "../../schema/model.ts";
import { flavorArg, globalArgs } from "../options.ts";
import { schemaSql } from "../schema-sql.ts";
import { resolveSettings } from "../../project/settings.ts";
import { loadSource } from "../../project/sources.ts";

const args = {
  ...globalArgs,
  ...flavorArg,
  to: { type: "string", description: "schema source (default: the env's src, else file://entities)" },
  schema: { type: "string", description: "schema name for HCL output (default: the entities' database name)" },
} as const satisfies ArgsDef;

function printer(name: string, description: string, render: (s: Schema, f: Flavor, schemaName: string) => string) {
  return defineCommand({
    meta: { name, description },
    args,
    async run({ args: a }) {
      const settings = resolveSettings(a);
      const schema = await loadSource(a.to ?? settings.src[0] ?? "file://entities", settings.flavor);
      process.stdout.write(render(schema, settings.flavor, a.schema ?? schema.name ?? "site_usage"));
    },
  });
}

/** `schema hcl`. */
export const hcl = printer("hcl", "print the desired schema as Atlas HCL", schemaToHcl);

/** `schema sql`. */
export const sql = printer(
  "sql",
  "print the desired schema as CREATE TABLE statements, referenced tables first",
  schemaSql,
);
