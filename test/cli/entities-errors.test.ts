/**
 * Entity modules that do not load, and entities the server would reject, from the command line: one line
 * `file:line:column: what` (Bun and Deno), exit 2, no stack trace unless --debug, nothing written.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { denoCli } from "../deno/run-deno.ts";
import { cli, repoRoot } from "./run-cli.ts";

const roots: string[] = [];
afterAll(() => {
  for (const d of roots) rmSync(d, { recursive: true, force: true });
});

/** A project with an empty migration directory and `entities/x.ts` holding `body` after the DSL import. */
function project(body: string): string {
  const root = mkdtempSync(join(tmpdir(), "stats-entities-"));
  roots.push(root);
  mkdirSync(join(root, "migrations"));
  mkdirSync(join(root, "entities"));
  writeFileSync(
    join(root, "entities", "x.ts"),
    `import { col, table } from ${JSON.stringify(join(repoRoot, "src", "entities", "index.ts"))};\n${body}\n`,
  );
  return root;
}

const diff = (root: string) => [
  "migrate",
  "diff",
  "x",
  "--dir",
  `file://${join(root, "migrations")}`,
  "--to",
  "file://entities/x.ts",
];
const SYNTAX = 'export const tables = [\n  table("t", { id: col.int( }),\n];';

describe("an entity module that does not load", () => {
  test("a syntax error is one line file:line:column, exit 2, nothing written", () => {
    const root = project(SYNTAX);
    const r = cli(diff(root), { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe("Error: entities/x.ts:3:29: syntax error: Unexpected }\n");
    expect(readdirSync(join(root, "migrations"))).toEqual([]);
  });

  test("a throw while the module runs names the line that threw; --debug adds the stacks", () => {
    const root = project(
      'const limit = 3;\nif (limit > 2) throw new Error("too many tables");\nexport const tables = [];',
    );
    const r = cli(diff(root), { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: entities\/x\.ts:3:\d+: the module threw Error: too many tables\n$/);
    const debug = cli([...diff(root), "--debug"], { cwd: root });
    expect(debug.code).toBe(2);
    expect(debug.stderr).toContain("caused by: Error: too many tables");
    expect(debug.stderr).toMatch(/\n\s+at .*entities\/x\.ts:3:\d+/);
    expect(readdirSync(join(root, "migrations"))).toEqual([]);
  });

  test("a module outside the working directory is named by its absolute path", () => {
    const root = project(SYNTAX);
    const r = cli(
      [
        "migrate",
        "diff",
        "x",
        "--dir",
        `file://${join(root, "migrations")}`,
        "--to",
        `file://${join(root, "entities", "x.ts")}`,
      ],
      { cwd: repoRoot },
    );
    expect(r.stderr).toBe(`Error: ${join(root, "entities", "x.ts")}:3:29: syntax error: Unexpected }\n`);
  });

  test("under Deno too", () => {
    const root = project(SYNTAX);
    const r = denoCli(diff(root), { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^Error: entities\/x\.ts:3:29: syntax error: .+\n$/);
  }, 60_000);
});

describe("entities the server would reject", () => {
  test("each problem is one line under the count, and nothing is written", () => {
    const root = project(
      `export const tables = [table("t", { ${"a".repeat(65)}: col.enum(["x", "X"]) }, { comment: "${"c".repeat(2049)}" })];`,
    );
    const r = cli(diff(root), { cwd: root });
    expect(r.code).toBe(2);
    expect(r.stderr.split("\n")).toEqual([
      `Error: ${join(root, "entities", "x.ts")}: 3 problems in the entities; nothing was written`,
      '  table "t": comment is 2049 characters long; the server allows at most 2048',
      `  table "t" column "${"a".repeat(65)}": name is 65 characters long; MySQL and MariaDB allow at most 64`,
      `  table "t" column "${"a".repeat(65)}": ENUM members "x" and "X" are the same to the server (it ignores case and trailing spaces)`,
      "",
    ]);
    expect(readdirSync(join(root, "migrations"))).toEqual([]);
  });

  test("the index limits follow the flavour: 17 parts are refused for MySQL, accepted for MariaDB", () => {
    const cols = Array.from({ length: 17 }, (_, i) => `c${i}: col.int()`).join(", ");
    const parts = Array.from({ length: 17 }, (_, i) => `"c${i}"`).join(", ");
    const root = project(
      `export const tables = [table("t", { ${cols} }, { indexes: [{ name: "i", columns: [${parts}] }] })];`,
    );
    const mysql = cli([...diff(root), "--flavor", "mysql"], { cwd: root });
    expect(mysql.code).toBe(2);
    expect(mysql.stderr).toContain('  table "t": index "i" has 17 parts; the server allows at most 16\n');
    const maria = cli([...diff(root), "--flavor", "mariadb"], { cwd: root });
    expect(maria.stderr).toMatch(/^Wrote \d+_x\.sql \(1 statement\)/);
    expect(maria.code).toBe(0);
  });
});
