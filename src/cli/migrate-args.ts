/**
 * The options every database-reading migrate command shares, and how they are read. Apart from migrate-command.ts
 * so read-only commands (`migrate status`) do not load the apply lock, the control session and the run audit.
 */
import type { ArgsDef } from "citty";
import { revisionsSchemaOf } from "../migrate/revisions/schema.ts";
import { UsageError } from "./errors.ts";

/** `--url`, `--revisions-schema`, `--format`. */
export const migrateDbArgs = {
  url: { type: "string", alias: "u", description: "database URL (mysql://user:pass@host:3306/schema)" },
  "revisions-schema": { type: "string", description: "schema holding atlas_schema_revisions" },
  format: { type: "string", description: "json (or Atlas's '{{ json . }}') for machine-readable output" },
} as const satisfies ArgsDef;

/** Whether `--format` asks for JSON; any other template is refused (only Atlas's json template is supported). */
export function isJsonFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  if (format === "json" || /^\{\{\s*json\s+\.\s*\}\}$/.test(format.trim())) return true;
  throw new UsageError(`unsupported --format "${format}": use json or '{{ json . }}'`);
}

/** The flag and setting revisionsLocation reads: `--revisions-schema`, and the env's `revisions_schema` in atlas.hcl. */
interface RevisionsSchemaSources {
  readonly args: { readonly "revisions-schema"?: string };
  readonly settings: { readonly project?: { readonly migration: { readonly revisionsSchema?: string } } };
}

/** The revisions schema named by `--revisions-schema`, else by the project's setting; undefined when neither names one. */
export function namedRevisionsSchema({ args, settings }: RevisionsSchemaSources): string | undefined {
  return args["revisions-schema"] ?? settings.project?.migration.revisionsSchema;
}

/**
 * Where the revisions table lives (namedRevisionsSchema, else revisionsSchemaOf's defaults for the URL's schema) and
 * whether it was named.
 */
export function revisionsLocation(
  sources: RevisionsSchemaSources,
  urlSchema: string | undefined,
): { revisionsSchema: string; revisionsSchemaExplicit: boolean } {
  const explicit = namedRevisionsSchema(sources);
  return { revisionsSchema: revisionsSchemaOf(explicit, urlSchema), revisionsSchemaExplicit: explicit !== undefined };
}
