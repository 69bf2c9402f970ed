/**
 * The lint view of the dialect's online-DDL rules (mysql/cost/rules.ts): which changes of an ALTER rebuild the table
 * in place (concurrent writes allowed, time proportional to its size) or copy it (writes blocked for the whole copy).
 */
import type { TableChange } from "../schema/changes.ts";
import type { Table } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { changeCosts } from "../mysql/cost/rules.ts";

/** How a change runs: `none` (instant or in place without rebuild), `rebuild` (in place) or `copy`. */
export type Cost = "none" | "rebuild" | "copy";

/** A change that costs a rebuild or a copy, with a phrase saying what it does (e.g. `change the type of column "a"`). */
export interface Costly {
  readonly cost: Exclude<Cost, "none">;
  readonly what: string;
}

/** The rebuilds and copies the changes of one ALTER on `table` (its state before) cost on `flavor`. */
export function costOf(table: Table, changes: readonly TableChange[], flavor: Flavor): Costly[] {
  return changeCosts(table, changes, flavor).flatMap((c): Costly[] =>
    c.algorithm === "COPY"
      ? [{ cost: "copy", what: c.what }]
      : c.algorithm === "INPLACE"
        ? [{ cost: "rebuild", what: c.what }]
        : [],
  );
}
