/**
 * Column-level CHECKs on MariaDB: a check named after a column belongs to that column's definition. The server shows
 * it there, cannot DROP CONSTRAINT it, and drops it whenever MODIFY/CHANGE COLUMN leaves it out; so the planner writes
 * it inside CREATE TABLE's column, ADD COLUMN and MODIFY COLUMN, and turns adding or dropping one into a MODIFY COLUMN.
 */
import type { Check, Table } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import type { AlterItem } from "./alter-item.ts";

/** The column-level check of each column of the table, by column name (empty where the flavour has none). */
export function columnChecks(table: Table | undefined, flavor: Flavor): ReadonlyMap<string, Check> {
  if (!table || !flavor.columnLevelChecks) return new Map();
  const names = new Set(table.columns.map((c) => c.name));
  return new Map(table.checks.filter((c) => names.has(c.name)).map((c) => [c.name, c]));
}

/** ` CHECK (expr)` when the column has a column-level check, else "". */
export function inlineCheck(column: string, checks: ReadonlyMap<string, Check>): string {
  const check = checks.get(column);
  return check ? ` CHECK (${check.expr})` : "";
}

/**
 * Rewrites AddCheck/DropCheck of column-level checks: left out when a clause of the same ALTER redefines the column
 * (it carries the check) or drops it; otherwise replaced by a MODIFY COLUMN with the column's definition after.
 */
export function foldColumnChecks(
  items: readonly AlterItem[],
  flavor: Flavor,
  before?: Table,
  after?: Table,
): AlterItem[] {
  if (!before || !after || !flavor.columnLevelChecks) return [...items];
  const own = new Set([...columnChecks(before, flavor).keys(), ...columnChecks(after, flavor).keys()]);
  const redefined = new Set(items.flatMap(definedOrDropped));
  const out: AlterItem[] = [];
  for (const item of items) {
    const name = item.kind === "AddCheck" || item.kind === "DropCheck" ? item.check.name : undefined;
    if (name === undefined || !own.has(name)) {
      out.push(item);
      continue;
    }
    if (redefined.has(name)) continue;
    const from = before.columns.find((c) => c.name === name);
    const to = after.columns.find((c) => c.name === name);
    if (!from || !to) {
      out.push(item);
      continue;
    }
    redefined.add(name);
    out.push({ kind: "ModifyColumn", from, to });
  }
  return out;
}

/** The column a clause writes in full or drops (so its column-level check needs no clause of its own). */
function definedOrDropped(item: AlterItem): string[] {
  if (item.kind === "AddColumn" || item.kind === "DropColumn") return [item.column.name];
  if (item.kind === "ModifyColumn") return [item.to.name];
  if (item.kind === "ChangeColumn") return [item.column.name, item.from];
  return [];
}
