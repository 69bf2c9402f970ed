/**
 * Partitioned entities end to end on the real server: entities → plan → apply → inspect → diff empty; extending the
 * monthly range by one month plans one REORGANIZE PARTITION of the catch-all; inspect → TypeBox source → entities →
 * diff empty; the planned statements replayed (a migration directory) ≡ the inspected database.
 */
import { afterAll, expect, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { col, entitiesToSchema, monthly, table, type TableDef, validateEntities } from "../../src/entities/index.ts";
import { schemaToEntitiesSource } from "../../src/entities/typebox-source.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { comparableSchema } from "../../src/schema/equal.ts";
import type { Schema } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "../mysql/inspect-queryable.ts";

const ENTITIES = join(import.meta.dir, "..", "..", "src", "entities", "index.ts");
const dir = mkdtempSync(join(tmpdir(), "stats-db-partitions-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const usage = (to: string) =>
  table(
    "hourly_usage",
    {
      site_id: col.bigint({ unsigned: true }),
      hour: col.datetime(),
      pageviews: col.int({ unsigned: true, default: 0 }),
    },
    { primaryKey: ["site_id", "hour"], partitionBy: monthly("hour", "2026-01", to) },
  );

const desired = (tables: readonly TableDef[]): Schema => {
  expect(validateEntities(tables)).toEqual([]);
  return normalizeSchema(entitiesToSchema(tables, { charset: "utf8mb4", collate: "utf8mb4_general_ci" }), mariadb);
};

test("entities → plan → apply → inspect → diff empty, extend by one month, TypeBox round trip, replay ≡ inspect", async () => {
  await withTestDatabase(async ({ conn, name }) => {
    const q = queryableOf(conn);
    const applied: string[] = [];
    const apply = async (want: Schema) => {
      const current = await inspect(q, name);
      const sqls = plan(diff(current, want), mariadb, { current }).map((s) => s.sql);
      for (const sql of sqls) await conn.query(sql);
      applied.push(...sqls);
      const after = await inspect(q, name);
      expect(diff(after, want)).toEqual([]);
      return { sqls, after };
    };

    const first = await apply(desired([usage("2026-12")]));
    expect(first.sqls).toHaveLength(1);
    expect(first.after.tables[0]!.partition?.partitions).toHaveLength(13);

    const extended = await apply(desired([usage("2027-01")]));
    expect(extended.sqls).toEqual([
      "ALTER TABLE `hourly_usage` REORGANIZE PARTITION `pmax` INTO (PARTITION `p2027_01` VALUES LESS THAN ('2027-02-01'), PARTITION `pmax` VALUES LESS THAN (MAXVALUE))",
    ]);

    const source = schemaToEntitiesSource(extended.after, { importFrom: ENTITIES });
    expect(source).toContain("partitionBy:");
    const file = join(dir, "entities.ts");
    writeFileSync(file, source);
    const mod = (await import(file)) as { tables: TableDef[] };
    expect(diff(extended.after, desired(mod.tables))).toEqual([]);

    const replayed = replaySql(applied.map((s) => `${s};`).join("\n"), mariadb);
    expect(comparableSchema(replayed).tables).toEqual(comparableSchema(extended.after).tables);
  });
});
