/**
 * One statement's cost on a schema: parsed against the schema before it (`mysql/parse`), priced by the flavour's rules
 * (`mysql/cost`) with its table's live size, and the schema after it — what every command that shows a plan's cost
 * before running it needs (`migrate apply`, `schema apply`, `migrate down --dry-run`).
 */
import { statementCost, type TableSize } from "../../../mysql/cost.ts";
import type { Flavor } from "../../../mysql/flavor.ts";
import { parse } from "../../../mysql/parse.ts";
import { applyChanges } from "../../../schema/apply.ts";
import type { Change } from "../../../schema/changes.ts";
import { findTable, type Schema, type Table } from "../../../schema/model.ts";
import type { PlannedCost } from "./plan.ts";

/** A statement priced: the schema after it, its changes, and for an ALTER of an existing table its table and cost. */
export interface CostStep {
  readonly after: Schema;
  readonly changes: Change[];
  readonly table?: Table;
  readonly cost?: PlannedCost;
}

/** Prices `text` on `before`; undefined when it cannot be parsed or applied (a data statement, an unknown one). */
export function costStep(
  before: Schema,
  text: string,
  flavor: Flavor,
  sizes: ReadonlyMap<string, TableSize>,
): CostStep | undefined {
  let changes: Change[];
  let after: Schema;
  try {
    changes = parse(text, { flavor, schema: before });
    after = applyChanges(before, changes);
  } catch {
    return undefined;
  }
  const [c] = changes;
  const table = c?.kind === "ModifyTable" && changes.length === 1 ? findTable(before, c.table) : undefined;
  const base = table && c?.kind === "ModifyTable" ? statementCost(table, c.changes, flavor) : undefined;
  if (!table || !base) return { after, changes };
  const size = sizes.get(table.name);
  return { after, changes, table, cost: { ...base, ...(size ? { size } : {}) } };
}

/** The costs of statements run in order from `start` (undefined for a statement that costs nothing to price). */
export function statementCosts(
  start: Schema,
  texts: readonly string[],
  flavor: Flavor,
  sizes: ReadonlyMap<string, TableSize>,
): (PlannedCost | undefined)[] {
  let schema = start;
  return texts.map((text) => {
    const step = costStep(schema, text, flavor, sizes);
    if (step) schema = step.after;
    return step?.cost;
  });
}
