/**
 * Rows of `atlas_schema_revisions` (Atlas's `migrate.Revision`): reading them, and writing one with Ent's upsert
 * (every column but version, description and executed_at is replaced on conflict). A table an older Atlas created
 * (< 0.8: no `error_stmt`) is read as it is and brought up to date by `ensure` before anything is written.
 */
import type { Queryable, Row } from "../db/types.ts";
import type { Flavor } from "../mysql/flavor.ts";
import {
  createDatabaseStatement,
  SCHEMA_EXISTS_QUERY,
  TABLE_COLUMNS_QUERY,
  TABLE_EXISTS_QUERY,
} from "../mysql/queries/catalog.ts";
import {
  deleteByKeysSql,
  type QualifiedTable,
  selectAllButSql,
  selectByKeySql,
  upsertSql,
} from "../mysql/queries/rows.ts";
import { REVISIONS_TABLE } from "./revisions/names.ts";

// The DDL renderer (the planner) loads only when the table is created or upgraded: readers never pay for it.
const tableDdl = () => import("./revisions/table.ts");

/** The `type` bitmask: baseline, executed, resolved by `migrate set`, and executed then resolved. */
export const RevisionType = { baseline: 1, execute: 2, resolved: 4, executeResolved: 6 } as const;

/** One revision row. `executionTime` is in nanoseconds; `partialHashes` is null once the file is done. */
export interface Revision {
  readonly version: string;
  readonly description: string;
  readonly type: number;
  readonly applied: number;
  readonly total: number;
  readonly executedAt: Date;
  readonly executionTime: number;
  readonly error: string;
  readonly errorStmt: string;
  readonly hash: string;
  readonly partialHashes: readonly string[] | null;
  readonly operatorVersion: string;
}

const COLUMNS = [
  "version",
  "description",
  "type",
  "applied",
  "total",
  "executed_at",
  "execution_time",
  "error",
  "error_stmt",
  "hash",
  "partial_hashes",
  "operator_version",
] as const;
const IMMUTABLE = new Set(["version", "description", "executed_at"]);

// The reserved row Atlas Cloud writes; never a migration.
const CLOUD_ROW = ".atlas_cloud_identifier";

function rowValues(rev: Revision): unknown[] {
  return [
    rev.version,
    rev.description,
    rev.type,
    rev.applied,
    rev.total,
    rev.executedAt,
    rev.executionTime,
    rev.error,
    rev.errorStmt,
    rev.hash,
    JSON.stringify(rev.partialHashes),
    rev.operatorVersion,
  ];
}

function toHashes(value: unknown): string[] | null {
  const parsed = typeof value === "string" ? JSON.parse(value) : value;
  return Array.isArray(parsed) ? parsed.map(String) : null;
}

function fromRow(r: Row): Revision {
  return {
    version: String(r.version),
    description: String(r.description),
    type: Number(r.type),
    applied: Number(r.applied),
    total: Number(r.total),
    executedAt: r.executed_at instanceof Date ? r.executed_at : new Date(0),
    executionTime: Number(r.execution_time),
    error: r.error == null ? "" : String(r.error),
    errorStmt: r.error_stmt == null ? "" : String(r.error_stmt),
    hash: String(r.hash),
    partialHashes: toHashes(r.partial_hashes),
    operatorVersion: String(r.operator_version),
  };
}

/** The revisions table of one schema over a connection. */
export class RevisionStore {
  private readonly table: QualifiedTable;
  private present: Promise<Set<string>> | undefined;
  // The upserts' texts (one row, two rows), built on first use.
  private upsert: string | undefined;
  private upsertTwo: string | undefined;

  constructor(
    private readonly conn: Queryable,
    readonly schema: string,
  ) {
    this.table = { schema, name: REVISIONS_TABLE };
  }

  /** Whether the schema exists and holds the revisions table. */
  async exists(): Promise<boolean> {
    const rows = await this.conn.query(TABLE_EXISTS_QUERY, [this.schema, REVISIONS_TABLE]);
    return Number(rows[0]?.n) > 0;
  }

  /** Creates the schema (when missing) and the table (when missing) or adds the columns an older Atlas's table lacks, as Atlas does before every apply. */
  async ensure(flavor: Flavor): Promise<void> {
    const schemas = await this.conn.query(SCHEMA_EXISTS_QUERY, [this.schema]);
    if (Number(schemas[0]?.n) === 0) await this.conn.exec(createDatabaseStatement(this.schema));
    const { revisionsTableDdl, revisionsUpgradeDdl } = await tableDdl();
    if (!(await this.exists())) {
      await this.conn.exec(revisionsTableDdl(flavor, this.schema));
      this.present = undefined;
      return;
    }
    const upgrade = revisionsUpgradeDdl(flavor, this.schema, await this.columns());
    if (upgrade === undefined) return;
    await this.conn.exec(upgrade);
    this.present = undefined;
  }

  /** The columns the table has (read once per store, again after `ensure` changed the table). */
  private columns(): Promise<Set<string>> {
    this.present ??= this.conn
      .query(TABLE_COLUMNS_QUERY, [this.schema, REVISIONS_TABLE])
      .then((rows) => new Set(rows.map((r) => String(r.c))));
    return this.present;
  }

  /** The revision columns to select: all of them, but those an older table lacks (they read as ""). */
  private async readable(): Promise<string[]> {
    const present = await this.columns();
    return COLUMNS.filter((c) => present.has(c));
  }

  /** All revisions, ordered by version (byte order: the column is utf8mb4_bin). */
  async readAll(): Promise<Revision[]> {
    const rows = await this.conn.query(selectAllButSql(this.table, await this.readable(), "version"), [CLOUD_ROW]);
    return rows.map(fromRow);
  }

  /** One revision by version, or undefined. */
  async read(version: string): Promise<Revision | undefined> {
    const rows = await this.conn.query(selectByKeySql(this.table, await this.readable(), "version"), [version]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  /** Deletes the rows of the given versions (what `migrate down` does once it reverted their files). */
  async delete(versions: readonly string[]): Promise<void> {
    if (versions.length === 0) return;
    await this.conn.exec(deleteByKeysSql(this.table, "version", versions.length), versions);
  }

  /**
   * Inserts or updates a revision (`INSERT … ON DUPLICATE KEY UPDATE` of the mutable columns); `next`, when given, in
   * the same statement (an apply writes a file's last row and the next file's first one together).
   */
  async write(rev: Revision, next?: Revision): Promise<void> {
    const values = next ? [...rowValues(rev), ...rowValues(next)] : rowValues(rev);
    const sql = next
      ? (this.upsertTwo ??= upsertSql(this.table, COLUMNS, IMMUTABLE, 2))
      : (this.upsert ??= upsertSql(this.table, COLUMNS, IMMUTABLE));
    // Prepared once: an apply writes the row after every statement.
    await (this.conn.execPrepared ? this.conn.execPrepared(sql, values) : this.conn.exec(sql, values));
  }
}
