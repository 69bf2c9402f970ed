/**
 * `stats-db migrate status`: where the database stands against the migration directory (Atlas's report, plus a line
 * per problem). Exit 0 when up to date or only pending, 1 when it reports a problem.
 */
import { defineCommand } from "citty";
import { forEachTarget, targetArgs } from "../targets/for-each-target.ts";
import { migrateStatus, statusHasProblems } from "../../migrate/status.ts";
import { formatStatusText, statusJson } from "../report/status.ts";
import { openDatabase } from "../../project/connect.ts";
import { requireDatabase } from "../connect.ts";
import { isJsonFormat, migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { ReportedError } from "../errors.ts";
import { out } from "../output.ts";
import { openDir } from "../../project/open-dir.ts";

export default defineCommand({
  meta: { name: "status", description: "show applied and pending migration files of a database" },
  args: { ...globalArgs, ...targetArgs, ...dirArg, ...migrateDbArgs },
  run: forEachTarget({ name: "migrate status", changes: false }, async ({ args }) => {
    const json = isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const dir = openDir(settings.dir);
    const { conn } = await openDatabase(requireDatabase(settings));
    try {
      const schema = revisionsLocation({ args, settings }, conn.target.schema).revisionsSchema;
      const report = await migrateStatus(conn, dir, schema);
      out(json ? JSON.stringify(statusJson(report)) + "\n" : formatStatusText(report));
      if (statusHasProblems(report)) throw new ReportedError("migrate status found problems");
    } finally {
      await conn.close();
    }
  }),
});
