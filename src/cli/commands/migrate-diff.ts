/**
 * `stats-db migrate diff [name]` (alias `stats-db diff`): the next migration file from the desired state (entities by
 * default) vs. the migration directory replayed in memory, or on the clean database `--dev-url` names.
 */
import { defineCommand } from "citty";
import { writeMigration } from "../../migrate/write.ts";
import { plannedFile } from "../../migrate/planned-file.ts";
import { dirArg, flavorArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../settings.ts";
import { loadSource, openDir, replayDirWith } from "../sources.ts";
import { ReportedError } from "../errors.ts";

/** Atlas's message when there is nothing to write. */
export const SYNCED = "The migration directory is synced with the desired state, no changes to be made";

export default defineCommand({
  meta: { name: "diff", description: "write the next migration file: desired state (entities) vs. the migration directory" },
  args: {
    name: { type: "positional", required: false, description: "migration name, e.g. add_referrer_host" },
    ...globalArgs,
    ...dirArg,
    ...flavorArg,
    to: { type: "string", description: "desired state (default: the env's src, else file://entities)" },
    "dev-url": { type: "string", description: "clean dev database to replay the directory on (default: in memory)" },
    "dry-run": { type: "boolean", description: "print the file instead of writing it" },
    check: { type: "boolean", description: "write nothing; exit 1 when the directory is not in sync with the desired state" },
  },
  async run({ args }) {
    const settings = resolveSettings(args);
    const dir = openDir(settings.dir);
    const dev = settings.devUrl ? { devUrl: settings.devUrl } : {};
    const current = await replayDirWith(dir, settings.flavor, dev);
    const to = args.to ?? settings.src[0] ?? "file://entities";
    const desired = await loadSource(to, settings.flavor, dev);
    const file = plannedFile(current, desired, settings.flavor, new Date(), args.name);
    if (!file) {
      process.stdout.write(SYNCED + "\n");
      return;
    }
    if (args["dry-run"] || args.check) {
      process.stdout.write(`-- ${file.name}\n${file.text}`);
      if (args.check) {
        process.stderr.write(`Error: the migration directory is not in sync with ${to}: run 'stats-db migrate diff <name>'\n`);
        throw new ReportedError("out of sync");
      }
      return;
    }
    writeMigration(dir, file);
    process.stderr.write(`Wrote ${file.name} (${file.statements} statement${file.statements === 1 ? "" : "s"}) and updated atlas.sum\n`);
  },
});
