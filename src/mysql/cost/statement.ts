/**
 * The cost of one ALTER as a whole — the dearest algorithm among its changes and whether writers wait — and the
 * `ALGORITHM=…, LOCK=…` clause that pins it, so the server refuses the statement instead of silently running it a
 * dearer way. Each server's rules: MySQL has no NOCOPY (in place without rebuild is INPLACE there) and accepts no LOCK
 * clause other than DEFAULT beside INSTANT; MariaDB takes NOCOPY and INSTANT with LOCK=NONE, but INSTANT alone says it.
 */
import type { TableChange } from "../../schema/changes.ts";
import type { Table } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ALGORITHMS, type Algorithm, type ChangeCost, changeCosts } from "./rules.ts";

/** The cost of one ALTER on one table. */
export interface StatementCost {
  readonly table: string;
  /** The dearest algorithm among the changes. */
  readonly algorithm: Algorithm;
  /** The table's rows are rewritten (INPLACE or COPY). */
  readonly rebuild: boolean;
  /** Writers wait for the whole statement (COPY, or a change that allows no LOCK=NONE). */
  readonly blocksWriters: boolean;
  readonly changes: readonly ChangeCost[];
  /** The server takes no ALGORITHM= or LOCK= clause with this statement (a partition operation). */
  readonly unpinnable?: true;
}

/** The cost of the changes of one ALTER on `table` (its state before) on `flavor`; undefined for no change. */
export function statementCost(
  table: Table,
  changes: readonly TableChange[],
  flavor: Flavor,
): StatementCost | undefined {
  const items = changeCosts(table, changes, flavor);
  if (items.length === 0) return undefined;
  const algorithm = ALGORITHMS[Math.max(...items.map((i) => ALGORITHMS.indexOf(i.algorithm)))]!;
  return {
    table: table.name,
    algorithm,
    rebuild: algorithm === "INPLACE" || algorithm === "COPY",
    blocksWriters: algorithm === "COPY" || items.some((i) => i.lock === "SHARED"),
    changes: items,
    ...(items.some((i) => i.unpinnable) ? { unpinnable: true as const } : {}),
  };
}

/**
 * The clause that pins a statement to its expected algorithm, or undefined for a COPY (pinning cannot make a copy
 * cheaper; such a statement runs online or as it is) and for a partition operation (the server takes no clause). LOCK=NONE is added when writers are expected to go on.
 */
export function pinClause(cost: StatementCost, flavor: Flavor): string | undefined {
  if (cost.unpinnable) return undefined;
  switch (cost.algorithm) {
    case "COPY":
      return undefined;
    case "INSTANT":
      return "ALGORITHM=INSTANT";
    case "NOCOPY":
    case "INPLACE": {
      const algorithm = cost.algorithm === "NOCOPY" && flavor.name === "mariadb" ? "NOCOPY" : "INPLACE";
      return cost.blocksWriters ? `ALGORITHM=${algorithm}` : `ALGORITHM=${algorithm}, LOCK=NONE`;
    }
  }
}
