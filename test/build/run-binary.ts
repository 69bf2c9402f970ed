/** Runs the compiled binary as ops would: copied into an empty directory, started with `env -i` (no Bun, no Node). */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** Result of one binary run. */
export interface BinResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Copies the binary into a fresh empty directory; returns that directory and the copy's path. */
export function isolatedCopy(exe: string): { dir: string; exe: string } {
  const dir = mkdtempSync(join(tmpdir(), "stats-db-bin-"));
  copyFileSync(exe, join(dir, "stats-db"));
  return { dir, exe: join(dir, "stats-db") };
}

/** Runs `./stats-db <args>` in `cwd` under `env -i` with only the given variables. */
export function runIsolated(
  exe: string,
  args: string[],
  opts: { cwd: string; env?: Record<string, string> },
): BinResult {
  const vars = Object.entries(opts.env ?? {}).map(([k, v]) => `${k}=${v}`);
  const r = spawnSync("/usr/bin/env", ["-i", ...vars, exe, ...args], { cwd: opts.cwd, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}
