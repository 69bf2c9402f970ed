/**
 * `stats-db migrate hash`: rewrites atlas.sum from the directory's files (after a hand edit). Prints nothing.
 */
import { defineCommand } from "citty";
import { rehash } from "../../migrate/dir/write.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { openDir } from "../../project/open-dir.ts";

export default defineCommand({
  meta: { name: "hash", description: "rewrite atlas.sum from the migration files" },
  args: {
    ...globalArgs,
    ...dirArg,
    force: { type: "boolean", description: "accepted for Atlas compatibility (deprecated there)" },
  },
  run({ args }) {
    rehash(openDir(resolveSettings(args).dir));
  },
});
