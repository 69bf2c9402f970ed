/**
 * `stats-db version`: the tool version.
 */
import { defineCommand } from "citty";
import { TOOL_VERSION } from "../version.ts";

export default defineCommand({
  meta: { name: "version", description: "print the stats-db version" },
  args: {},
  run() {
    process.stdout.write(`stats-db version ${TOOL_VERSION}\n`);
  },
});
