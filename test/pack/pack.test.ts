/**
 * `bunx stats-db` from a checkout and from a packed tarball (`bun pm pack`) installed into another project.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { repoRoot } from "../cli/run-cli.ts";

const SYNCED = "The migration directory is synced with the desired state, no changes to be made\n";

function sh(cmd: string[], cwd: string): { code: number; stdout: string; stderr: string } {
  const r = spawnSync(cmd[0]!, cmd.slice(1), { cwd, env: { ...process.env, NO_COLOR: "1" }, encoding: "utf8" });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

const bunx = (args: string[], cwd: string) => sh([process.execPath, "x", "stats-db", ...args], cwd);

describe("bunx stats-db from the checkout", () => {
  test.each([
    ["diff --check", ["diff", "--check"], SYNCED],
    [
      "version",
      ["version"],
      `stats-db version ${(JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string }).version}\n`,
    ],
  ])("%s", (_name, args, stdout) => {
    expect(bunx(args, repoRoot)).toEqual({ code: 0, stdout, stderr: "" });
  });
});

describe("bunx stats-db from a packed tarball installed into another project", () => {
  let work: string;
  let project: string;
  let tarball: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), "stats-db-pack-"));
    const packed = sh([process.execPath, "pm", "pack", "--destination", work, "--quiet"], repoRoot);
    expect(packed.code).toBe(0);
    tarball = join(work, readdirSync(work).find((n) => n.endsWith(".tgz"))!);
    project = join(work, "project");
    mkdirSync(project);
    writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", private: true }));
    const added = sh([process.execPath, "add", "--prefer-offline", tarball], project);
    expect(added.code).toBe(0);
  }, 120_000);

  test("the tarball carries the CLI, entities and migrations, not tests or dist", () => {
    const listing = sh(["tar", "tzf", tarball], work).stdout.split("\n");
    for (const f of [
      "package/bin/stats-db.ts",
      "package/src/cli/main.ts",
      "package/entities/index.ts",
      "package/migrations/atlas.sum",
    ])
      expect(listing).toContain(f);
    expect(listing.filter((f) => f.startsWith("package/test/") || f.startsWith("package/dist/"))).toEqual([]);
  });

  test("diff writes the first migration, then diff --check finds it in sync", () => {
    const entities = "file://node_modules/stats-db/entities";
    const wrote = bunx(["diff", "initial", "--dir", "file://migrations", "--to", entities], project);
    expect(wrote.code).toBe(0);
    expect(wrote.stderr).toMatch(
      /^Wrote \d{14}_initial\.sql \(\d+ statements\) and updated atlas\.sum\nCreated directory migrations\n$/,
    );
    expect(existsSync(join(project, "migrations", "atlas.sum"))).toBe(true);
    expect(bunx(["diff", "--check", "--dir", "file://migrations", "--to", entities], project)).toEqual({
      code: 0,
      stdout: SYNCED,
      stderr: "",
    });
  });
});
