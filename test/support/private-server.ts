/**
 * One private MariaDB on a temp data directory and a free port: install, start, wait until ready, stop, kill.
 * A detached watcher shell stops the server and removes the directory when this process ends, however it ends
 * (bun test runs no `process.on("exit")` handlers, and a killed runner runs nothing at all).
 */
import { type ChildProcess, execFile, spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { fullLaneOnly } from "./lane.ts";
import type { ServerBinaries } from "./server-binaries.ts";

/** Thrown when the private server cannot be installed or does not come up; carries the tail of its error log. */
export class ServerStartError extends Error {
  /** The last lines of the server's error log (or the installer's output). */
  readonly logTail: string;

  constructor(message: string, logTail: string, cause?: unknown) {
    super(`${message}\n--- last lines of the log ---\n${logTail}`, { cause });
    this.name = "ServerStartError";
    this.logTail = logTail;
  }
}

const READY_TIMEOUT_MS = 30_000;
const STOP_TIMEOUT_MS = 30_000;

// Fast start and small footprint: a throwaway server needs neither durability nor a binary log.
const SERVER_FLAGS = [
  "--bind-address=127.0.0.1",
  "--character-set-server=utf8mb4",
  "--collation-server=utf8mb4_general_ci",
  "--innodb-buffer-pool-size=64M",
  "--innodb-log-file-size=16M",
  "--innodb-flush-log-at-trx-commit=0",
  "--skip-log-bin",
  "--sync-binlog=0",
  "--skip-name-resolve",
  "--max-connections=200",
];

// On EOF of stdin (this process is gone): SIGTERM the server named in the pid file, wait, remove the directory.
const WATCHER_SCRIPT = `read _
pidfile="$1/mariadbd.pid"
pid=$(cat "$pidfile" 2>/dev/null || true)
if [ -n "$pid" ]; then
  kill -TERM "$pid" 2>/dev/null || true
  i=0
  while [ -f "$pidfile" ] && kill -0 "$pid" 2>/dev/null && [ "$i" -lt 300 ]; do sleep 0.1; i=$((i+1)); done
fi
rm -rf "$1"`;

/** A running (or stopped) private MariaDB; the data directory survives stop, kill and restart. */
export class PrivateServer {
  /** Base URL, no database: `mysql://root@127.0.0.1:<port>`. */
  readonly url: string;
  private child: ChildProcess | undefined;
  private exited: Promise<void> = Promise.resolve();

  private constructor(
    private readonly binaries: ServerBinaries,
    /** The temp directory holding `data/`, the socket, the pid file and `error.log`. */
    readonly dir: string,
    /** The TCP port on 127.0.0.1, kept across restarts. */
    readonly port: number,
  ) {
    this.url = `mysql://root@127.0.0.1:${port}`;
  }

  /** Installs a fresh data directory in a new temp dir, starts the server and waits until it accepts connections. */
  static async create(binaries: ServerBinaries): Promise<PrivateServer> {
    fullLaneOnly("a private MariaDB server");
    const dir = mkdtempSync(join(tmpdir(), "stats-db-mariadb-"));
    startWatcher(dir);
    await installDataDir(binaries.installDb, dir);
    mkdirSync(join(dir, "tmp"));
    const server = new PrivateServer(binaries, dir, await freePort());
    await server.start();
    return server;
  }

  /** True while the server process is alive. */
  get running(): boolean {
    return this.child !== undefined;
  }

  /** Starts the server on the existing data directory (after stop or kill) and waits until it is ready. */
  async start(): Promise<void> {
    if (this.child !== undefined) return;
    const child = spawn(this.binaries.server, this.serverArgs(), { stdio: "ignore", detached: true });
    child.unref();
    this.child = child;
    this.exited = new Promise((resolve) => {
      child.once("exit", () => {
        if (this.child === child) this.child = undefined;
        resolve();
      });
      child.once("error", () => {
        if (this.child === child) this.child = undefined;
        resolve();
      });
    });
    await this.waitUntilReady(child);
  }

  /** Stops the server gracefully (SIGTERM, then waits; SIGKILL if it hangs). */
  async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill("SIGTERM");
    let timer: ReturnType<typeof setTimeout> | undefined;
    const hung = new Promise<boolean>((resolve) => {
      timer = setTimeout(() => resolve(true), STOP_TIMEOUT_MS);
    });
    const timedOut = await Promise.race([this.exited.then(() => false), hung]);
    clearTimeout(timer);
    if (timedOut) await this.kill();
  }

  /** Kills the server with SIGKILL (a crash, for fault tests) and waits for it to be gone. */
  async kill(): Promise<void> {
    const child = this.child;
    if (child === undefined) return;
    child.kill("SIGKILL");
    await this.exited;
    // A stale pid file would make the exit watcher signal whatever process reuses that pid.
    rmSync(this.pidFile, { force: true });
  }

  private get pidFile(): string {
    return join(this.dir, "mariadbd.pid");
  }

  private get errorLog(): string {
    return join(this.dir, "error.log");
  }

  private serverArgs(): string[] {
    const args = ["--no-defaults", `--datadir=${join(this.dir, "data")}`, `--socket=${join(this.dir, "sock")}`];
    args.push(`--port=${this.port}`, `--pid-file=${this.pidFile}`, `--log-error=${this.errorLog}`, ...SERVER_FLAGS);
    // Its own temp directory: a cleaner of the shared /tmp deleting a query's temp table crashes the server.
    args.push(`--tmpdir=${join(this.dir, "tmp")}`);
    return [...args, ...userFlag()];
  }

  private async waitUntilReady(child: ChildProcess): Promise<void> {
    const deadline = Date.now() + READY_TIMEOUT_MS;
    let lastError: unknown;
    while (Date.now() < deadline) {
      if (this.child !== child) {
        throw new ServerStartError(`mariadbd exited while starting (port ${this.port})`, tail(this.errorLog));
      }
      try {
        const conn = await createConnection({ uri: this.url, connectTimeout: 1000 });
        await conn.query("SELECT 1");
        await conn.end();
        return;
      } catch (error) {
        lastError = error;
        await sleep(100);
      }
    }
    await this.kill();
    throw new ServerStartError(
      `mariadbd did not accept connections within ${READY_TIMEOUT_MS} ms`,
      tail(this.errorLog),
      lastError,
    );
  }
}

function userFlag(): string[] {
  // mariadbd refuses to run as root unless told to; as anyone else it runs as that user without the flag.
  return process.getuid?.() === 0 ? ["--user=root"] : [];
}

function installDataDir(installDb: string, dir: string): Promise<void> {
  const args = ["--no-defaults", "--auth-root-authentication-method=normal", `--datadir=${join(dir, "data")}`];
  args.push("--skip-test-db", "--skip-name-resolve", ...userFlag());
  return new Promise((resolve, reject) => {
    execFile(installDb, args, { maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) => {
      if (error === null) resolve();
      else reject(new ServerStartError(`${installDb} failed`, lastLines(`${stdout}\n${stderr}`), error));
    });
  });
}

// The watchers, held for the life of the process so nothing closes their pipes before it ends.
const watchers = new Set<ChildProcess>();

function startWatcher(dir: string): void {
  // A direct child: bun test kills the processes a timed-out test spawned, which is why mariadb.ts starts the server
  // while a test file loads. (A grandchild would survive that, but bun closes a child's stdin pipe when it exits.)
  const watcher = spawn("sh", ["-c", WATCHER_SCRIPT, "stats-db-watcher", dir], {
    stdio: ["pipe", "ignore", "ignore"],
    detached: true,
  });
  watcher.unref();
  watchers.add(watcher);
  // The pipe must not keep the test runner alive: its closing at exit is the watcher's signal.
  (watcher.stdin as unknown as { unref?: () => void } | null)?.unref?.();
}

/** Asks the kernel for a free TCP port on 127.0.0.1. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

function tail(path: string): string {
  return existsSync(path) ? lastLines(readFileSync(path, "utf8")) : `(no log at ${path})`;
}

function lastLines(text: string, count = 30): string {
  return text.trimEnd().split("\n").slice(-count).join("\n");
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
