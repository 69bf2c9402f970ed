/**
 * Renders one ALTER TABLE clause.
 */
import { assertNever, type ColumnPosition } from "../../schema/changes.ts";
import type { Check, Column, Partitioning, TableOptions } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ident, quoteString } from "../sql.ts";
import type { AlterItem } from "./alter-item.ts";
import { inlineCheck } from "./column-checks.ts";
import { type TableContext, columnDefinition } from "./column-def.ts";
import {
  checkDefinition,
  foreignKeyBody,
  foreignKeyDefinition,
  indexDefinition,
  indexVisibility,
  primaryKeyDefinition,
} from "./constraints.ts";
import { PlanError } from "./errors.ts";
import { partitionClauseSql } from "./partition.ts";
import type { StorageOptionKey } from "../../schema/table-options.ts";
import { resetStorageOptionsSql, storageOptionsSql } from "../storage-options.ts";
import { assertStorageOptionsFit } from "./storage-options.ts";

/** What rendering a clause needs: the flavour and the table (name and, when known, its default charset/collation). */
export interface ClauseContext {
  readonly flavor: Flavor;
  readonly table: TableContext;
  /** Column-level checks of the table after the ALTER (MariaDB), written inside the column clauses that define them. */
  readonly columnChecks?: ReadonlyMap<string, Check>;
  /** The table's partitioning before the clause, when known (partition definitions are written for its type). */
  readonly partition?: Partitioning;
  /** Foreign keys this statement adds without CONSTRAINT, leaving the name to the server (server-named-fks.ts). */
  readonly serverNamedForeignKeys?: ReadonlySet<string>;
}

/** The clause text for one item; empty for an options change that changes nothing. */
export function renderClause(item: AlterItem, ctx: ClauseContext): string {
  const t = ctx.table.name;
  const define = (column: Column) =>
    columnDefinition(column, ctx.table, ctx.flavor) + inlineCheck(column.name, ctx.columnChecks ?? new Map());
  switch (item.kind) {
    case "AddColumn":
      return `ADD COLUMN ${define(item.column)}${position(item.position)}`;
    case "DropColumn":
      return `DROP COLUMN ${ident(item.column.name)}`;
    case "ModifyColumn":
      return `MODIFY COLUMN ${define(item.to)}${position(item.position)}`;
    case "ChangeColumn":
      return `CHANGE COLUMN ${ident(item.from)} ${define(item.column)}${position(item.position)}`;
    case "RenameColumn":
      return `RENAME COLUMN ${ident(item.from)} TO ${ident(item.to)}`;
    case "AddIndex":
      return `ADD ${indexDefinition(item.index, ctx.flavor)}`;
    case "DropIndex":
      return `DROP INDEX ${ident(item.index.name)}`;
    case "RenameIndex":
      if (!ctx.flavor.renameIndex)
        throw new PlanError(`${ctx.flavor.name} cannot rename index "${item.from}" of table "${t}"`, t);
      return `RENAME INDEX ${ident(item.from)} TO ${ident(item.to)}`;
    case "AddPrimaryKey":
      return `ADD ${primaryKeyDefinition(item.primaryKey)}`;
    case "DropPrimaryKey":
      return "DROP PRIMARY KEY";
    case "AddForeignKey":
      return ctx.serverNamedForeignKeys?.has(item.foreignKey.name)
        ? `ADD ${foreignKeyBody(item.foreignKey)}`
        : `ADD ${foreignKeyDefinition(item.foreignKey)}`;
    case "DropForeignKey":
      return `DROP FOREIGN KEY ${ident(item.foreignKey.name)}`;
    case "AddCheck":
      return `ADD ${checkDefinition(item.check, t, ctx.flavor)}`;
    case "DropCheck":
      return `${ctx.flavor.dropCheck} ${ident(item.check.name)}`;
    case "AlterIndex":
      return `ALTER INDEX ${ident(item.index.name)} ${indexVisibility(item.index, ctx.flavor)}`;
    case "AlterCheck":
      return `ALTER CHECK ${ident(item.check.name)} ${item.check.enforced ? "ENFORCED" : "NOT ENFORCED"}`;
    case "ModifyOptions":
      assertStorageOptionsFit(item.to, ctx.flavor, t);
      return optionClauses(item.to, item.reset ?? []);
    case "ConvertCharset":
      return `CONVERT TO CHARACTER SET ${item.charset} COLLATE ${item.collate}`;
    case "SetPartitioning":
    case "AddPartitions":
    case "DropPartitions":
    case "ReorganizePartitions":
    case "ModifyPartitionCount":
      return partitionClauseSql(item, t, ctx.partition);
    default:
      return assertNever(item, "table change");
  }
}

function position(p: ColumnPosition | undefined): string {
  if (!p) return "";
  return "first" in p ? " FIRST" : ` AFTER ${ident(p.after)}`;
}

/** Table options present in `to` and resets, comma-separated; CHARSET and COLLATE travel together. */
function optionClauses(to: TableOptions, reset: readonly StorageOptionKey[]): string {
  const parts: string[] = [];
  if (to.comment !== undefined) parts.push(`COMMENT ${quoteString(to.comment)}`);
  const charset = [
    to.charset !== undefined ? `CHARSET ${to.charset}` : "",
    to.collate !== undefined ? `COLLATE ${to.collate}` : "",
  ].filter(Boolean);
  if (charset.length) parts.push(charset.join(" "));
  if (to.engine !== undefined) parts.push(`ENGINE ${to.engine}`);
  if (to.autoIncrement !== undefined) parts.push(`AUTO_INCREMENT ${to.autoIncrement}`);
  // One clause: with strict InnoDB, ROW_FORMAT and KEY_BLOCK_SIZE are checked together.
  const storage = [...storageOptionsSql(to), ...resetStorageOptionsSql(reset)];
  if (storage.length) parts.push(storage.join(" "));
  return parts.join(", ");
}
