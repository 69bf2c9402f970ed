/**
 * Runs the CLI from source on a pseudo-terminal (util-linux `script`), types keys once a prompt shows, and returns the
 * exit code and everything the terminal showed (stdout and stderr, as the operator sees them).
 */
import { spawn } from "node:child_process";
import { join } from "node:path";
import { repoRoot } from "./run-cli.ts";

const main = join(repoRoot, "src", "cli", "main.ts");

/** Result of one run on a terminal. */
export interface PtyResult {
  readonly code: number;
  /** What the terminal showed (CR LF line ends, the echo of what was typed included). */
  readonly output: string;
}

/** What to type and when. */
export interface PtyInput {
  /** Typed once the output matches `after` (the prompt); all at once, as a terminal delivers a paste. */
  readonly keys: string;
  /** The prompt to wait for. */
  readonly after: RegExp;
  /** Close the terminal's input after typing (end of input). */
  readonly closeInput?: boolean;
}

const quote = (s: string): string => `'${s.replace(/'/g, `'\\''`)}'`;

/**
 * Runs `stats-db <args>` on a pty (from source, or the executable `opts.exe`); types each input's keys once its prompt
 * shows (in order, each prompt looked for after the previous one); gives up (code -1) after `timeoutMs`.
 */
export function runOnPty(
  args: readonly string[],
  input: PtyInput | readonly PtyInput[] | undefined,
  opts: { cwd?: string; env?: Record<string, string>; timeoutMs?: number; exe?: string } = {},
): Promise<PtyResult> {
  const command = [...(opts.exe ? [opts.exe] : [process.execPath, main]), ...args].map(quote).join(" ");
  const child = spawn("script", ["-qec", command, "/dev/null"], {
    cwd: opts.cwd ?? repoRoot,
    env: { ...process.env, NO_COLOR: "1", ...opts.env },
    stdio: ["pipe", "pipe", "pipe"],
  });
  const steps: PtyInput[] = input === undefined ? [] : Array.isArray(input) ? [...input] : [input as PtyInput];
  let output = "";
  let seen = 0;
  const onOutput = (d: Buffer): void => {
    output += d.toString("utf8");
    const step = steps[0];
    if (step?.after.test(output.slice(seen))) {
      steps.shift();
      seen = output.length;
      child.stdin.write(step.keys);
      if (step.closeInput) child.stdin.end();
    }
  };
  child.stdout.on("data", onOutput);
  child.stderr.on("data", onOutput);
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 20_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      child.stdin.destroy();
      resolve({ code: code ?? -1, output });
    });
  });
}
