/**
 * ALTER TABLE rendering for one ModifyTable: one statement with comma-separated clauses in change order, split in
 * two where one statement cannot do it (see alter-split.ts).
 */
import type { Change, TableChange } from "../../schema/changes.ts";
import type { Column, Table, TableOptions } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ident } from "../sql.ts";
import { renderClause } from "./alter-clauses.ts";
import { alterItems } from "./alter-items.ts";
import { splitAlter } from "./alter-split.ts";
import { columnChecks } from "./column-checks.ts";
import { assertForeignKeyFits } from "./constraints.ts";
import { serverNamedForeignKeys } from "./server-named-fks.ts";

/** A ModifyTable change. */
export type ModifyTableChange = Extract<Change, { kind: "ModifyTable" }>;

/** The ALTER TABLE statements for one ModifyTable; `before`/`after` are the table around the change, when known. */
export function alterTableStatements(
  change: ModifyTableChange,
  flavor: Flavor,
  before?: Table,
  after?: Table,
): string[] {
  assertForeignKeysFit(change, after);
  const items = alterItems(change.table, change.changes, flavor, before, after);
  const ctx = {
    flavor,
    table: { name: change.table, options: steadyCharset(before, after) },
    columnChecks: columnChecks(after, flavor),
  };
  // A partition change's definitions are written for the partitioning type it meets (a new PARTITION BY sets it).
  let partition = before?.partition;
  const groups = splitAlter(items, before);
  const serverNamed = serverNamedForeignKeys(change.table, groups, before, after);
  return groups
    .map((group, k) =>
      group
        .map((item) => {
          const clause = renderClause(item, {
            ...ctx,
            ...(partition ? { partition } : {}),
            serverNamedForeignKeys: serverNamed[k],
          });
          if (item.kind === "SetPartitioning") partition = item.to;
          return clause;
        })
        .filter((clause) => clause !== ""),
    )
    .filter((clauses) => clauses.length > 0)
    .map((clauses) => `ALTER TABLE ${ident(change.table)} ${clauses.join(", ")}`);
}

/** The table's default charset/collation where it is known and the same before and after (else columns state their own). */
function steadyCharset(before?: Table, after?: Table): Pick<TableOptions, "charset" | "collate"> {
  if (!before) return {};
  const end = (after ?? before).options;
  return {
    ...(before.options.charset === end.charset && end.charset !== undefined ? { charset: end.charset } : {}),
    ...(before.options.collate === end.collate && end.collate !== undefined ? { collate: end.collate } : {}),
  };
}

/** SET NULL needs nullable columns: checked on the whole table when known, else on the columns the change defines. */
function assertForeignKeysFit(change: ModifyTableChange, after?: Table): void {
  if (after) {
    for (const fk of after.foreignKeys) assertForeignKeyFits(fk, change.table, after.columns);
    return;
  }
  const columns = change.changes.flatMap(definedColumn);
  for (const c of change.changes)
    if (c.kind === "AddForeignKey") assertForeignKeyFits(c.foreignKey, change.table, columns, false);
}

function definedColumn(change: TableChange): Column[] {
  return change.kind === "AddColumn" ? [change.column] : change.kind === "ModifyColumn" ? [change.to] : [];
}
