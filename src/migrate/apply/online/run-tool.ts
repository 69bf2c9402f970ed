/**
 * Runs an online tool for one job as a child process: the password goes into an option file of mode 0600 in a private
 * temporary directory (removed afterwards), never onto the command line; every output line is read as it comes
 * (progress or plain output); the run can be stopped (SIGTERM to the tool).
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { OnlineCredentials, OnlineJob, OnlineTool, OnlineToolEvent } from "./tool.ts";

/** How a tool run ended: its exit code, or the signal that stopped it; the last lines of its output. */
export interface ToolExit {
  readonly code: number | null;
  readonly signal: string | null;
  readonly tail: readonly string[];
}

/** A running tool: stop it, or wait for it to end. */
export interface ToolRun {
  readonly pid: number | undefined;
  stop(): void;
  readonly done: Promise<ToolExit>;
}

// Shell quoting for display (single quotes; safe words stay bare).
function shellQuote(arg: string): string {
  return /^[\w@%+=:,./-]+$/.test(arg) ? arg : `'${arg.replaceAll("'", `'\\''`)}'`;
}

/** The command line as a dry run prints it; the option file, when there is a password, is shown by what it is. */
export function displayCommand(tool: OnlineTool, job: OnlineJob, credentials: OnlineCredentials): string {
  const file = credentials.password !== undefined ? "<option file, mode 0600, with the password>" : undefined;
  return [tool.program, ...tool.args(job, credentials, file)]
    .map((a) => (a.startsWith("--defaults-file=<") ? a : shellQuote(a)))
    .join(" ");
}

function optionFile(dir: string, password: string): string {
  const path = join(dir, "client.cnf");
  // Option-file values may be quoted; a quote or backslash inside is escaped with a backslash.
  writeFileSync(path, `[client]\npassword="${password.replace(/[\\"]/g, (c) => `\\${c}`)}"\n`, { mode: 0o600 });
  return path;
}

const TAIL = 20;

/** Starts the tool for `job`; `onEvent` receives each line of its output, read. */
export function startTool(
  tool: OnlineTool,
  job: OnlineJob,
  credentials: OnlineCredentials,
  onEvent: (e: OnlineToolEvent) => void,
): ToolRun {
  const dir = credentials.password !== undefined ? mkdtempSync(join(tmpdir(), "stats-db-online-")) : undefined;
  const file = dir !== undefined ? optionFile(dir, credentials.password!) : undefined;
  // Its own process group: a Ctrl-C at the terminal reaches stats-db, which decides whether to stop the tool.
  const child = spawn(tool.program, tool.args(job, credentials, file), {
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  const tail: string[] = [];
  const reader = () => {
    let rest = "";
    return (chunk: Buffer) => {
      const lines = (rest + chunk.toString("utf8")).split(/\r?\n/);
      rest = lines.pop() ?? "";
      for (const line of lines) {
        if (line.trim() === "") continue;
        tail.push(line);
        if (tail.length > TAIL) tail.shift();
        onEvent(tool.readLine(job, line));
      }
    };
  };
  child.stdout.on("data", reader());
  child.stderr.on("data", reader());
  const done = new Promise<ToolExit>((resolve) => {
    child.on("error", (e) => tail.push(e.message));
    child.on("close", (code, signal) => {
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      resolve({ code, signal, tail });
    });
  });
  return { pid: child.pid, stop: () => child.kill("SIGTERM"), done };
}
