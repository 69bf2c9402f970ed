/**
 * `stats-db schema inspect --url URL [--format hcl|sql|json|typebox|mermaid]`: a live schema (or any other source)
 * printed as Atlas HCL, CREATE statements, Atlas-style JSON, an entities module that reproduces it, or an ER diagram.
 */
import { defineCommand } from "citty";
import { schemaToEntitiesSource } from "../../entities/typebox-source.ts";
import { schemaToHcl } from "../../hcl/write-schema.ts";
import type { Flavor } from "../../mysql/flavor.ts";
import { assertNever } from "../../schema/changes.ts";
import type { Index, IndexPart, Schema } from "../../schema/model.ts";
import { unmanagedLines, unmanagedObjects } from "../../schema/unmanaged.ts";
import { requireUrl } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { inspectUrl, isLiveUrl } from "../../project/live-source.ts";
import { globalArgs } from "../options.ts";
import { schemaSql } from "../schema-sql.ts";
import { schemaMermaid } from "../schema-mermaid.ts";
import { resolveSettings } from "../../project/settings.ts";
import { loadSource } from "../../project/sources.ts";

type Format = "hcl" | "sql" | "json" | "typebox" | "mermaid";

const FORMATS: Record<string, Format> = {
  hcl: "hcl",
  sql: "sql",
  "{{ sql . }}": "sql",
  json: "json",
  "{{ json . }}": "json",
  typebox: "typebox",
  mermaid: "mermaid",
};

const parts = (ps: readonly IndexPart[]) =>
  ps.map((p) => (p.expr !== undefined ? { expr: p.expr } : { column: p.column }));
const index = (i: Index) => ({ name: i.name, ...(i.unique ? { unique: true } : {}), parts: parts(i.parts) });

/** Atlas's `{{ json . }}` shape of an inspected schema (names, column types and nullability, keys). */
export function schemaJson(schema: Schema, name: string): string {
  const tables = schema.tables.map((t) => ({
    name: t.name,
    columns: t.columns.map((c) => ({ name: c.name, type: c.type, ...(c.nullable ? { null: true } : {}) })),
    ...(t.indexes.length ? { indexes: t.indexes.map(index) } : {}),
    ...(t.primaryKey ? { primary_key: { parts: parts(t.primaryKey.parts) } } : {}),
    ...(t.foreignKeys.length
      ? {
          foreign_keys: t.foreignKeys.map((f) => ({
            name: f.name,
            columns: f.columns,
            references: { table: f.refTable, columns: f.refColumns },
          })),
        }
      : {}),
  }));
  const unmanaged = unmanagedObjects(schema);
  return (
    JSON.stringify({
      schemas: [{ name, ...(tables.length ? { tables } : {}), ...(unmanaged.length ? { unmanaged } : {}) }],
    }) + "\n"
  );
}

/** The "not managed: …" lines as comments of the format (after the schema: what the printed text does not hold). */
function unmanagedComments(schema: Schema, comment: string): string {
  return unmanagedLines(schema)
    .map((line) => `${comment} ${line}\n`)
    .join("");
}

function render(format: Format, schema: Schema, flavor: Flavor, name: string, importFrom: string): string {
  switch (format) {
    case "hcl":
      return schemaToHcl(schema, flavor, name) + unmanagedComments(schema, "#");
    case "sql":
      return schemaSql(schema, flavor) + unmanagedComments(schema, "--");
    case "json":
      return schemaJson(schema, name);
    case "typebox":
      return schemaToEntitiesSource(schema, { importFrom }) + unmanagedComments(schema, "//");
    case "mermaid":
      return schemaMermaid(schema);
    default:
      return assertNever(format, "format");
  }
}

export default defineCommand({
  meta: {
    name: "inspect",
    description: "print a database's schema as HCL, SQL, JSON, an entities module or a mermaid ER diagram",
  },
  args: {
    ...globalArgs,
    url: {
      type: "string",
      alias: "u",
      description: "the database to inspect (schema-bound URL), or another schema source",
    },
    format: {
      type: "string",
      description: "hcl (default), sql, json, typebox or mermaid; Atlas's '{{ sql . }}' and '{{ json . }}' also work",
    },
    "import-from": {
      type: "string",
      description: "module the typebox output imports col/sql/table from (default stats-db/entities)",
    },
    flavor: { type: "string", description: "mysql or mariadb, for a source that is not a live database" },
  },
  async run({ args }) {
    const settings = resolveSettings(args);
    const url = requireUrl(settings);
    const format = FORMATS[(args.format ?? "hcl").trim()];
    if (!format) throw new UsageError(`unknown --format "${args.format}": use hcl, sql, json, typebox or mermaid`);
    const { schema, flavor } = isLiveUrl(url)
      ? await inspectUrl(url)
      : { schema: await loadSource(url, settings.flavor), flavor: settings.flavor };
    process.stdout.write(
      render(format, schema, flavor, schema.name ?? "main", args["import-from"] ?? "stats-db/entities"),
    );
  },
});
