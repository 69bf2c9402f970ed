/**
 * `migrate down` and partitions: a revert that drops partitions (the reverse of ADD PARTITION) is guarded by a check
 * that they hold no row, run here on the real server, passing on empty partitions and refusing on a filled one.
 */
import { expect, test } from "bun:test";
import { dataChecks, runCheck } from "../../src/migrate/down/checks.ts";
import { DataLossError } from "../../src/migrate/down/errors.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { diff } from "../../src/schema/diff.ts";
import { NameTrail } from "../../src/schema/name-trail.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "../mysql/inspect-queryable.ts";

const BASE = "CREATE TABLE t (a int) PARTITION BY RANGE (a) (PARTITION p0 VALUES LESS THAN (10)";

test("reverting ADD PARTITION checks the partition is empty first", async () => {
  const live = replaySql(`${BASE}, PARTITION p1 VALUES LESS THAN (20))`, mariadb);
  const target = replaySql(`${BASE})`, mariadb);
  const changes = diff(live, target);
  expect(changes).toEqual([
    {
      kind: "ModifyTable",
      table: "t",
      changes: [{ kind: "DropPartitions", partitions: [{ name: "p1", values: "20" }] }],
    },
  ]);
  const checks = dataChecks(changes, live, new NameTrail());
  expect(checks).toEqual([
    { sql: "SELECT NOT EXISTS (SELECT 1 FROM `t` PARTITION (`p1`)) AS `is_empty`", table: "t", partitions: ["p1"] },
  ]);
  await withTestDatabase(async ({ conn }) => {
    await conn.query(`${BASE}, PARTITION p1 VALUES LESS THAN (20))`);
    await conn.query("INSERT INTO t VALUES (5)");
    expect(await runCheck(queryableOf(conn), checks[0]!)).toEqual({ passed: true });
    await conn.query("INSERT INTO t VALUES (15)");
    expect(await runCheck(queryableOf(conn), checks[0]!)).toEqual({ passed: false });
    expect(new DataLossError("2", "t", undefined, undefined, checks[0]!.partitions).message).toBe(
      'partition "p1" of table "t" holds rows and reverting version "2" drops it: nothing was changed (--force-data-loss reverts anyway)',
    );
  });
});
