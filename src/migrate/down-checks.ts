/**
 * Pre-revert checks (Atlas's pre-migration checks for `migrate down`): before a plan drops a table it must be empty,
 * before it drops a column every value must be NULL. Only objects that exist in the live schema are checked.
 */
import type { Queryable } from "../db/types.ts";
import { isEmptyQuery } from "../mysql/queries/data-checks.ts";
import type { Change } from "../schema/changes.ts";
import { findTable, type Schema } from "../schema/model.ts";

/** One check: a query returning `is_empty` (1 when nothing would be lost) and the object it guards. */
export interface DownCheck {
  readonly sql: string;
  readonly table: string;
  readonly column?: string;
}

function check(table: string, column?: string): DownCheck {
  return { sql: isEmptyQuery(table, column), table, ...(column !== undefined ? { column } : {}) };
}

/** The checks guarding the drops among `changes`, for tables and columns present in `live`. */
export function dataChecks(changes: readonly Change[], live: Schema): DownCheck[] {
  const out: DownCheck[] = [];
  for (const change of changes) {
    if (change.kind === "DropTable" && findTable(live, change.table.name)) out.push(check(change.table.name));
    if (change.kind !== "ModifyTable") continue;
    const table = findTable(live, change.table);
    for (const c of change.changes) {
      if (c.kind === "DropColumn" && table?.columns.some((col) => col.name === c.column.name)) out.push(check(change.table, c.column.name));
    }
  }
  return out;
}

/** Runs one check; true when the guarded table or column holds nothing the revert would lose. */
export async function checkPasses(conn: Queryable, c: DownCheck): Promise<boolean> {
  const rows = await conn.query<{ is_empty: unknown }>(c.sql);
  return Number(rows[0]?.is_empty) === 1;
}
