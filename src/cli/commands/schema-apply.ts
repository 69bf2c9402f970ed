/**
 * `stats-db schema apply --url URL --to SRC`: declarative push for a developer's own database — inspect it, diff
 * against the desired state, show the plan, ask, execute statement by statement.
 */
import { defineCommand } from "citty";
import { inspectWithFlavor } from "../../mysql/inspect.ts";
import { unmanagedLines } from "../../schema/unmanaged.ts";
import { plan } from "../../mysql/plan.ts";
import { tableSizes } from "../../mysql/cost.ts";
import { statementCosts } from "../../migrate/apply/online/cost-step.ts";
import { diff } from "../../schema/diff.ts";
import { dropsEveryTable, showAndApply } from "../apply-plan.ts";
import { databaseTarget } from "../../project/connect.ts";
import { requireUrl } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { withConnection } from "../../project/live-source.ts";
import { lockWaitTimeoutSeconds } from "../migrate-command.ts";
import { globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { loadDesired } from "../../project/sources.ts";
import { databaseSide, dirSide, withHistoryRenames } from "../../project/history-renames.ts";

/** Atlas's message when the database already is in the desired state. */
export const SCHEMA_SYNCED = "Schema is synced, no changes to be made";

export default defineCommand({
  meta: { name: "apply", description: "bring a database to the desired state: show the plan, ask, execute" },
  args: {
    ...globalArgs,
    url: { type: "string", alias: "u", description: "the database to change (schema-bound URL)" },
    to: { type: "string", description: "desired state (default: the env's src, else file://entities)" },
    "dev-url": {
      type: "string",
      description: "clean dev database to replay directories and .sql files on (default: in memory)",
    },
    "lock-wait-timeout": {
      type: "string",
      description: "bound on each statement's wait for a table lock (default 60s; 0 keeps the server's)",
    },
    "auto-approve": { type: "boolean", description: "apply without asking" },
    "dry-run": { type: "boolean", description: "print the plan and change nothing" },
  },
  async run({ args }) {
    const settings = resolveSettings(args);
    const url = requireUrl(settings);
    const to = args.to ?? settings.src[0] ?? "file://entities";
    if (to === url) throw new UsageError("--to names the database being changed");
    const database = databaseTarget(url);
    const lockWaitTimeoutS = lockWaitTimeoutSeconds(args["lock-wait-timeout"], undefined);
    await withConnection(database, async (conn, schemaName, options) => {
      const { schema: current, flavor } = await inspectWithFlavor(conn, schemaName);
      const loaded = await loadDesired(to, flavor, settings.devUrl ? { devUrl: settings.devUrl } : {});
      const toDir = dirSide(to);
      const applied = toDir && (await databaseSide(conn, schemaName, settings.project?.migration.revisionsSchema));
      const desired = withHistoryRenames(applied, current, toDir, loaded, flavor);
      const changes = diff(current, desired);
      // What the plan leaves as it is because the model does not cover it, on stderr.
      for (const line of unmanagedLines(current, desired)) process.stderr.write(`${line}\n`);
      if (changes.length === 0) {
        process.stdout.write(SCHEMA_SYNCED + "\n");
        return;
      }
      const statements = plan(changes, flavor, { current });
      const opts = {
        autoApprove: args["auto-approve"],
        command: "schema apply",
        dryRun: args["dry-run"],
        costs: statementCosts(
          current,
          statements.map((s) => s.sql),
          flavor,
          await tableSizes(conn, schemaName),
        ),
        ...(dropsEveryTable(current, changes) ? { dropsSchema: schemaName } : {}),
      };
      if (!(await showAndApply({ conn, database, options, lockWaitTimeoutS }, statements, opts))) return;
      process.stderr.write(`Applied ${statements.length} statement${statements.length === 1 ? "" : "s"}\n`);
    });
  },
});
