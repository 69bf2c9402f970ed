/**
 * `stats-db migrate resolve VERSION --applied|--rolled-back`: settles a statement an interrupted run left in doubt
 * when `migrate apply` could not decide it from the schema (it says so, and names this command).
 */
import { defineCommand } from "citty";
import { resolveStatement } from "../../migrate/apply/resolve.ts";
import { requireDatabase } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { withMigrationSession } from "../migrate-command.ts";
import { lockTimeoutMs } from "../lock-timeout.ts";
import { migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { dirArg, globalArgs } from "../options.ts";
import { out } from "../output.ts";
import { resolveSettings } from "../../project/settings.ts";
import { verifyDir } from "../../project/sources.ts";
import { openDir } from "../../project/open-dir.ts";
import { TOOL_VERSION } from "../../project/version.ts";

export default defineCommand({
  meta: {
    name: "resolve",
    description: "record whether a statement left in doubt by an interrupted apply took effect",
  },
  args: {
    ...globalArgs,
    ...dirArg,
    ...migrateDbArgs,
    version: { type: "positional", required: false, description: "the version whose statement is in doubt" },
    applied: { type: "boolean", description: "it took effect: record it as applied" },
    "rolled-back": { type: "boolean", description: "it did not take effect: the next apply runs it" },
    "lock-timeout": { type: "string", description: "how long to wait for the apply lock (default 10s)" },
  },
  async run({ args }) {
    const version = args.version as string | undefined;
    if (!version) throw new UsageError("migrate resolve needs the version whose statement is in doubt");
    if (args.applied === args["rolled-back"])
      throw new UsageError("give exactly one of --applied (it took effect) or --rolled-back (it did not)");
    const settings = resolveSettings(args);
    const migration = settings.project?.migration ?? {};
    const dir = openDir(settings.dir);
    verifyDir(dir);
    const session = { lockTimeoutMs: lockTimeoutMs(args["lock-timeout"], migration.lockTimeout), lockWaitTimeoutS: 0 };
    const resolved = await withMigrationSession(requireDatabase(settings), session, ({ conn }) =>
      resolveStatement(conn, {
        dir,
        version,
        applied: args.applied === true,
        operatorVersion: `stats-db v${TOOL_VERSION}`,
        revisionsSchema: revisionsLocation({ args, settings }, conn.target.schema).revisionsSchema,
      }),
    );
    out(
      `statement ${resolved.statement} of version ${version} recorded as ${args.applied ? "applied" : "not applied (the next apply runs it)"}: ${resolved.text}\n`,
    );
  },
});
