/**
 * Test helpers for inspection: a Queryable over a mysql2 test connection, one that counts queries, and one that
 * answers from captured rows (for MySQL 8, which has no server here).
 */
import type { Connection } from "mysql2/promise";
import type { Queryable, Row } from "../../src/db/types.ts";

/** A Queryable over a mysql2 connection (the test database's). */
export function queryableOf(conn: Connection): Queryable {
  return {
    async query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      const [rows] = await conn.query(sql, params as unknown[] | undefined);
      return rows as T[];
    },
    async exec(sql: string, params?: readonly unknown[]): Promise<void> {
      await conn.query(sql, params as unknown[] | undefined);
    },
  };
}

/** Wraps a Queryable and records every statement it runs. */
export function counting(inner: Queryable): Queryable & { readonly statements: string[] } {
  const statements: string[] = [];
  return {
    statements,
    query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
      statements.push(sql);
      return inner.query<T>(sql, params);
    },
    exec(sql: string, params?: readonly unknown[]): Promise<void> {
      statements.push(sql);
      return inner.exec(sql, params);
    },
  };
}

/** Captured rows, keyed by a word that identifies each inspection query. */
export interface CapturedRows {
  readonly server: Row[];
  readonly schemata: Row[];
  readonly tables: Row[];
  readonly columns: Row[];
  readonly statistics: Row[];
  readonly foreignKeys: Row[];
  readonly checks: Row[];
  /** The unmanaged objects' rows (absent: none were captured, the schema had none). */
  readonly unmanaged?: Row[];
  /** information_schema.VIEWS; absent means no views. */
  readonly views?: Row[];
  readonly triggers?: Row[];
  readonly events?: Row[];
  readonly routines?: Row[];
  readonly parameters?: Row[];
  readonly currentUser?: Row[];
}

const ROUTES: [RegExp, keyof CapturedRows][] = [
  [/ AS KIND, /, "unmanaged"],
  [/`VIEWS`/, "views"],
  [/information_schema\.TRIGGERS/, "triggers"],
  [/information_schema\.EVENTS/, "events"],
  [/information_schema\.ROUTINES/, "routines"],
  [/information_schema\.PARAMETERS/, "parameters"],
  [/CURRENT_USER\(\)/, "currentUser"],
  [/@@version/, "server"],
  [/SCHEMATA/, "schemata"],
  [/KEY_COLUMN_USAGE/, "foreignKeys"],
  [/CHECK_CONSTRAINTS/, "checks"],
  [/STATISTICS/, "statistics"],
  [/`COLUMNS`/, "columns"],
  [/INFORMATION_SCHEMA\.TABLES/, "tables"],
];

/** A Queryable answering the inspection queries from captured rows; any other query is a test failure. */
export function captured(rows: CapturedRows): Queryable {
  return {
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      const route = ROUTES.find(([re]) => re.test(sql));
      if (!route) throw new Error(`no captured rows for query: ${sql}`);
      return (rows[route[1]] ?? []) as T[];
    },
    async exec(sql: string): Promise<void> {
      if (!/^SET SESSION /.test(sql)) throw new Error(`unexpected statement: ${sql}`);
    },
  };
}
