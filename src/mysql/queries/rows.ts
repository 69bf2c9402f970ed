/**
 * Statements over the rows of one table addressed by a key column (what the revisions store runs): select all but one
 * key, select by key, delete by keys, and the upsert. Values are always `?` parameters.
 */
import { ident } from "../sql.ts";

/** A table name, qualified with its schema. */
export interface QualifiedTable {
  readonly schema: string;
  readonly name: string;
}

/** The table's name as SQL text: `` `schema`.`name` ``. */
export function qualifiedName(table: QualifiedTable): string {
  return `${ident(table.schema)}.${ident(table.name)}`;
}

function columnList(columns: readonly string[]): string {
  return columns.map(ident).join(", ");
}

/** SELECT of `columns` from every row whose `key` differs from the one parameter, ordered by `key`. */
export function selectAllButSql(table: QualifiedTable, columns: readonly string[], key: string): string {
  return `SELECT ${columnList(columns)} FROM ${qualifiedName(table)} WHERE ${ident(key)} <> ? ORDER BY ${ident(key)}`;
}

/** SELECT of `columns` from the row whose `key` equals the one parameter. */
export function selectByKeySql(table: QualifiedTable, columns: readonly string[], key: string): string {
  return `SELECT ${columnList(columns)} FROM ${qualifiedName(table)} WHERE ${ident(key)} = ?`;
}

/** DELETE of the rows whose `key` is one of `count` parameters. */
export function deleteByKeysSql(table: QualifiedTable, key: string, count: number): string {
  return `DELETE FROM ${qualifiedName(table)} WHERE ${ident(key)} IN (${Array.from({ length: count }, () => "?").join(", ")})`;
}

/** INSERT of `rows` rows (a parameter per column each) that, on a duplicate key, replaces every column not in `keep`. */
export function upsertSql(
  table: QualifiedTable,
  columns: readonly string[],
  keep: ReadonlySet<string>,
  rows = 1,
): string {
  const updates = columns.filter((c) => !keep.has(c)).map((c) => `${ident(c)} = VALUES(${ident(c)})`);
  const row = `(${columns.map(() => "?").join(", ")})`;
  return `INSERT INTO ${qualifiedName(table)} (${columnList(columns)}) VALUES ${Array.from({ length: rows }, () => row).join(", ")} ON DUPLICATE KEY UPDATE ${updates.join(", ")}`;
}
