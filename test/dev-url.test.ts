/**
 * `--dev-url` and the in-memory replay agree: every fixture file and the project's migrations replayed on a clean dev
 * database and inspected give the same schema as the in-memory replay; the dev database is left empty; a dirty one
 * is refused.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { DevReplayError, devReplay, NotCleanError } from "../src/migrate/dev-replay.ts";
import { replayFiles, replaySql } from "../src/migrate/replay.ts";
import { mariadb } from "../src/mysql/flavor.ts";
import { inspect, TABLE_NAMES_QUERY } from "../src/mysql/inspect.ts";
import { comparableSchema, schemasEqual } from "../src/schema/equal.ts";
import { queryableOf } from "./mysql/inspect-queryable.ts";
import { comparableObjects } from "../src/schema/equal-objects.ts";
import { withTestDatabase } from "./support/mariadb.ts";

const ROOT = join(import.meta.dir, "..");

const PAIRS = join(ROOT, "test", "fixtures", "pairs");
const pairFiles = readdirSync(PAIRS, { withFileTypes: true })
  .filter((e) => e.isDirectory())
  .flatMap((e) => ["current.sql", "desired.sql"].map((side) => `${e.name}/${side}`))
  .sort();

describe("dev replay ≡ in-memory replay", () => {
  test("every fixture file, one after another on one dev database emptied after each", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      const q = queryableOf(conn);
      for (const file of pairFiles) {
        const text = readFileSync(join(PAIRS, file), "utf8");
        const { schema } = await devReplay(q, name, [{ name: file, text }]);
        const memory = replaySql(text, mariadb);
        if (!schemasEqual(schema, memory))
          expect({ file, tables: comparableSchema(schema).tables, objects: comparableObjects(schema) }).toEqual({
            file,
            tables: comparableSchema(memory).tables,
            objects: comparableObjects(memory),
          });
        const [left] = await q.query(TABLE_NAMES_QUERY, [name]);
        expect({ file, left }).toEqual({ file, left: undefined });
      }
    });
  }, 120_000);

  test("the project's migrations", async () => {
    const dir = join(ROOT, "migrations");
    const files = readdirSync(dir)
      .filter((f) => f.endsWith(".sql"))
      .sort()
      .map((n) => ({ name: n, text: readFileSync(join(dir, n), "utf8") }));
    expect(files.length).toBeGreaterThan(0);
    await withTestDatabase(async ({ conn, name }) => {
      const { schema } = await devReplay(queryableOf(conn), name, files);
      expect(comparableSchema(schema).tables).toEqual(comparableSchema(replayFiles(files, mariadb)).tables);
    });
  });
});

describe("dev database rules", () => {
  test("a database with a table is not clean (Atlas's message)", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      await conn.query("CREATE TABLE leftover (id int)");
      const err = await devReplay(queryableOf(conn), name, [{ name: "a.sql", text: "CREATE TABLE t (id int);" }]).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(NotCleanError);
      expect((err as Error).message).toBe(
        `sql/migrate: connected database is not clean: found table "leftover" in schema "${name}"`,
      );
    });
  });

  test("a failing statement names file and line, and what was created is dropped", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      const q = queryableOf(conn);
      const text =
        "CREATE TABLE a (id int PRIMARY KEY);\nCREATE TABLE b (id int, FOREIGN KEY (id) REFERENCES a (id));\n\nCREATE TABLE broken (id nosuchtype);\n";
      const err = await devReplay(q, name, [{ name: "1_init.sql", text }]).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(DevReplayError);
      expect((err as DevReplayError).line).toBe(4);
      expect((err as DevReplayError).file).toBe("1_init.sql");
      expect((await inspect(q, name, { includeRevisions: true })).tables).toEqual([]);
    });
  });
});
