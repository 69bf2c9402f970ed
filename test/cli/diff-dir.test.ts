/**
 * `diff` and the migration directory: versions stay unique (bumped past the latest, a lock around the write), a
 * missing directory is created only when `diff` says so, and a bad name writes nothing.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileVersion } from "../../src/migrate/dir.ts";
import { DIR_LOCK_FILE } from "../../src/migrate/dir/lock.ts";
import { cli, repoRoot } from "./run-cli.ts";

setDefaultTimeout(60_000);

const fixture = (name: string) => `file://${join(repoRoot, "test", "fixtures", "entities", name)}`;
const tmp = () => mkdtempSync(join(tmpdir(), "stats-db-diff-dir-"));
const sqlFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".sql"))
    .sort();

// Starts the CLI without waiting (two at once).
function start(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const p = Bun.spawn([process.execPath, join(repoRoot, "src", "cli", "main.ts"), ...args], {
    stdout: "pipe",
    stderr: "pipe",
    env: { ...process.env, NO_COLOR: "1" },
  });
  return Promise.all([p.exited, new Response(p.stdout).text(), new Response(p.stderr).text()]).then(
    ([code, stdout, stderr]) => ({ code, stdout, stderr }),
  );
}

describe("diff keeps versions unique", () => {
  test("two diffs started at once: one writes, the other waits and then finds the directory synced", async () => {
    const dir = tmp();
    const [a, b] = await Promise.all([
      start(["diff", "a", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]),
      start(["diff", "b", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    expect([a.stdout, b.stdout].filter((s) => s.includes("synced"))).toHaveLength(1);
    expect(sqlFiles(dir)).toHaveLength(1);
    expect(existsSync(join(dir, DIR_LOCK_FILE))).toBe(false);
    expect(cli(["migrate", "validate", "--dir", `file://${dir}`]).code).toBe(0);
  });

  test("two diffs with different targets at once get distinct, increasing versions", async () => {
    const dir = tmp();
    expect(cli(["diff", "init", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]).code).toBe(0);
    const [a, b] = await Promise.all([
      start(["diff", "two", "--dir", `file://${dir}`, "--to", fixture("v2.ts")]),
      start(["diff", "back", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]),
    ]);
    expect([a.code, b.code]).toEqual([0, 0]);
    const versions = sqlFiles(dir).map(fileVersion);
    expect(new Set(versions).size).toBe(versions.length);
    expect(cli(["migrate", "validate", "--dir", `file://${dir}`]).code).toBe(0);
  });

  test("a directory whose latest version is in the future: the next file comes one second after it", () => {
    const dir = tmp();
    expect(cli(["diff", "init", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]).code).toBe(0);
    const first = sqlFiles(dir)[0]!;
    const future = first.replace(/^\d{14}/, "20991231235959");
    Bun.spawnSync(["mv", join(dir, first), join(dir, future)]);
    expect(cli(["migrate", "hash", "--dir", `file://${dir}`]).code).toBe(0);
    const r = cli(["diff", "two", "--dir", `file://${dir}`, "--to", fixture("v2.ts")]);
    expect(r.stderr).toContain("Wrote 21000101000000_two.sql");
    expect(sqlFiles(dir)).toEqual([future, "21000101000000_two.sql"]);
  });

  test("a diff holding the lock makes another wait, then refuse in one line (exit 1), nothing written", () => {
    const dir = tmp();
    writeFileSync(join(dir, DIR_LOCK_FILE), `${process.pid}\n`);
    const r = cli(["diff", "x", "--lock-timeout", "300ms", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `Error: another stats-db diff (pid ${process.pid}) is writing to the migration directory: try again when it is done, or remove ${join(dir, DIR_LOCK_FILE)} if no such process runs\n`,
    );
    expect(readdirSync(dir)).toEqual([DIR_LOCK_FILE]);
  });

  test("a lock left by a dead diff is taken over", () => {
    const dir = tmp();
    const dead = Number(Bun.spawnSync(["sh", "-c", "echo $$"]).stdout.toString().trim());
    writeFileSync(join(dir, DIR_LOCK_FILE), `${dead}\n`);
    expect(cli(["diff", "x", "--dir", `file://${dir}`, "--to", fixture("v1.ts")]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual([sqlFiles(dir)[0], "atlas.sum"]);
  });
});

describe("diff and a missing directory", () => {
  test("it is created, and diff says so", () => {
    const root = tmp();
    const r = cli(["diff", "init", "--dir", `file://${root}/new/migrations`, "--to", fixture("v1.ts")]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`Created directory ${root}/new/migrations\n`);
    expect(sqlFiles(join(root, "new", "migrations"))).toHaveLength(1);
  });

  test("when diff fails or has nothing to write, no directory is left behind", () => {
    const root = tmp();
    const failed = cli(["diff", "x", "--dir", `file://${root}/a/b`, "--to", fixture("broken.ts")]);
    expect(failed.code).toBe(2);
    expect(failed.stderr).not.toContain("Created directory");
    const empty = join(root, "empty.sql");
    writeFileSync(empty, "");
    const synced = cli(["diff", "x", "--dir", `file://${root}/c`, "--to", `file://${empty}`]);
    expect(synced).toMatchObject({
      code: 0,
      stdout: "The migration directory is synced with the desired state, no changes to be made\n",
    });
    expect(readdirSync(root)).toEqual(["empty.sql"]);
  });

  test("--dry-run and --check read a missing directory as empty and create nothing", () => {
    const root = tmp();
    expect(cli(["diff", "x", "--dry-run", "--dir", `file://${root}/m`, "--to", fixture("v1.ts")]).code).toBe(0);
    expect(cli(["diff", "--check", "--dir", `file://${root}/m`, "--to", fixture("v1.ts")]).code).toBe(1);
    expect(readdirSync(root)).toEqual([]);
  });
});

describe("diff names", () => {
  test.each(["../../../../x", "a/b", "a b", "x;rm -rf", "$HOME", "..", " ", "a.b"])(
    "%j: exit 2, nothing written anywhere",
    (name) => {
      const root = tmp();
      mkdirSync(join(root, "m"));
      const r = cli(["diff", name, "--dir", `file://${root}/m`, "--to", fixture("v1.ts")]);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `Error: invalid migration name ${JSON.stringify(name)}: use letters, digits, _ and - only (e.g. add_referrer_host)\n`,
      );
      expect(readdirSync(root)).toEqual(["m"]);
      expect(readdirSync(join(root, "m"))).toEqual([]);
    },
  );
});
