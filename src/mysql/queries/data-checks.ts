/**
 * Queries that ask whether a table or column holds data (the checks before `migrate down` drops it).
 */
import { ident } from "../sql.ts";

/** `SELECT NOT EXISTS (SELECT 1 FROM t [WHERE c IS NOT NULL]) AS is_empty`, as Atlas prints it: 1 when nothing would be lost. */
export function isEmptyQuery(table: string, column?: string): string {
  const where = column === undefined ? "" : ` WHERE ${ident(column)} IS NOT NULL`;
  return `SELECT NOT EXISTS (SELECT 1 FROM ${ident(table)}${where}) AS ${ident("is_empty")}`;
}

/** `SELECT NOT EXISTS (SELECT 1 FROM t PARTITION (p, …)) AS is_empty`: whether partitions hold no row. */
export function partitionsEmptyQuery(table: string, partitions: readonly string[]): string {
  const from = `${ident(table)} PARTITION (${partitions.map(ident).join(", ")})`;
  return `SELECT NOT EXISTS (SELECT 1 FROM ${from}) AS ${ident("is_empty")}`;
}

/** `SELECT COUNT(*) AS not_fitting FROM t WHERE <condition>`: how many rows a narrower column definition would lose. */
export function notFittingQuery(table: string, where: string): string {
  return `SELECT COUNT(*) AS ${ident("not_fitting")} FROM ${ident(table)} WHERE ${where}`;
}
