/** Runs the CLI from source as a user would, in a given working directory. */
import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { fullLaneOnly } from "../support/lane.ts";

export const repoRoot = join(import.meta.dir, "..", "..");
const main = join(repoRoot, "src", "cli", "main.ts");

/** Result of one CLI run. */
export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `stats-db <args>` with Bun from source. */
export function cli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  fullLaneOnly("running the CLI as a subprocess");
  const r = spawnSync(process.execPath, [main, ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
