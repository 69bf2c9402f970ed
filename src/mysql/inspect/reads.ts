/**
 * Independent reads through any Queryable: side by side when it can (a live connection), else one after another.
 */
import type { Queryable, Row, Statement } from "../../db/types.ts";

/** One promise of rows per statement, in the statements' order, each settling as its rows arrive. */
export function reads(q: Queryable, statements: readonly Statement[]): Promise<Row[]>[] {
  if (q.reads) return q.reads(statements);
  let previous: Promise<unknown> = Promise.resolve();
  return statements.map((s) => {
    const rows = previous.then(() => q.query(s.sql, s.params));
    previous = rows;
    return rows;
  });
}
