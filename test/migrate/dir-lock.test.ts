import { afterAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DirLockedError } from "../../src/migrate/dir/errors.ts";
import { DIR_LOCK_FILE, lockLocalDir, processAlive } from "../../src/migrate/dir/lock.ts";

// The pid of a process that has exited (pids are not reused within a test's lifetime on Linux in practice).
function deadPid(): number {
  const r = spawnSync("sh", ["-c", "echo $$"], { encoding: "utf8" });
  return Number(r.stdout.trim());
}

describe("the directory lock", () => {
  const root = mkdtempSync(join(tmpdir(), "stats-db-dir-lock-"));
  afterAll(() => rmSync(root, { recursive: true, force: true }));
  const file = join(root, DIR_LOCK_FILE);

  test("holds the owner's pid and is removed on release", async () => {
    const release = await lockLocalDir(root, 0);
    expect(readFileSync(file, "utf8")).toBe(`${process.pid}\n`);
    release();
    expect(existsSync(file)).toBe(false);
  });

  test("a live holder is waited for, then refused in one line naming the lock file and the pid", async () => {
    const release = await lockLocalDir(root, 0);
    const started = Date.now();
    const err = await lockLocalDir(root, 300).catch((e: unknown) => e);
    expect(Date.now() - started).toBeGreaterThanOrEqual(300);
    expect(err).toBeInstanceOf(DirLockedError);
    expect((err as Error).message).toBe(
      `another stats-db diff (pid ${process.pid}) is writing to the migration directory: try again when it is done, or remove ${file} if no such process runs`,
    );
    release();
  });

  test("a waiter gets the lock as soon as the holder releases it", async () => {
    const release = await lockLocalDir(root, 0);
    setTimeout(release, 150);
    const second = await lockLocalDir(root, 5000);
    expect(readFileSync(file, "utf8")).toBe(`${process.pid}\n`);
    second();
  });

  test("a stale lock from a dead process is taken over", async () => {
    const pid = deadPid();
    expect(processAlive(pid)).toBe(false);
    writeFileSync(file, `${pid}\n`);
    const release = await lockLocalDir(root, 0);
    expect(readFileSync(file, "utf8")).toBe(`${process.pid}\n`);
    release();
  });

  test("an empty lock file (its owner still writing it) counts as held", async () => {
    writeFileSync(file, "");
    expect(await lockLocalDir(root, 100).catch((e: unknown) => e)).toBeInstanceOf(DirLockedError);
    rmSync(file);
  });
});
