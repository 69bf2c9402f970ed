/** Runs the CLI from source under Deno (`deno run -A src/cli/main.ts …`), Deno coming from the npm `deno` package. */
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { type CliResult, repoRoot } from "../cli/run-cli.ts";
import { fullLaneOnly } from "../support/lane.ts";

/** The Deno executable installed by the `deno` devDependency (the platform package's binary, else the npm shim). */
export function denoPath(): string {
  const platform = join(
    repoRoot,
    "node_modules",
    "@deno",
    `${process.platform}-${process.arch}${process.platform === "linux" ? "-glibc" : ""}`,
    "deno",
  );
  return existsSync(platform) ? platform : join(repoRoot, "node_modules", ".bin", "deno");
}

/** Runs `deno run -A src/cli/main.ts <args>` in `cwd` (default: the repository root). */
export function denoCli(args: string[], opts: { cwd?: string; env?: Record<string, string> } = {}): CliResult {
  fullLaneOnly("running the CLI under Deno");
  const r = spawnSync(denoPath(), ["run", "-A", join(repoRoot, "src", "cli", "main.ts"), ...args], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", DENO_NO_UPDATE_CHECK: "1", ...opts.env },
    encoding: "utf8",
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
