/**
 * `stats-db migrate validate`: checks atlas.sum and that every file replays (parses and applies) without a database.
 */
import { defineCommand } from "citty";
import { dirArg, flavorArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { replayDir } from "../../project/replay-dir.ts";
import { openDir } from "../../project/open-dir.ts";

export default defineCommand({
  meta: { name: "validate", description: "verify atlas.sum and replay the migration directory in memory" },
  args: { ...globalArgs, ...dirArg, ...flavorArg },
  run({ args }) {
    const settings = resolveSettings(args);
    replayDir(openDir(settings.dir), settings.flavor);
  },
});
