/**
 * Independent reads through any Queryable: side by side when it can (a live connection), else one after another.
 */
import type { Queryable, Row, Statement } from "../../db/types.ts";

/** The rows of each statement, in the statements' order. */
export async function readAll(q: Queryable, statements: readonly Statement[]): Promise<Row[][]> {
  if (q.readAll) return q.readAll(statements);
  const out: Row[][] = [];
  for (const s of statements) out.push(await q.query(s.sql, s.params));
  return out;
}
