/**
 * plan: Change[] → SQL statements, in an order a real server runs, rendered the way Atlas writes them
 * (docs/atlas-compat.md §6, §6.1, §6.2).
 */
import { applyChanges } from "../schema/apply.ts";
import { assertNever, type Change, isObjectChange } from "../schema/changes.ts";
import { findTable, type Schema, type Table } from "../schema/model.ts";
import type { Flavor } from "./flavor.ts";
import { alterTableStatements } from "./plan/alter-table.ts";
import * as comments from "./plan/comments.ts";
import { createTableSql } from "./plan/create-table.ts";
import { objectStatements } from "./plan/objects.ts";
import { PlanError } from "./plan/errors.ts";
import { orderChanges } from "./plan/order.ts";
import { changeTable } from "./plan/order-facts.ts";
import { createViewSql, dropViewSql } from "./plan/view.ts";
import { ident } from "./sql.ts";

/** One statement of a plan: the SQL without its trailing `;` and the comment Atlas writes above it. */
export interface PlannedStatement {
  readonly comment: string;
  readonly sql: string;
}

/** What the planner may know besides the changes. */
export interface PlanOptions {
  /**
   * The schema the changes apply to. With it, ALTER TABLE leaves out a column's CHARSET/COLLATE when they are the
   * table's (as Atlas does) and SET NULL foreign keys are checked; a flavour without RENAME COLUMN needs it for
   * CHANGE COLUMN. Without it, character columns in ALTER TABLE state their charset and collation.
   */
  readonly current?: Schema;
}

/** Turns changes into statements, ordered for a real server; throws PlanError for what cannot be planned. */
export function plan(changes: readonly Change[], flavor: Flavor, options: PlanOptions = {}): PlannedStatement[] {
  let state = options.current;
  const out: PlannedStatement[] = [];
  for (const change of orderChanges(changes)) {
    const next = state && advance(state, change);
    out.push(...render(change, flavor, state, next));
    state = next;
  }
  return out;
}

function render(change: Change, flavor: Flavor, state?: Schema, next?: Schema): PlannedStatement[] {
  if (isObjectChange(change)) return objectStatements(change);
  switch (change.kind) {
    case "AddTable":
      return [{ comment: comments.createTableComment(change.table.name), sql: createTableSql(change.table, flavor) }];
    case "DropTable":
      return [{ comment: comments.dropTableComment(change.table.name), sql: `DROP TABLE ${ident(change.table.name)}` }];
    case "RenameTable":
      return [
        {
          comment: comments.renameTableComment(change.from, change.to),
          sql: `RENAME TABLE ${ident(change.from)} TO ${ident(change.to)}`,
        },
      ];
    case "ModifyTable": {
      const comment = comments.modifyTableComment(change.table);
      const statements = alterTableStatements(
        change,
        flavor,
        tableIn(state, change.table),
        tableIn(next, change.table),
      );
      return statements.map((sql) => ({ comment, sql }));
    }
    case "ModifySchema":
      return modifySchema(change);
    case "AddView":
      return [{ comment: comments.viewComment("create", change.view.name), sql: createViewSql(change.view) }];
    case "DropView":
      return [{ comment: comments.viewComment("drop", change.view.name), sql: dropViewSql(change.view) }];
    case "ModifyView":
      return [{ comment: comments.viewComment("modify", change.to.name), sql: createViewSql(change.to, true) }];
    default:
      return assertNever(change, "change");
  }
}

function tableIn(schema: Schema | undefined, name: string): Table | undefined {
  return schema && findTable(schema, name);
}

/** `ALTER DATABASE CHARACTER SET x COLLATE y` (unnamed: the connection's database; `CHARSET` there would read as a name on MariaDB). */
function modifySchema(change: Extract<Change, { kind: "ModifySchema" }>): PlannedStatement[] {
  const parts = [
    change.charset ? `CHARACTER SET ${change.charset}` : "",
    change.collate ? `COLLATE ${change.collate}` : "",
  ].filter(Boolean);
  return parts.length ? [{ comment: comments.modifySchemaComment, sql: `ALTER DATABASE ${parts.join(" ")}` }] : [];
}

/** The schema after one change; a change that does not fit the given current schema cannot be planned. */
function advance(schema: Schema, change: Change): Schema {
  try {
    return applyChanges(schema, [change]);
  } catch (error) {
    throw new PlanError(
      `the changes do not fit the current schema: ${(error as Error).message}`,
      changeTable(change),
      undefined,
      { cause: error },
    );
  }
}

/** Renders CREATE TABLE for one table (also used by `stats-db schema sql`). */
export { createTableSql } from "./plan/create-table.ts";
/** Renders one column's definition. */
export { columnDefinition } from "./plan/column-def.ts";
/** The error thrown for changes that cannot be planned. */
export { PlanError } from "./plan/errors.ts";
/** The DROP statements of objects the model does not cover (`schema clean`). */
export { dropUnmanagedStatements } from "./plan/unmanaged.ts";
