/**
 * `stats-db grants --user NAME`: the exact privileges the migration user needs, as GRANT statements. The user itself
 * is created elsewhere (e.g. Terraform); this only says what to grant.
 */
import { defineCommand } from "citty";
import { parseDatabaseUrl } from "../../db/url.ts";
import { accountName, grantStatement } from "../../mysql/queries/grants.ts";
import { ident } from "../../mysql/sql.ts";
import { UsageError } from "../errors.ts";
import { globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";

/** Why each privilege on the target schema is needed (apply, status, down, schema inspect/diff). */
export const SCHEMA_PRIVILEGES: readonly (readonly [string, string])[] = [
  ["SELECT", "read atlas_schema_revisions and the tables; down's empty-table checks"],
  ["INSERT", "write revision rows; data statements in migration files"],
  ["UPDATE", "update a revision row after each statement"],
  ["DELETE", "delete revision rows on down; data statements"],
  ["CREATE", "CREATE TABLE (and atlas_schema_revisions on the first apply)"],
  ["ALTER", "ALTER TABLE"],
  ["DROP", "DROP TABLE (down, destructive migrations)"],
  ["INDEX", "CREATE/DROP INDEX"],
  ["REFERENCES", "foreign keys (MySQL 8 checks it on the referenced table)"],
  ["CREATE VIEW", "CREATE [OR REPLACE] VIEW"],
  ["SHOW VIEW", "read view definitions (inspect, drift, down)"],
  ["TRIGGER", "CREATE/DROP TRIGGER"],
  ["EVENT", "CREATE/ALTER/DROP EVENT"],
  ["CREATE ROUTINE", "CREATE FUNCTION/PROCEDURE"],
  ["ALTER ROUTINE", "DROP (and re-create) a function or procedure"],
];

// What a separate revisions schema needs (CREATE lets the first apply create the schema itself).
const REVISIONS_PRIVILEGES = ["SELECT", "INSERT", "UPDATE", "DELETE", "CREATE", "ALTER"];

/** What to grant: to whom, on which schema, and optionally a separate revisions schema and a dev (lint) schema. */
export interface GrantTarget {
  readonly user: string;
  readonly host: string;
  readonly schema: string;
  readonly revisionsSchema?: string;
  readonly devSchema?: string;
}

/** The GRANT statements (with comments) that give a migration user exactly what stats-db needs. */
export function grantStatements(t: GrantTarget): string {
  const who = accountName(t.user, t.host);
  const privs = SCHEMA_PRIVILEGES.map(([p]) => p);
  const lines = [
    `-- stats-db migration user ${who}: apply, status, down, schema inspect/diff on ${ident(t.schema)}.`,
    "-- GET_LOCK/RELEASE_LOCK (the migration lock) and information_schema need no grant.",
    ...SCHEMA_PRIVILEGES.map(([p, why]) => `--   ${p.padEnd(14)} ${why}`),
    `${grantStatement(privs, t.schema, who)};`,
  ];
  if (t.revisionsSchema && t.revisionsSchema !== t.schema) {
    lines.push(
      `-- The revisions table lives in ${ident(t.revisionsSchema)} (--revisions-schema); CREATE lets the first apply create that schema.`,
    );
    lines.push(`${grantStatement(REVISIONS_PRIVILEGES, t.revisionsSchema, who)};`);
  }
  if (t.devSchema) {
    lines.push(
      `-- The dev database for migrate lint/validate --dev-url: replayed from scratch and cleaned afterwards.`,
    );
    lines.push(`${grantStatement(privs, t.devSchema, who)};`);
  }
  return lines.join("\n") + "\n";
}

export default defineCommand({
  meta: { name: "grants", description: "print the GRANT statements the migration user needs" },
  args: {
    ...globalArgs,
    user: { type: "string", description: "the migration user's name (required)" },
    host: { type: "string", description: "the user's host part (default %)" },
    schema: {
      type: "string",
      description: "the target schema (default: from --url or the env's url, else site_usage)",
    },
    url: { type: "string", alias: "u", description: "target database URL (only its schema is used; nothing connects)" },
    "revisions-schema": { type: "string", description: "a separate schema for atlas_schema_revisions" },
    "dev-schema": { type: "string", description: "the dev database used by lint/validate --dev-url" },
  },
  run({ args }) {
    if (!args.user) throw new UsageError("grants needs --user NAME");
    const settings = resolveSettings(args);
    const revisionsSchema = args["revisions-schema"] ?? settings.project?.migration.revisionsSchema;
    const target: GrantTarget = {
      user: args.user,
      host: args.host ?? "%",
      schema: args.schema ?? (settings.url ? parseDatabaseUrl(settings.url).schema : undefined) ?? "site_usage",
      ...(revisionsSchema ? { revisionsSchema } : {}),
      ...(args["dev-schema"] ? { devSchema: args["dev-schema"] } : {}),
    };
    process.stdout.write(grantStatements(target));
  },
});
