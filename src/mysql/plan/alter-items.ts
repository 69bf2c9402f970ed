/**
 * Rewrites a ModifyTable's changes into the clauses a server accepts in one ALTER TABLE: a rename followed by a
 * definition change becomes CHANGE COLUMN, indexes the server drops with their columns are left out, and a check
 * whose only change is enforcement becomes ALTER CHECK (MySQL), an index whose only change is its visibility ALTER INDEX.
 */
import type { TableChange } from "../../schema/changes.ts";
import { deepEqual } from "../../schema/equal.ts";
import type { Column, Index, Table } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import type { AlterItem } from "./alter-item.ts";
import { foldColumnChecks } from "./column-checks.ts";
import { PlanError } from "./errors.ts";

/** The clauses for one ModifyTable; `before`/`after` are the table around them, when known. */
export function alterItems(
  table: string,
  changes: readonly TableChange[],
  flavor: Flavor,
  before?: Table,
  after?: Table,
): AlterItem[] {
  const renamed = mergeRenames(table, changes, flavor, before);
  return alterIndexes(alterChecks(foldColumnChecks(withoutAutoDroppedIndexes(renamed), flavor, before, after), flavor));
}

/** RenameColumn + ModifyColumn on the new name → one CHANGE COLUMN (the server does not see the new name inside the same ALTER). */
function mergeRenames(table: string, changes: readonly TableChange[], flavor: Flavor, before?: Table): AlterItem[] {
  const items: AlterItem[] = [];
  const merged = new Set<TableChange>();
  for (const change of changes) {
    if (merged.has(change)) continue;
    if (change.kind !== "RenameColumn") {
      items.push(change);
      continue;
    }
    const modify = changes.find(
      (c) => c.kind === "ModifyColumn" && c.from.name === change.to && changes.indexOf(c) > changes.indexOf(change),
    );
    if (modify?.kind === "ModifyColumn") {
      merged.add(modify);
      items.push({
        kind: "ChangeColumn",
        from: change.from,
        column: modify.to,
        ...(modify.position ? { position: modify.position } : {}),
      });
    } else if (flavor.renameColumn) {
      items.push(change);
    } else {
      items.push({
        kind: "ChangeColumn",
        from: change.from,
        column: { ...columnOf(table, change.from, before), name: change.to },
      });
    }
  }
  return items;
}

function columnOf(table: string, name: string, before?: Table): Column {
  const column = before?.columns.find((c) => c.name === name);
  if (!column)
    throw new PlanError(
      `renaming column "${name}" of table "${table}" needs CHANGE COLUMN with its definition, which is unknown: plan with the current schema`,
      table,
      name,
    );
  return column;
}

/** Leaves out DROP INDEX for indexes whose columns are all dropped in the same ALTER (the server drops them itself). */
function withoutAutoDroppedIndexes(items: AlterItem[]): AlterItem[] {
  const dropped = new Set(items.flatMap((i) => (i.kind === "DropColumn" ? [i.column.name] : [])));
  const added = new Set(items.flatMap((i) => (i.kind === "AddIndex" ? [i.index.name] : [])));
  return items.filter(
    (i) =>
      i.kind !== "DropIndex" ||
      added.has(i.index.name) ||
      !i.index.parts.every((p) => p.column !== undefined && dropped.has(p.column)),
  );
}

/** DropCheck + AddCheck of the same name and expression → ALTER CHECK, where the flavour has it. */
function alterChecks(items: AlterItem[], flavor: Flavor): AlterItem[] {
  if (!flavor.checkEnforcement) return items;
  const out: AlterItem[] = [];
  const skip = new Set<AlterItem>();
  for (const item of items) {
    if (skip.has(item)) continue;
    const add =
      item.kind === "DropCheck"
        ? items.find((a) => a.kind === "AddCheck" && a.check.name === item.check.name)
        : undefined;
    if (item.kind === "DropCheck" && add?.kind === "AddCheck" && add.check.expr === item.check.expr) {
      skip.add(add);
      out.push({ kind: "AlterCheck", check: add.check });
    } else {
      out.push(item);
    }
  }
  return out;
}

/** DropIndex + AddIndex of the same index but for its visibility → ALTER INDEX (no index rebuild). */
function alterIndexes(items: AlterItem[]): AlterItem[] {
  const out: AlterItem[] = [];
  const skip = new Set<AlterItem>();
  const withoutFlag = (i: Index) => ({ ...i, invisible: undefined });
  for (const item of items) {
    if (skip.has(item)) continue;
    const add =
      item.kind === "DropIndex"
        ? items.find((a) => a.kind === "AddIndex" && a.index.name === item.index.name)
        : undefined;
    if (
      item.kind === "DropIndex" &&
      add?.kind === "AddIndex" &&
      deepEqual(withoutFlag(item.index), withoutFlag(add.index))
    ) {
      skip.add(add);
      out.push({ kind: "AlterIndex", index: add.index });
    } else {
      out.push(item);
    }
  }
  return out;
}
