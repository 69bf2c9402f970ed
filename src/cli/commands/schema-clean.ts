/**
 * `stats-db schema clean --url URL`: drop every view and table of the schema the URL names (the revisions table too),
 * its events and stored routines (triggers go with their tables), and every object the model does not cover
 * (sequences, system-versioned tables), in an order the server accepts; asks for the database's name first unless
 * --auto-approve.
 */
import { defineCommand } from "citty";
import { inspectWithFlavor } from "../../mysql/inspect.ts";
import { dropUnmanagedStatements, plan } from "../../mysql/plan.ts";
import { diff } from "../../schema/diff.ts";
import { emptySchema } from "../../schema/model.ts";
import { showAndApply } from "../apply-plan.ts";
import { requireDatabase } from "../connect.ts";
import { withConnection } from "../../project/live-source.ts";
import { lockWaitTimeoutSeconds } from "../migrate-command.ts";
import { globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";

/** Atlas's message for an empty schema. */
export const NOTHING_TO_DROP = "Nothing to drop";

export default defineCommand({
  meta: { name: "clean", description: "drop every table, event and routine of a database's schema (asks first)" },
  args: {
    ...globalArgs,
    url: { type: "string", alias: "u", description: "the database to empty (schema-bound URL)" },
    "lock-wait-timeout": {
      type: "string",
      description: "bound on each statement's wait for a table lock (default 60s; 0 keeps the server's)",
    },
    "auto-approve": { type: "boolean", description: "drop without asking" },
  },
  async run({ args }) {
    const database = requireDatabase(resolveSettings(args));
    const lockWaitTimeoutS = lockWaitTimeoutSeconds(args["lock-wait-timeout"], undefined);
    await withConnection(database, async (conn, schemaName, options) => {
      const { schema, flavor } = await inspectWithFlavor(conn, schemaName, { includeRevisions: true });
      const unmanaged = dropUnmanagedStatements(schema.unmanaged ?? []);
      for (const line of unmanaged.kept) process.stderr.write(`${line}\n`);
      const objects = (schema.views?.length ?? 0) + (schema.events?.length ?? 0) + (schema.routines?.length ?? 0);
      if (schema.tables.length === 0 && objects === 0 && unmanaged.before.length + unmanaged.after.length === 0) {
        process.stdout.write(NOTHING_TO_DROP + "\n");
        return;
      }
      // What the model does not cover goes too: triggers, events and routines first, then the views and tables.
      const statements = [
        ...unmanaged.before,
        ...plan(diff(schema, emptySchema), flavor, { current: schema }),
        ...unmanaged.after,
      ];
      await showAndApply({ conn, database, options, lockWaitTimeoutS }, statements, {
        autoApprove: args["auto-approve"],
        command: "schema clean",
        dropsSchema: schemaName,
      });
    });
  },
});
