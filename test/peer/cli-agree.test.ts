/**
 * The live mode plans what the CLI prints: for a sample of peer cases (every 20th in-gate case of the three suites),
 * `stats-db schema diff --from <A url> --to <B url>` run as a user would prints exactly the live mode's plan, and on
 * stderr the "not managed" lines of what the model does not cover.
 */
import { expect, test } from "bun:test";
import { SCHEMAS_SYNCED } from "../../src/cli/commands/schema-diff.ts";
import { inspectUrl } from "../../src/project/live-source.ts";
import { formatMigrationFile } from "../../src/migrate/dir/name.ts";
import { cli } from "../cli/run-cli.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { loadSql } from "../support/server-tables.ts";
import { sharedSet } from "../support/shared.ts";
import { unmanagedLines } from "../../src/schema/unmanaged.ts";
import { livePlan } from "./roundtrip-live.ts";
import { loadSuite, peerSuitesDir } from "./suites.ts";

if (sharedSet("peer suites", peerSuitesDir) !== undefined) {
  const sample = (["sqldef", "atlas", "skeema"] as const)
    .flatMap((suite) => loadSuite(suite))
    .filter((_, i) => i % 20 === 0);

  test("the sample holds at least 12 cases", () => {
    expect(sample.length).toBeGreaterThanOrEqual(12);
  });

  test.each(sample.map((c) => [`${c.suite}:${c.id}`, c] as const))(
    "%s: schema diff prints the live plan",
    async (_, peerCase) => {
      await withTestDatabase(async (a) => {
        await withTestDatabase(async (b) => {
          await loadSql(a.conn, peerCase.current);
          await loadSql(b.conn, peerCase.desired);
          const from = await inspectUrl(a.url);
          const to = await inspectUrl(b.url);
          const statements = livePlan(from, to);
          const r = cli(["schema", "diff", "--from", a.url, "--to", b.url]);
          // Only what the model does not cover is named on stderr.
          expect(r.stderr).toBe(
            unmanagedLines(from.schema, to.schema)
              .map((line) => `${line}\n`)
              .join(""),
          );
          expect(r.code).toBe(0);
          expect(r.stdout).toBe(statements.length > 0 ? formatMigrationFile(statements) : `${SCHEMAS_SYNCED}\n`);
        });
      });
    },
    30_000,
  );
}
