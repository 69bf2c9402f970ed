/**
 * `stats-db migrate log`: the run log beside the revisions table — every `migrate apply`, `migrate down`, `schema
 * apply` and `schema clean` that changed this database: who, from where, with which tool, the plan's hash, when, how it
 * ended, how many statements ran, the first error. Read-only.
 */
import { defineCommand } from "citty";
import { RunLog } from "../../migrate/run-log.ts";
import { openDatabase } from "../../project/connect.ts";
import { resolveSettings } from "../../project/settings.ts";
import { requireDatabase } from "../connect.ts";
import { isJsonFormat, migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { globalArgs } from "../options.ts";
import { out } from "../output.ts";
import { runLogJson, runLogText } from "../report/run-log.ts";

export default defineCommand({
  meta: { name: "log", description: "show the runs that changed the database (who, when, what, how it ended)" },
  args: { ...globalArgs, ...migrateDbArgs },
  async run({ args }) {
    const json = isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const { conn } = await openDatabase(requireDatabase(settings));
    try {
      const schema = revisionsLocation({ args, settings }, conn.target.schema).revisionsSchema;
      const log = new RunLog(conn, schema);
      const runs = (await log.exists()) ? await log.readAll() : [];
      out(json ? JSON.stringify(runLogJson(runs)) + "\n" : runLogText(runs, schema));
    } finally {
      await conn.close();
    }
  },
});
