/**
 * `stats-db schema diff --from SRC --to SRC`: the SQL that turns FROM into TO.
 */
import { defineCommand } from "citty";
import { formatMigrationFile } from "../../migrate/name.ts";
import { plan } from "../../mysql/plan.ts";
import { diff } from "../../schema/diff.ts";
import { UsageError } from "../errors.ts";
import { flavorArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../settings.ts";
import { loadSource } from "../sources.ts";

/** Atlas's message when the two states are equal. */
export const SCHEMAS_SYNCED = "Schemas are synced, no changes to be made.";

export default defineCommand({
  meta: { name: "diff", description: "print the SQL that turns one schema source into another" },
  args: {
    ...globalArgs,
    ...flavorArg,
    from: { type: "string", description: "current state: file://<dir>, file://<file>.sql, file://entities" },
    to: { type: "string", description: "desired state (default: the env's src)" },
    "dev-url": { type: "string", description: "dev database URL (its scheme picks the flavour)" },
  },
  async run({ args }) {
    const settings = resolveSettings(args);
    const to = args.to ?? settings.src[0];
    if (!args.from || !to) throw new UsageError("schema diff needs --from and --to (or an env with src)");
    const from = await loadSource(args.from, settings.flavor);
    const desired = await loadSource(to, settings.flavor);
    const changes = diff(from, desired);
    process.stdout.write(changes.length ? formatMigrationFile(plan(changes, settings.flavor, { current: from })) : SCHEMAS_SYNCED + "\n");
  },
});
