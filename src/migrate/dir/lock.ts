/**
 * The write lock of a migration directory on disk, held by `diff` from reading the directory to writing atlas.sum so
 * concurrent runs cannot interleave: a lock file created exclusively (`wx`) holding the owner's pid, removed after.
 * A lock whose process is gone is taken over; a live one is waited for, up to a timeout.
 */
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import process from "node:process";
import { DirLockedError } from "./errors.ts";

/** The lock file's name inside the directory (not `*.sql`: no migration reader sees it). */
export const DIR_LOCK_FILE = ".stats-db-diff.lock";

const POLL_MS = 100;

function code(e: unknown): unknown {
  return typeof e === "object" && e !== null && "code" in e ? e.code : undefined;
}

// The pid in a lock file; undefined while its owner is still writing it (or it is gone).
function holderOf(file: string): number | undefined {
  try {
    const pid = Number(readFileSync(file, "utf8").trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a process with this pid runs (signal 0 checks without signalling; EPERM means it runs as another user). */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return code(e) !== "ESRCH";
  }
}

/**
 * Takes the lock of the directory at `path` (which must exist), waiting up to `timeoutMs` for a live holder; returns
 * the release function. Throws DirLockedError when the holder outlives the wait.
 */
export async function lockLocalDir(path: string, timeoutMs: number): Promise<() => void> {
  const file = join(path, DIR_LOCK_FILE);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      writeFileSync(file, `${process.pid}\n`, { flag: "wx", mode: 0o644 });
      return () => rmSync(file, { force: true });
    } catch (e) {
      if (code(e) !== "EEXIST") throw e;
    }
    const holder = holderOf(file);
    // A dead holder's lock is removed only if it is still that holder's (another run may have taken it over already).
    if (holder !== undefined && !processAlive(holder) && holderOf(file) === holder) {
      rmSync(file, { force: true });
      continue;
    }
    if (Date.now() >= deadline) throw new DirLockedError(file, holder);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}
