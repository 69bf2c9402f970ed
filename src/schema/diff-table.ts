/**
 * Table diff: the changes (one ALTER TABLE's clauses) that turn a current table into the desired one.
 * Order: constraint and index drops, column changes, then key, index, check and foreign-key additions, options.
 */
import type { TableChange } from "./changes.ts";
import { diffColumns } from "./diff-columns.ts";
import { diffPartitioning } from "./diff-partition.ts";
import { comparableIndex, deepEqual } from "./equal.ts";
import type { Table, TableOptions } from "./model.ts";
import { diffStorageOptions } from "./table-options.ts";

/** Changes from `current` to `desired` (same table, renames already applied); empty when equal. */
export function diffTable(current: Table, desired: Table): TableChange[] {
  const cur = current;
  const drops: TableChange[] = [];
  const adds: TableChange[] = [];

  const members = <T extends { name: string }>(
    a: readonly T[],
    b: readonly T[],
    drop: (x: T) => TableChange,
    add: (x: T) => TableChange,
  ) => {
    const want = new Map(b.map((x) => [x.name, x]));
    const have = new Map(a.map((x) => [x.name, x]));
    for (const x of a) {
      const w = want.get(x.name);
      if (!w || !deepEqual(x, w)) drops.push(drop(x));
    }
    for (const x of b) {
      const h = have.get(x.name);
      if (!h || !deepEqual(h, x)) adds.push(add(x));
    }
  };
  members(
    cur.foreignKeys,
    desired.foreignKeys,
    (foreignKey) => ({ kind: "DropForeignKey", foreignKey }),
    (foreignKey) => ({ kind: "AddForeignKey", foreignKey }),
  );
  const fkDrops = drops.splice(0);
  const fkAdds = adds.splice(0);
  members(
    cur.checks,
    desired.checks,
    (check) => ({ kind: "DropCheck", check }),
    (check) => ({ kind: "AddCheck", check }),
  );
  members(
    cur.indexes.map(comparableIndex),
    desired.indexes.map(comparableIndex),
    (index) => ({ kind: "DropIndex", index }),
    (index) => ({ kind: "AddIndex", index }),
  );
  if (!deepEqual(cur.primaryKey, desired.primaryKey)) {
    if (cur.primaryKey) drops.push({ kind: "DropPrimaryKey", primaryKey: cur.primaryKey });
    if (desired.primaryKey) adds.unshift({ kind: "AddPrimaryKey", primaryKey: desired.primaryKey });
  }
  const options = diffOptions(current.options, desired.options);
  // REMOVE PARTITIONING goes first (a unique key it needed may go after it), a new partitioning last (after the keys
  // it needs; partitioned InnoDB tables have no foreign keys, dropped before).
  const partition = diffPartitioning(current.partition, desired.partition);
  const removes = partition.length === 1 && partition[0]!.kind === "SetPartitioning" && !partition[0]!.to;
  const body = [...fkDrops, ...drops, ...diffColumns(current, desired), ...adds, ...fkAdds, ...options];
  return removes ? [...partition, ...body] : [...body, ...partition];
}

const OPTION_KEYS: readonly (keyof TableOptions)[] = ["engine", "charset", "collate", "comment", "autoIncrement"];

/**
 * Option changes. AUTO_INCREMENT is only raised, and only when the desired state states it: a current value is where
 * the counter stands, and the server never sets a counter below the rows it holds.
 */
function diffOptions(from: TableOptions, to: TableOptions): TableChange[] {
  const changed: Record<string, unknown> = {};
  let any = false;
  for (const k of OPTION_KEYS) {
    if (k === "autoIncrement" && (to.autoIncrement === undefined || to.autoIncrement <= (from.autoIncrement ?? 1)))
      continue;
    if (from[k] !== to[k]) {
      changed[k] = to[k] ?? (k === "comment" ? "" : undefined);
      any = true;
    }
  }
  const storage = diffStorageOptions(from, to);
  Object.assign(changed, storage.set);
  const reset = storage.reset.length ? { reset: storage.reset } : {};
  if (!any && Object.keys(storage.set).length === 0 && !reset.reset) return [];
  // CHARSET and COLLATE travel together: the server derives one from the other.
  if (changed.charset !== undefined || changed.collate !== undefined)
    Object.assign(changed, { charset: to.charset, collate: to.collate });
  const clean = Object.fromEntries(Object.entries(changed).filter(([, v]) => v !== undefined));
  if (Object.keys(clean).length === 0 && !reset.reset) return [];
  const before = Object.fromEntries(
    [...Object.keys(clean), ...storage.reset]
      .map((k) => [k, from[k as keyof TableOptions]])
      .filter(([, v]) => v !== undefined),
  );
  return [{ kind: "ModifyOptions", from: before as TableOptions, to: clean as TableOptions, ...reset }];
}
