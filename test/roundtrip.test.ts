/**
 * The DDL round trip on a real server, one test per folder in test/fixtures/pairs: load current.sql into database A
 * and desired.sql into database B, run plan(diff(current, desired)) on A, then A must show exactly B's tables, and
 * replaying current.sql plus the plan offline must leave nothing to diff against desired.sql.
 */
import { describe, expect, test } from "bun:test";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { replaySql } from "../src/migrate/replay.ts";
import { splitStatements } from "../src/migrate/split.ts";
import { mariadb } from "../src/mysql/flavor.ts";
import { plan, type PlannedStatement } from "../src/mysql/plan.ts";
import { diff } from "../src/schema/diff.ts";
import type { Schema, Table } from "../src/schema/model.ts";
import { withTestDatabase } from "./support/mariadb.ts";

const PAIRS_DIR = join(import.meta.dir, "fixtures", "pairs");

/** renames.json: `tables` maps new name → old name, `columns` maps `table.newColumn` (new table name) → old column. */
interface Renames {
  readonly tables?: Readonly<Record<string, string>>;
  readonly columns?: Readonly<Record<string, string>>;
}

interface Pair {
  readonly name: string;
  readonly current: string;
  readonly desired: string;
  readonly renames: Renames;
}

function loadPair(name: string): Pair {
  const dir = join(PAIRS_DIR, name);
  const renamesFile = join(dir, "renames.json");
  return {
    name,
    current: readFileSync(join(dir, "current.sql"), "utf8"),
    desired: readFileSync(join(dir, "desired.sql"), "utf8"),
    renames: existsSync(renamesFile) ? (JSON.parse(readFileSync(renamesFile, "utf8")) as Renames) : {},
  };
}

const pairNames = readdirSync(PAIRS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name)
  .sort();

/** Declares the pair's renames on the desired schema; a rename naming a missing table or column is a fixture bug. */
function withRenames(schema: Schema, renames: Renames): Schema {
  const tableRenames = new Map(Object.entries(renames.tables ?? {}));
  const columnRenames = new Map(Object.entries(renames.columns ?? {}));
  const known = new Set<string>();
  const tables = schema.tables.map((table): Table => {
    const columns = table.columns.map((column) => {
      const key = `${table.name}.${column.name}`;
      const from = columnRenames.get(key);
      if (from === undefined) return column;
      known.add(`column ${key}`);
      return { ...column, renamedFrom: from };
    });
    const from = tableRenames.get(table.name);
    if (from !== undefined) known.add(`table ${table.name}`);
    return from === undefined ? { ...table, columns } : { ...table, columns, renamedFrom: from };
  });
  const declared = [...[...tableRenames.keys()].map((t) => `table ${t}`), ...[...columnRenames.keys()].map((c) => `column ${c}`)];
  const unknown = declared.filter((d) => !known.has(d));
  if (unknown.length > 0) throw new Error(`renames.json names what desired.sql does not have: ${unknown.join(", ")}`);
  return { ...schema, tables };
}

async function loadSql(conn: Connection, sql: string): Promise<void> {
  await conn.query("SET FOREIGN_KEY_CHECKS=0");
  for (const stmt of splitStatements(sql)) await conn.query(stmt.text);
  await conn.query("SET FOREIGN_KEY_CHECKS=1");
}

async function runPlan(conn: Connection, statements: readonly PlannedStatement[]): Promise<void> {
  for (const [i, statement] of statements.entries()) {
    try {
      await conn.query(statement.sql);
    } catch (error) {
      const all = statements.map((s) => `${s.sql};`).join("\n");
      throw new Error(`planned statement ${i + 1} failed: ${(error as Error).message}\n--- plan ---\n${all}`, { cause: error });
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
  return [lines[0], ordered.join(",\n"), (lines.at(-1) ?? "").replace(/ AUTO_INCREMENT=\d+/, "")].join("\n");
}

/** SHOW CREATE TABLE of every base table, by name, normalised by normaliseCreate. */
async function showCreateTables(conn: Connection): Promise<Record<string, string>> {
  const [rows] = await conn.query("SHOW FULL TABLES WHERE Table_type = 'BASE TABLE'");
  const names = (rows as Record<string, string>[]).map((row) => String(Object.values(row)[0])).sort();
  const out: Record<string, string> = {};
  for (const name of names) {
    const [created] = await conn.query(`SHOW CREATE TABLE \`${name.replaceAll("`", "``")}\``);
    out[name] = normaliseCreate(String((created as Record<string, string>[])[0]?.["Create Table"]));
  }
  return out;
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
          expect(await showCreateTables(a.conn)).toEqual(await showCreateTables(b.conn));
        });
      });

      const replayed = replaySql(`${pair.current}\n${planText(statements)}`, mariadb, undefined, `${name}/current.sql + plan`);
      expect(diff(replayed, desired)).toEqual([]);
    }, 30_000);
  }
});
