/**
 * The sqldef peer cases about triggers and events that load on MariaDB 10.11 (no expected error, no MySQL/TiDB-only
 * flavour, not 5.7-only): current → database A, desired → database B on the server, plan A → B from the two
 * inspections, run it on A, and compare A's and B's objects; the desired text replayed offline must equal B too.
 * Skipped where ../shared is absent outside CI (test/support/shared.ts).
 */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { formatMigrationFile } from "../../src/migrate/dir/name.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { comparableObjects } from "../../src/schema/equal-objects.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { SHARED_ROOT, sharedSet } from "../support/shared.ts";
import { queryableOf } from "./inspect-queryable.ts";

const SUITE = sharedSet("sqldef peer suite", join(SHARED_ROOT, "peer-suites", "sqldef-mysql.jsonl"));

interface PeerCase {
  readonly id: string;
  readonly current: string;
  readonly desired: string;
  readonly flavor: string | null;
  readonly max_version: string | null;
  readonly error: string | null;
  readonly topics: readonly string[];
  readonly loads_on_mariadb_10_11: boolean;
}

const cases: PeerCase[] = SUITE
  ? readFileSync(SUITE, "utf8")
      .split("\n")
      .filter(Boolean)
      .map((l) => JSON.parse(l) as PeerCase)
      .filter(
        (c) =>
          (c.topics.includes("trigger") || c.topics.includes("event")) &&
          c.loads_on_mariadb_10_11 === true &&
          !c.error &&
          !["mysql", "tidb", "!mariadb"].includes(c.flavor ?? "") &&
          c.max_version !== "5.7",
      )
  : [];

async function load(conn: Connection, text: string): Promise<void> {
  for (const s of splitStatements(text)) await conn.query(s.text);
}

describe.skipIf(cases.length === 0)("sqldef trigger and event cases on MariaDB", () => {
  test("the selection is the 20 cases (9 trigger, 11 event)", () => {
    expect(cases.length).toBe(20);
    expect(cases.filter((c) => c.topics.includes("trigger")).length).toBe(9);
  });

  test("every case converges and replays offline to what the server holds", async () => {
    const failed: string[] = [];
    for (const c of cases) {
      await withTestDatabase(async ({ conn: a, name: nameA }) => {
        await withTestDatabase(async ({ conn: b, name: nameB }) => {
          try {
            await load(a, c.current);
            await load(b, c.desired);
            const from = await inspect(queryableOf(a), nameA);
            const to = await inspect(queryableOf(b), nameB);
            await load(a, formatMigrationFile(plan(diff(from, to), mariadb, { current: from })));
            const after = await inspect(queryableOf(a), nameA);
            const offline = replaySql(c.desired, mariadb);
            const same = (x: object, y: object) => JSON.stringify(x) === JSON.stringify(y);
            if (!same(comparableObjects(after), comparableObjects(to))) failed.push(`${c.id}: planned objects differ`);
            else if (!same(comparableObjects(offline), comparableObjects(to))) failed.push(`${c.id}: replay differs`);
          } catch (e) {
            failed.push(`${c.id}: ${(e as Error).message}`);
          }
        });
      });
    }
    expect(failed).toEqual([]);
  }, 300_000);
});
