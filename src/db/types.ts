/**
 * The connection interface the rest of the tool sees. Only db/ imports mysql2; other layers take a `Queryable`, so
 * inspection can also run over captured rows in unit tests.
 */

/** One row as the driver returns it (column name → value). */
export type Row = Record<string, unknown>;

/** One statement with `?` placeholders and its parameters. */
export interface Statement {
  readonly sql: string;
  readonly params?: readonly unknown[];
}

/** Something that runs SQL: a live connection, or a stand-in over captured rows in unit tests. */
export interface Queryable {
  /** Runs a query with `?` placeholders and returns its rows. */
  query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]>;
  /** Runs a statement that returns no rows (DDL, SET, …). */
  exec(sql: string, params?: readonly unknown[]): Promise<void>;
  /**
   * Runs a statement that returns no rows as a server-side prepared statement, prepared on first use and then only
   * executed: for a write a run repeats thousands of times (a live connection has it; callers fall back to `exec`).
   */
  execPrepared?(sql: string, params: readonly unknown[]): Promise<void>;
}
