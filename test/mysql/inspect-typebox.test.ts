/**
 * `schema inspect --format typebox` round trip: for every fixture file, the entities module written from the
 * inspected-equivalent schema, loaded back through entitiesToSchema + normalizeSchema, equals that schema (table
 * AUTO_INCREMENT counters aside: entities do not declare them, and the differ leaves them alone).
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { entitiesToSchema, type TableDef, validateEntities } from "../../src/entities/index.ts";
import { schemaToEntitiesSource, UnsupportedEntityTypeError } from "../../src/entities/typebox-source.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { comparableSchema } from "../../src/schema/equal.ts";
import type { Schema } from "../../src/schema/model.ts";

const PAIRS = join(import.meta.dir, "..", "fixtures", "pairs");
const ENTITIES = join(import.meta.dir, "..", "..", "src", "entities", "index.ts");
const dir = mkdtempSync(join(tmpdir(), "stats-db-typebox-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const withoutCounters = (s: Schema): Schema => ({
  ...s,
  tables: s.tables.map((t) => ({ ...t, options: { ...t.options, autoIncrement: undefined } })),
});

const files = readdirSync(PAIRS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => ["current.sql", "desired.sql"].map((side) => `${e.name}/${side}`))
  .sort();

describe("typebox source round trip", () => {
  const skipped: string[] = [];
  for (const [k, file] of files.entries()) {
    test(file, async () => {
      const schema = {
        ...replaySql(readFileSync(join(PAIRS, file), "utf8"), mariadb),
        name: "app",
        charset: "utf8mb4",
        collate: "utf8mb4_general_ci",
      };
      let source: string;
      try {
        source = schemaToEntitiesSource(schema, { importFrom: ENTITIES });
      } catch (e) {
        // A type the builders cannot declare is reported, never written wrong; count it.
        expect(e).toBeInstanceOf(UnsupportedEntityTypeError);
        skipped.push(file);
        return;
      }
      const path = join(dir, `m${k}.ts`);
      writeFileSync(path, source);
      const mod = (await import(path)) as {
        tables: TableDef[];
        database: { name: string; charset: string; collate: string };
      };
      expect(validateEntities(mod.tables).map((e) => e.message)).toEqual([]);
      const back = normalizeSchema(entitiesToSchema(mod.tables, mod.database), mariadb);
      expect(comparableSchema(withoutCounters(back)).tables).toEqual(comparableSchema(withoutCounters(schema)).tables);
    });
  }
  test("most fixtures can be written", () => expect(skipped.length).toBeLessThan(files.length / 10));
});

test("a type without a builder is a typed error naming the column", () => {
  const schema = replaySql("CREATE TABLE t (b bit(3) NOT NULL);", mariadb);
  expect(() => schemaToEntitiesSource(schema, { importFrom: "x" })).toThrow('column "t"."b" has type bit(3)');
});
