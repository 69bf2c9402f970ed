/**
 * Type-checks the CLI entry (everything it imports), the front door (src/index.ts), the entities and the row-type expectations with `deno check`
 * (the `deno` dev dependency): no TypeScript error may creep into src/.
 */
import { expect, test } from "bun:test";
import { spawnSync } from "node:child_process";
import { join } from "node:path";

const root = join(import.meta.dir, "..");

test("src/, the entities and the row types type-check", () => {
  const files = ["src/cli/main.ts", "src/index.ts", "entities/index.ts", "test/fixtures/typecheck/row-types.ts"];
  const r = spawnSync(join(root, "node_modules", ".bin", "deno"), ["check", ...files], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NO_COLOR: "1" },
  });
  expect(r.stderr.split("\n").filter((l) => l.includes("ERROR"))).toEqual([]);
  expect(r.status).toBe(0);
}, 120_000);
