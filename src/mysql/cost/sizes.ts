/**
 * How big the tables of a schema are, from `information_schema.TABLES`: InnoDB's row estimate and the bytes of data
 * and indexes. One query for the whole schema.
 */
import type { Queryable } from "../../db/types.ts";

/** A table's size: estimated rows and bytes (data + indexes). */
export interface TableSize {
  readonly rows: number;
  readonly bytes: number;
}

/** Each table of one schema (the parameter) with its estimated rows and bytes. */
export const TABLE_SIZES_QUERY =
  "SELECT `TABLE_NAME` AS name, `TABLE_ROWS` AS n, `DATA_LENGTH` + `INDEX_LENGTH` AS bytes " +
  "FROM `INFORMATION_SCHEMA`.`TABLES` WHERE `TABLE_SCHEMA` = ? AND `TABLE_TYPE` = 'BASE TABLE'";

/** The sizes of the tables of `schema`, by table name. */
export async function tableSizes(conn: Queryable, schema: string): Promise<Map<string, TableSize>> {
  const rows = await conn.query(TABLE_SIZES_QUERY, [schema]);
  return new Map(rows.map((r) => [String(r.name), { rows: Number(r.n ?? 0), bytes: Number(r.bytes ?? 0) }]));
}

/** A byte count for people: `512 B`, `3.2 MB`, `15.0 GB`. */
export function formatBytes(bytes: number): string {
  const units = ["B", "KB", "MB", "GB", "TB"];
  let v = bytes;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(1)} ${units[u]}`;
}
