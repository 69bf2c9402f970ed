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

/** Where the revisions table lives (`--revisions-schema`, else the project's setting, else revisionsSchemaOf's defaults) and whether it was named. */
export function revisionsLocation(
  flag: string | undefined,
  configured: string | undefined,
  urlSchema: string | undefined,
): { revisionsSchema: string; revisionsSchemaExplicit: boolean } {
  const explicit = flag ?? configured;
  return { revisionsSchema: revisionsSchemaOf(explicit, urlSchema), revisionsSchemaExplicit: explicit !== undefined };
}
