/**
 * `stats-db migrate drift`: compares the live schema with the migration directory replayed at the version the
 * database's revisions say is applied (on `--dev-url` instead of in memory when given) and lists the differences.
 * Exit 0 when there are none, 1 on drift: a check to schedule. Read-only: it takes no lock and writes nothing.
 */
import { defineCommand } from "citty";
import { forEachTarget, targetArgs } from "../targets/for-each-target.ts";
import { migrateDrift } from "../../migrate/drift.ts";
import { boundSchema } from "../../project/live-source.ts";
import { directoryReplay } from "../../project/replay-dir.ts";
import { openDatabase } from "../../project/connect.ts";
import { resolveSettings } from "../../project/settings.ts";
import { verifyDir } from "../../project/sources.ts";
import { openDir } from "../../project/open-dir.ts";
import { requireDatabase } from "../connect.ts";
import { ReportedError } from "../errors.ts";
import { isJsonFormat, migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { dirArg, globalArgs } from "../options.ts";
import { out } from "../output.ts";
import { driftJson, driftText } from "../report/drift.ts";

export default defineCommand({
  meta: {
    name: "drift",
    description: "compare the database with the migration directory at its applied version (exit 1 on drift)",
  },
  args: {
    ...globalArgs,
    ...targetArgs,
    ...dirArg,
    ...migrateDbArgs,
    "dev-url": { type: "string", description: "clean dev database to replay the directory on (default: in memory)" },
  },
  run: forEachTarget({ name: "migrate drift", changes: false }, async ({ args }) => {
    const json = isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const dir = openDir(settings.dir);
    verifyDir(dir);
    const database = requireDatabase(settings);
    const schema = boundSchema(database);
    const replay = directoryReplay(settings.devUrl);
    const { conn } = await openDatabase(database);
    try {
      const report = await migrateDrift(conn, {
        schema,
        files: dir.files(),
        ...revisionsLocation({ args, settings }, schema),
        replay,
      });
      out(json ? JSON.stringify(driftJson(report)) + "\n" : driftText(report));
      if (report.differences.length > 0) throw new ReportedError("drift found");
    } finally {
      await conn.close();
    }
  }),
});
