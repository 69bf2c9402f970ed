/**
 * The DDL round trip on a real server, one test per folder in test/fixtures/pairs: load current.sql into database A
 * and desired.sql into database B, run plan(diff(current, desired)) on A, then A must show exactly B's tables, and
 * replaying current.sql plus the plan offline must leave nothing to diff against desired.sql.
 */
import { describe, expect, test } from "bun:test";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { replaySql } from "../src/migrate/replay.ts";
import { mariadb } from "../src/mysql/flavor.ts";
import { plan, type PlannedStatement } from "../src/mysql/plan.ts";
import { diff } from "../src/schema/diff.ts";
import { withTestDatabase } from "./support/mariadb.ts";
import { loadPair, PAIRS_DIR, pairNames as listPairs, withRenames } from "./support/pairs.ts";
import { loadSql, showCreateTables, withoutAutoIncrement } from "./support/server-tables.ts";

const pairNames = listPairs();

async function runPlan(conn: Connection, statements: readonly PlannedStatement[]): Promise<void> {
  for (const [i, statement] of statements.entries()) {
    try {
      await conn.query(statement.sql);
    } catch (error) {
      const all = statements.map((s) => `${s.sql};`).join("\n");
      throw new Error(`planned statement ${i + 1} failed: ${(error as Error).message}\n--- plan ---\n${all}`, {
        cause: error,
      });
    }
  }
}

/**
 * SHOW CREATE TABLE normalised where the model says order does not matter: secondary indexes and constraints are
 * sorted (the server lists them in creation order); the AUTO_INCREMENT=n counter is dropped. Columns keep their order.
 */
function normaliseCreate(text: string): string {
  const lines = text.split("\n");
  const body = lines.slice(1, -1).map((line) => line.replace(/,$/, ""));
  const isIndex = (line: string): boolean => /^ {2}(UNIQUE |FULLTEXT |SPATIAL )?KEY /.test(line);
  const isConstraint = (line: string): boolean => line.startsWith("  CONSTRAINT ");
  const ordered = [
    ...body.filter((line) => !isIndex(line) && !isConstraint(line)),
    ...body.filter(isIndex).sort(),
    ...body.filter(isConstraint).sort(),
  ];
  return [lines[0], ordered.join(",\n"), withoutAutoIncrement(lines.at(-1) ?? "")].join("\n");
}

function planText(statements: readonly PlannedStatement[]): string {
  return statements.map((s) => `${s.sql};\n`).join("");
}

describe("fixture pairs", () => {
  test("there are at least 70 pairs, each with current.sql and desired.sql", () => {
    expect(pairNames.length).toBeGreaterThanOrEqual(70);
    for (const name of pairNames) {
      expect(existsSync(join(PAIRS_DIR, name, "current.sql"))).toBe(true);
      expect(existsSync(join(PAIRS_DIR, name, "desired.sql"))).toBe(true);
    }
  });
});

describe("round trip on MariaDB: load(current) + plan(diff(current, desired)) ≡ load(desired)", () => {
  for (const name of pairNames) {
    test(name, async () => {
      const pair = loadPair(name);
      const current = replaySql(pair.current, mariadb, undefined, `${name}/current.sql`);
      const desired = replaySql(pair.desired, mariadb, undefined, `${name}/desired.sql`);
      const statements = plan(diff(current, withRenames(desired, pair.renames)), mariadb, { current });
      expect(statements.length).toBeGreaterThan(0);

      await withTestDatabase(async (a) => {
        await withTestDatabase(async (b) => {
          await loadSql(a.conn, pair.current);
          await loadSql(b.conn, pair.desired);
          await runPlan(a.conn, statements);
          expect(await showCreateTables(a.conn, normaliseCreate)).toEqual(
            await showCreateTables(b.conn, normaliseCreate),
          );
        });
      });

      const replayed = replaySql(
        `${pair.current}\n${planText(statements)}`,
        mariadb,
        undefined,
        `${name}/current.sql + plan`,
      );
      expect(diff(replayed, desired)).toEqual([]);
    }, 30_000);
  }
});
