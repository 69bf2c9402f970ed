/**
 * Pre-revert checks (Atlas's pre-migration checks for `migrate down`, and more): before a plan drops a table it must be
 * empty, before it drops a column every value must be NULL, before it narrows a column (shorter, smaller range, fewer
 * decimals or ENUM/SET members, NOT NULL) every value must fit; before it drops partitions they must be empty. Only objects of the live schema are checked, under
 * their live names (a plan may rename them first): every check runs before the first statement.
 */
import type { Queryable } from "../../db/types.ts";
import { isEmptyQuery, notFittingQuery, partitionsEmptyQuery } from "../../mysql/queries/data-checks.ts";
import { lossCondition } from "../../mysql/queries/narrowing.ts";
import type { Change } from "../../schema/changes.ts";
import { type Column, findColumn, findTable, type Schema } from "../../schema/model.ts";
import type { NameTrail } from "../../schema/name-trail.ts";

/** One check: a query and the object it guards. */
export interface DownCheck {
  readonly sql: string;
  readonly table: string;
  readonly column?: string;
  /** For a narrowed column: the type it gets, and whether the count is exact (false: any value may not fit). */
  readonly narrowedTo?: { readonly type: string; readonly exact: boolean };
  /** For dropped partitions: their names (the check asks that they hold no row). */
  readonly partitions?: readonly string[];
}

/** What a check found: passed, or how many rows do not fit (narrowing checks). */
export interface CheckOutcome {
  readonly passed: boolean;
  readonly rows?: number;
}

function emptyCheck(table: string, column?: string): DownCheck {
  return { sql: isEmptyQuery(table, column), table, ...(column !== undefined ? { column } : {}) };
}

function fitCheck(table: string, live: Column, to: Column): DownCheck | undefined {
  const loss = lossCondition(live, to);
  if (!loss) return undefined;
  const type = `${to.type}${to.nullable ? "" : " NOT NULL"}`;
  return { sql: notFittingQuery(table, loss.where), table, column: live.name, narrowedTo: { type, exact: loss.exact } };
}

/**
 * The checks guarding `changes`, for tables and columns of `live`; `trail` leads from the names the changes use to the
 * live names and is moved past the changes.
 */
export function dataChecks(changes: readonly Change[], live: Schema, trail: NameTrail): DownCheck[] {
  const out: DownCheck[] = [];
  for (const change of changes) {
    if (change.kind === "DropTable") {
      const name = trail.startTable(change.table.name);
      if (name !== undefined && findTable(live, name)) out.push(emptyCheck(name));
    }
    if (change.kind !== "ModifyTable") {
      trail.follow(change);
      continue;
    }
    const tableName = trail.startTable(change.table);
    const table = tableName === undefined ? undefined : findTable(live, tableName);
    for (const c of change.changes) {
      // Reverting ADD PARTITION drops the partition: it must hold no row (they cannot come back).
      if (table && c.kind === "DropPartitions") {
        const names = c.partitions.map((p) => p.name);
        out.push({ sql: partitionsEmptyQuery(table.name, names), table: table.name, partitions: names });
      }
      const liveName =
        c.kind === "DropColumn" || c.kind === "ModifyColumn"
          ? trail.startColumn(change.table, c.kind === "DropColumn" ? c.column.name : c.from.name)
          : undefined;
      const column = table && liveName !== undefined ? findColumn(table, liveName) : undefined;
      if (table && column && c.kind === "DropColumn") out.push(emptyCheck(table.name, column.name));
      if (table && column && c.kind === "ModifyColumn") {
        const fit = fitCheck(table.name, column, c.to);
        if (fit) out.push(fit);
      }
      trail.followIn(change.table, c);
    }
  }
  return out;
}

/** Runs one check against the live database. */
export async function runCheck(conn: Queryable, c: DownCheck): Promise<CheckOutcome> {
  if (c.narrowedTo) {
    const rows = Number((await conn.query<{ not_fitting: unknown }>(c.sql))[0]?.not_fitting);
    return { passed: rows === 0, rows };
  }
  const rows = await conn.query<{ is_empty: unknown }>(c.sql);
  return { passed: Number(rows[0]?.is_empty) === 1 };
}
