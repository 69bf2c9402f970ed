/**
 * The CLI from source under Deno gives the same output and exit codes as under Bun.
 */
import { describe, expect, test } from "bun:test";
import { cpSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { cli, repoRoot } from "../cli/run-cli.ts";
import { denoCli } from "./run-deno.ts";

const emptyDir = () => mkdtempSync(join(tmpdir(), "stats-db-deno-"));

function editedMigrations(): string {
  const dir = emptyDir();
  cpSync(join(repoRoot, "migrations"), dir, { recursive: true });
  writeFileSync(join(dir, "20261125122811_initial.sql"), "-- edited\n", { flag: "a" });
  return dir;
}

// A generated file's first line names it after the current second; the rest must match exactly.
const withoutName = (s: string) => s.replace(/^-- \d{14}_\w+\.sql\n/, "-- <name>\n");

describe("deno run -A src/cli/main.ts", () => {
  test.each([
    ["version", () => ["version"], 0],
    ["diff --check (in sync)", () => ["diff", "--check"], 0],
    ["schema hcl", () => ["schema", "hcl"], 0],
    ["schema sql --flavor mariadb", () => ["schema", "sql", "--flavor", "mariadb"], 0],
    ["migrate validate", () => ["migrate", "validate"], 0],
    [
      "diff --dry-run against an empty directory",
      () => ["diff", "initial", "--dry-run", "--dir", `file://${emptyDir()}`],
      0,
    ],
    [
      "schema diff between two sources",
      () => ["schema", "diff", "--from", `file://${emptyDir()}`, "--to", "file://entities"],
      0,
    ],
    [
      "migrate validate on an edited directory (checksum report, exit 1)",
      () => ["migrate", "validate", "--dir", `file://${editedMigrations()}`],
      1,
    ],
    ["an unknown flag (exit 2)", () => ["diff", "--nope"], 2],
  ] as const)("%s: same as under Bun", (_name, args, code) => {
    const argv = args();
    const deno = denoCli(argv);
    const bun = cli(argv);
    expect(bun.code).toBe(code);
    expect({ ...deno, stdout: withoutName(deno.stdout) }).toEqual({ ...bun, stdout: withoutName(bun.stdout) });
  });
});
