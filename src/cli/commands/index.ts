/**
 * The command tree. Sub-commands load lazily so `--help` and `version` stay fast.
 */
import { defineCommand } from "citty";
import { TOOL_VERSION } from "../../project/version.ts";

const migrateDiff = () => import("./migrate-diff.ts").then((m) => m.default);

/** `stats-db migrate …`. */
const migrate = defineCommand({
  meta: { name: "migrate", description: "versioned migrations (Atlas-compatible directory and atlas.sum)" },
  subCommands: {
    diff: migrateDiff,
    hash: () => import("./migrate-hash.ts").then((m) => m.default),
    lint: () => import("./migrate-lint.ts").then((m) => m.default),
    validate: () => import("./migrate-validate.ts").then((m) => m.default),
    apply: () => import("./migrate-apply.ts").then((m) => m.default),
    status: () => import("./migrate-status.ts").then((m) => m.default),
    down: () => import("./migrate-down.ts").then((m) => m.default),
    drift: () => import("./migrate-drift.ts").then((m) => m.default),
    log: () => import("./migrate-log.ts").then((m) => m.default),
    resolve: () => import("./migrate-resolve.ts").then((m) => m.default),
  },
});

/** `stats-db schema …`. */
const schema = defineCommand({
  meta: { name: "schema", description: "schema sources: inspect, compare, apply, clean, print as HCL or SQL" },
  subCommands: {
    apply: () => import("./schema-apply.ts").then((m) => m.default),
    clean: () => import("./schema-clean.ts").then((m) => m.default),
    diff: () => import("./schema-diff.ts").then((m) => m.default),
    hcl: () => import("./schema-print.ts").then((m) => m.hcl),
    inspect: () => import("./schema-inspect.ts").then((m) => m.default),
    sql: () => import("./schema-print.ts").then((m) => m.sql),
  },
});

/** The root command; it has no `run` of its own (citty would run it after every sub-command). */
export const root = defineCommand({
  meta: {
    name: "stats-db",
    version: TOOL_VERSION,
    description: "schema as code and versioned migrations for the site_usage database",
  },
  subCommands: {
    diff: migrateDiff,
    migrate,
    schema,
    grants: () => import("./grants.ts").then((m) => m.default),
    version: () => import("./version.ts").then((m) => m.default),
  },
});
