/**
 * `stats-db migrate diff [name]` (alias `stats-db diff`): the next migration file from the desired state (entities by
 * default) vs. the migration directory replayed in memory, or on the clean database `--dev-url` names. Writing holds
 * the directory's lock from reading it to writing atlas.sum, and the new version is always after the latest.
 */
import { defineCommand } from "citty";
import { compareNames } from "../../migrate/bytestring.ts";
import { latestVersion, type MigrationDir, type MigrationFile } from "../../migrate/dir.ts";
import { checkMigrationName } from "../../migrate/dir/name.ts";
import { writeMigration } from "../../migrate/dir/write.ts";
import { storeReplay } from "../../project/replay-cache.ts";
import type { PlannedFile } from "../../migrate/planned-file.ts";
import { diff } from "../../schema/diff.ts";
import { lockTimeoutMs } from "../lock-timeout.ts";
import { dirArg, flavorArg, globalArgs } from "../options.ts";
import { resolveSettings, type Settings } from "../../project/settings.ts";
import { loadDesired, replayDirWith, withDirWriteLock } from "../../project/sources.ts";
import { openDir } from "../../project/open-dir.ts";
import { ReportedError } from "../errors.ts";

/** Atlas's message when there is nothing to write. */
export const SYNCED = "The migration directory is synced with the desired state, no changes to be made";

// The file that turns the directory's state into the desired one (undefined when in sync).
async function planNext(
  settings: Settings,
  to: string,
  name: string | undefined,
): Promise<{ file: PlannedFile | undefined; write: (f: PlannedFile) => void }> {
  const dir = openDir(settings.dir, { mayCreate: true });
  // Each file is read and decoded once: the replay and the next version's number share the list.
  const files = dir.files();
  const dev = settings.devUrl ? { devUrl: settings.devUrl } : {};
  const current = await replayDirWith({ ...dir, files: () => files }, settings.flavor, dev);
  const desired = await loadDesired(to, settings.flavor, dev);
  const changes = diff(current, desired);
  // The planner and the replay that checks its file load only when there is something to write.
  const file =
    changes.length === 0
      ? undefined
      : (await import("../../migrate/planned-file.ts")).fileForChanges(
          changes,
          current,
          desired,
          settings.flavor,
          new Date(),
          name,
          latestVersion(files),
        );
  return { file, write: (f) => written(dir, files, f, settings) };
}

/**
 * Writes the file, then stores what the directory now replays to (the files replayed before and the new one, as
 * written, not read again): the check's replay of the file onto the directory's, so the next command reads it from
 * the cache. Only after an in-memory replay (a dev database's inspected state may differ from it in detail) and when
 * the file is the last in replay order.
 */
function written(dir: MigrationDir, before: readonly MigrationFile[], file: PlannedFile, settings: Settings): void {
  writeMigration(dir, file);
  const last = before.at(-1);
  if (settings.devUrl || (last !== undefined && compareNames(last.name, file.name) >= 0)) return;
  const added = { name: file.name, bytes: new TextEncoder().encode(file.text) };
  storeReplay([...before, added], settings.flavor, file.after);
}

export default defineCommand({
  meta: {
    name: "diff",
    description: "write the next migration file: desired state (entities) vs. the migration directory",
  },
  args: {
    name: {
      type: "positional",
      required: false,
      description: "migration name: letters, digits, _ and - (e.g. add_referrer_host)",
    },
    ...globalArgs,
    ...dirArg,
    ...flavorArg,
    to: { type: "string", description: "desired state (default: the env's src, else file://entities)" },
    "dev-url": { type: "string", description: "clean dev database to replay the directory on (default: in memory)" },
    "dry-run": { type: "boolean", description: "print the file instead of writing it" },
    check: {
      type: "boolean",
      description: "write nothing; exit 1 when the directory is not in sync with the desired state",
    },
    "lock-timeout": {
      type: "string",
      description: "how long to wait for another diff writing to the directory (default 10s)",
    },
  },
  async run({ args }) {
    const name = args.name === undefined ? undefined : checkMigrationName(args.name);
    const settings = resolveSettings(args);
    const to = args.to ?? settings.src[0] ?? "file://entities";
    if (args["dry-run"] || args.check) {
      const { file } = await planNext(settings, to, name);
      if (!file) return void process.stdout.write(SYNCED + "\n");
      process.stdout.write(`-- ${file.name}\n${file.text}`);
      if (args.check) {
        process.stderr.write(
          `Error: the migration directory is not in sync with ${to}: run 'stats-db migrate diff <name>'\n`,
        );
        throw new ReportedError("out of sync");
      }
      return;
    }
    await withDirWriteLock(settings.dir, lockTimeoutMs(args["lock-timeout"], undefined), async () => {
      const { file, write } = await planNext(settings, to, name);
      if (!file) return void process.stdout.write(SYNCED + "\n");
      write(file);
      process.stderr.write(
        `Wrote ${file.name} (${file.statements} statement${file.statements === 1 ? "" : "s"}) and updated atlas.sum\n`,
      );
    });
  },
});
