/**
 * The key invariant ("dev-url and in-memory replay agree"): for every fixture pair (current.sql and desired.sql) and
 * the project's own migrations, loading the SQL into a fresh database and inspecting it gives the same schema as
 * replaying it in memory (test/dev-url.test.ts runs the same files through devReplay itself).
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { replaySql } from "../../src/migrate/replay.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { comparableSchema, schemasEqual } from "../../src/schema/equal.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";

const ROOT = join(import.meta.dir, "..", "..");
const PAIRS = join(ROOT, "test", "fixtures", "pairs");
const MIGRATIONS = join(ROOT, "migrations");

async function expectAgreement(sql: string, label: string): Promise<void> {
  const replayed = replaySql(sql, mariadb, undefined, label);
  await withTestDatabase(async ({ conn, name }) => {
    const q = queryableOf(conn);
    await conn.query("SET FOREIGN_KEY_CHECKS=0");
    for (const stmt of splitStatements(sql)) await conn.query(stmt.text);
    const inspected = await inspect(q, name);
    if (!schemasEqual(inspected, replayed))
      expect(comparableSchema(inspected).tables).toEqual(comparableSchema(replayed).tables);
    expect(schemasEqual(inspected, replayed)).toBe(true);
  });
}

const pairs = readdirSync(PAIRS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .map((e) => e.name)
  .sort();

describe("inspect(load(sql)) ≡ replaySql(sql) on MariaDB", () => {
  test("the fixtures are there", () => expect(pairs.length).toBeGreaterThanOrEqual(70));
  for (const pair of pairs) {
    for (const side of ["current.sql", "desired.sql"]) {
      test(`${pair}/${side}`, () => expectAgreement(readFileSync(join(PAIRS, pair, side), "utf8"), `${pair}/${side}`));
    }
  }
  test("the project's migrations", () => {
    const files = readdirSync(MIGRATIONS)
      .filter((f) => f.endsWith(".sql"))
      .sort();
    expect(files.length).toBeGreaterThan(0);
    return expectAgreement(files.map((f) => readFileSync(join(MIGRATIONS, f), "utf8")).join("\n"), "migrations");
  });
});
