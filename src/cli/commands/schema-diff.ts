/**
 * `stats-db schema diff --from SRC --to SRC [--exit-code]`: the SQL that turns FROM into TO. Either side may be a live
 * database (`mysql://…`, `maria://…`): its server's flavour then plans the statements. With `--exit-code` a
 * difference exits 1 (drift checks in scripts), as `git diff --exit-code`.
 */
import { defineCommand } from "citty";
import { formatMigrationFile } from "../../migrate/dir/name.ts";
import { plan } from "../../mysql/plan.ts";
import { withoutCounters } from "../../schema/counters.ts";
import { diff } from "../../schema/diff.ts";
import { unmanagedLines } from "../../schema/unmanaged.ts";
import { ReportedError, UsageError } from "../errors.ts";
import { flavorArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { inspectUrl, isLiveUrl, withConnection } from "../../project/live-source.ts";
import { databaseTarget } from "../../project/connect.ts";
import { loadSource } from "../../project/sources.ts";
import { databaseSide, dirSide, withHistoryRenames } from "../../project/history-renames.ts";

/** Atlas's message when the two states are equal. */
export const SCHEMAS_SYNCED = "Schemas are synced, no changes to be made.";

export default defineCommand({
  meta: { name: "diff", description: "print the SQL that turns one schema source into another" },
  args: {
    ...globalArgs,
    ...flavorArg,
    from: {
      type: "string",
      description: "current state: a database URL, file://<dir>, file://<file>.sql, file://entities",
    },
    to: { type: "string", description: "desired state (default: the env's src)" },
    "dev-url": {
      type: "string",
      description: "clean dev database to replay directories and .sql files on (default: in memory)",
    },
    "exit-code": { type: "boolean", description: "exit 1 when there are changes (0 when synced)" },
  },
  async run({ args }) {
    const settings = resolveSettings(args);
    const to = args.to ?? settings.src[0];
    if (!args.from || !to) throw new UsageError("schema diff needs --from and --to (or an env with src)");
    const fromLive = isLiveUrl(args.from) ? await inspectUrl(args.from) : undefined;
    const toLive = isLiveUrl(to) ? await inspectUrl(to) : undefined;
    const flavor = args.flavor ? settings.flavor : ((fromLive ?? toLive)?.flavor ?? settings.flavor);
    const dev = settings.devUrl ? { devUrl: settings.devUrl } : {};
    const from = fromLive?.schema ?? (await loadSource(args.from, flavor, dev));
    const loaded = toLive ? withoutCounters(toLive.schema) : await loadSource(to, flavor, dev);
    // A database's side is read only when the other side is a migration directory.
    const revisions = settings.project?.migration.revisionsSchema;
    const liveSide = (src: string) =>
      withConnection(databaseTarget(src), (conn, schema) => databaseSide(conn, schema, revisions));
    const [fromDir, toDir] = [dirSide(args.from), dirSide(to)];
    const fromSide = fromDir ?? (fromLive && toDir ? await liveSide(args.from) : undefined);
    const toSide = toDir ?? (toLive && fromDir ? await liveSide(to) : undefined);
    const desired = withHistoryRenames(fromSide, from, toSide, loaded, flavor);
    const changes = diff(from, desired);
    // On stderr, so stdout stays the SQL (or Atlas's synced line): what neither the diff nor the plan can see.
    for (const line of unmanagedLines(from, desired)) process.stderr.write(`${line}\n`);
    process.stdout.write(
      changes.length ? formatMigrationFile(plan(changes, flavor, { current: from })) : SCHEMAS_SYNCED + "\n",
    );
    if (changes.length && args["exit-code"]) {
      process.stderr.write(
        `Error: the schemas differ: ${changes.length} change${changes.length === 1 ? "" : "s"} (the statements above)\n`,
      );
      throw new ReportedError("schemas differ");
    }
  },
});
