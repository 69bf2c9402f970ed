/**
 * `deno run -A src/cli/main.ts migrate status|apply` against the real test server: the same reports as under Bun, and
 * the database ends in the same state.
 */
import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { cli, repoRoot } from "../cli/run-cli.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { denoCli } from "./run-deno.ts";

const DIR = `file://${join(repoRoot, "test", "build", "fixtures", "mariadb-migrations")}`;
// Durations differ from run to run; everything else must match byte for byte.
const noDurations = (s: string) =>
  s.replace(/\((?:[\d.]+(?:ns|µs|ms|s|m|h))+\)|-- (?:[\d.]+(?:ns|µs|ms|s|m|h))+\n/g, "<dur>");

describe("deno: migrate status and apply against the test server", () => {
  test("status, apply --dry-run, apply 1, status, apply: Deno prints what Bun prints for the same steps", async () => {
    const steps = [
      ["migrate", "status"],
      ["migrate", "apply", "--dry-run"],
      ["migrate", "apply", "1"],
      ["migrate", "status"],
      ["migrate", "apply"],
      ["migrate", "status"],
    ];
    const outputs: Record<"deno" | "bun", string[]> = { deno: [], bun: [] };
    for (const runtime of ["deno", "bun"] as const) {
      await withTestDatabase(async ({ url, conn }) => {
        for (const step of steps) {
          const r = (runtime === "deno" ? denoCli : cli)([...step, "--dir", DIR, "--url", url]);
          outputs[runtime].push(`${step.join(" ")} → ${r.code}\n${noDurations(r.stdout)}${r.stderr}`);
        }
        const [rows] = await conn.query("SELECT version, applied, total FROM atlas_schema_revisions ORDER BY version");
        outputs[runtime].push(JSON.stringify(rows));
      });
    }
    expect(outputs.deno.at(-1)).toBe(
      '[{"version":"20260101000000","applied":1,"total":1},{"version":"20260102000000","applied":1,"total":1}]',
    );
    expect(outputs.deno[2]).toStartWith(
      "migrate apply 1 → 0\nMigrating to version 20260101000000 (1 migrations in total):\n",
    );
    expect(outputs.deno[5]).toContain("Migration Status: OK\n");
    expect(outputs.deno).toEqual(outputs.bun);
  }, 120_000);
});
