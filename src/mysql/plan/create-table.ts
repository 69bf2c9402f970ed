/**
 * CREATE TABLE rendering (one line, Atlas's layout) and the table options clause.
 */
import type { Table, TableOptions } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ident, quoteString } from "../sql.ts";
import { columnChecks, inlineCheck } from "./column-checks.ts";
import { columnDefinition } from "./column-def.ts";
import { storageOptionsSql } from "../storage-options.ts";
import { assertStorageOptionsFit } from "./storage-options.ts";
import {
  assertForeignKeyFits,
  byName,
  checkDefinition,
  foreignKeyDefinition,
  indexDefinition,
  primaryKeyDefinition,
} from "./constraints.ts";
import { partitionBySql } from "./partition.ts";

/**
 * Renders `CREATE TABLE [schema.]t (columns, PRIMARY KEY, indexes, foreign keys, checks) options`; throws PlanError
 * for a table a server would refuse. Indexes and checks keep the model's order (declaration order for a parsed or
 * declared table, the server's for an inspected one): the server keeps it within each kind of key, and shows it.
 */
export function createTableSql(table: Table, flavor: Flavor, schema?: string): string {
  for (const fk of table.foreignKeys) assertForeignKeyFits(fk, table.name, table.columns);
  const own = columnChecks(table, flavor);
  const body = [
    ...table.columns.map((c) => columnDefinition(c, table, flavor) + inlineCheck(c.name, own)),
    ...(table.primaryKey ? [primaryKeyDefinition(table.primaryKey)] : []),
    ...table.indexes.map((i) => indexDefinition(i, flavor)),
    ...byName(table.foreignKeys).map(foreignKeyDefinition),
    ...table.checks.filter((c) => !own.has(c.name)).map((c) => checkDefinition(c, table.name, flavor)),
  ];
  const options = tableOptionsSql(table.options, flavor, table.name);
  const name = schema === undefined ? ident(table.name) : `${ident(schema)}.${ident(table.name)}`;
  const partition = table.partition ? ` ${partitionBySql(table.partition)}` : "";
  return `CREATE TABLE ${name} (${body.join(", ")})${options ? ` ${options}` : ""}${partition}`;
}

/**
 * Renders `CHARSET x COLLATE y [COMMENT '…'] [storage options] [ENGINE e] [AUTO_INCREMENT n]`: ENGINE only when not
 * the server default, AUTO_INCREMENT only above 1.
 */
export function tableOptionsSql(options: TableOptions, flavor: Flavor, table = ""): string {
  const parts: string[] = [];
  if (options.charset !== undefined) parts.push(`CHARSET ${options.charset}`);
  if (options.collate !== undefined) parts.push(`COLLATE ${options.collate}`);
  if (options.comment) parts.push(`COMMENT ${quoteString(options.comment)}`);
  assertStorageOptionsFit(options, flavor, table);
  parts.push(...storageOptionsSql(options));
  if (options.engine !== undefined && options.engine.toLowerCase() !== flavor.defaults.engine.toLowerCase())
    parts.push(`ENGINE ${options.engine}`);
  if (options.autoIncrement !== undefined && options.autoIncrement > 1)
    parts.push(`AUTO_INCREMENT ${options.autoIncrement}`);
  return parts.join(" ");
}
