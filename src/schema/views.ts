/**
 * Views in the dialect-free layer: applying view changes to a schema, and the view part of a diff, including the
 * drop and re-create of a view around a table change that breaks it (docs/views.md).
 */
import type { Change } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import { type Schema, tableIndex, type View } from "./model.ts";

type ViewChange = Extract<Change, { kind: "AddView" | "DropView" | "ModifyView" }>;

/** The views of a schema (absent means none). */
export function viewsOf(schema: Schema): readonly View[] {
  return schema.views ?? [];
}

/** Finds a view by name. */
export function findView(schema: Schema, name: string): View | undefined {
  return viewsOf(schema).find((v) => v.name === name);
}

/** The schema after one view change; throws ApplyError when it does not fit. */
export function applyViewChange(schema: Schema, change: ViewChange): Schema {
  const views = viewsOf(schema);
  switch (change.kind) {
    case "AddView": {
      const name = change.view.name;
      if (findView(schema, name) || tableIndex(schema, name) >= 0)
        throw new ApplyError(`view "${name}" already exists`, name);
      return { ...schema, views: [...views, change.view] };
    }
    case "DropView":
      viewAt(schema, change.view.name);
      return withViews(
        schema,
        views.filter((v) => v.name !== change.view.name),
      );
    case "ModifyView": {
      const at = viewAt(schema, change.from.name);
      const next = views.slice();
      next[at] = change.to;
      return { ...schema, views: next };
    }
  }
}

/** The schema with these views; no `views` key when there are none (absent means none). */
function withViews(schema: Schema, views: readonly View[]): Schema {
  if (views.length) return { ...schema, views };
  const { views: _gone, ...rest } = schema;
  return rest;
}

function viewAt(schema: Schema, name: string): number {
  const at = viewsOf(schema).findIndex((v) => v.name === name);
  if (at < 0) throw new ApplyError(`view "${name}" does not exist`, name);
  return at;
}

/**
 * True when a current view already is the desired one; the definer counts only when the desired view declares it,
 * against the current view's declared or reported definer.
 */
export function sameView(current: View, desired: View): boolean {
  return (
    current.definition === desired.definition &&
    current.algorithm === desired.algorithm &&
    current.security === desired.security &&
    current.checkOption === desired.checkOption &&
    (desired.definer === undefined || (current.definer ?? current.reportedDefiner) === desired.definer)
  );
}

/**
 * Adds the view changes to the table changes of a diff: views gone are dropped, new ones created, changed ones
 * replaced, and a kept view that reads a table the table changes drop, rename or take columns from is dropped before
 * and created again after them.
 */
export function withViewChanges(current: Schema, desired: Schema, tableChanges: readonly Change[]): Change[] {
  const broken = brokenNames(tableChanges);
  const wanted = new Map(viewsOf(desired).map((v) => [v.name, v]));
  const had = new Set(viewsOf(current).map((v) => v.name));
  const out: Change[] = [];
  for (const c of viewsOf(current)) {
    const d = wanted.get(c.name);
    if (!d) out.push({ kind: "DropView", view: c });
    else if (breaks(c, broken)) out.push({ kind: "DropView", view: c }, { kind: "AddView", view: d });
    else if (!sameView(c, d)) out.push({ kind: "ModifyView", from: c, to: d });
  }
  const added = viewsOf(desired).filter((d) => !had.has(d.name));
  return [...tableChanges, ...out, ...added.map((view): Change => ({ kind: "AddView", view }))];
}

/** The tables the table changes drop or rename, and per altered table the columns they drop or rename. */
function brokenNames(changes: readonly Change[]): { tables: Set<string>; columns: Map<string, string[]> } {
  const tables = new Set<string>();
  const columns = new Map<string, string[]>();
  for (const c of changes) {
    if (c.kind === "DropTable") tables.add(c.table.name);
    if (c.kind === "RenameTable") tables.add(c.from);
    if (c.kind !== "ModifyTable") continue;
    const gone = c.changes.flatMap((t) =>
      t.kind === "DropColumn" ? [t.column.name] : t.kind === "RenameColumn" ? [t.from] : [],
    );
    if (gone.length) columns.set(c.table, gone);
  }
  return { tables, columns };
}

function breaks(view: View, broken: ReturnType<typeof brokenNames>): boolean {
  return (view.reads ?? []).some(
    (t) => broken.tables.has(t) || (broken.columns.get(t) ?? []).some((col) => mentions(view.definition, col)),
  );
}

/** True when the definition names the column (as a whole word, any case): a reading that may be too wide, never too narrow. */
function mentions(definition: string, column: string): boolean {
  const escaped = column.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^A-Za-z0-9_$])${escaped}([^A-Za-z0-9_$]|$)`, "i").test(definition);
}
