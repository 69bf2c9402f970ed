/**
 * `stats-db version`: the tool version; in the compiled binary also the latest embedded migration version and the
 * embedded directory's hash (the total `atlas.sum` starts with), after verifying that directory against its atlas.sum.
 */
import { defineCommand } from "citty";
import { dirInfo, type EmbeddedInfo, isCompiledBinary, openEmbeddedDir } from "../../project/embedded-dir.ts";
import { TOOL_VERSION } from "../../project/version.ts";

/** The lines `version` prints about an embedded directory. */
export function embeddedLines(info: EmbeddedInfo): string {
  const count = `${info.files} file${info.files === 1 ? "" : "s"}`;
  return `migrations: ${info.latest ?? "none"} (latest of ${count} embedded)\nmigrations hash: ${info.hash}\n`;
}

export default defineCommand({
  meta: { name: "version", description: "print the stats-db version (and, in the binary, the embedded migrations)" },
  args: {},
  run() {
    process.stdout.write(`stats-db version ${TOOL_VERSION}\n`);
    if (isCompiledBinary()) process.stdout.write(embeddedLines(dirInfo(openEmbeddedDir())));
  },
});
