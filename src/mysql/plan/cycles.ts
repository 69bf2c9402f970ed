/**
 * Breaks foreign-key cycles among created tables and among dropped tables, which no order of CREATE/DROP TABLE
 * can satisfy: created tables lose their cyclic foreign keys, added afterwards by ALTER TABLE; dropped tables first
 * lose their cyclic foreign keys by ALTER TABLE, then are dropped.
 */
import type { Change } from "../../schema/changes.ts";
import type { ForeignKey, Table } from "../../schema/model.ts";

/** The change list with cycles detached: `main` keeps the input positions, the extra ALTERs come apart. */
export interface Detached {
  readonly main: Change[];
  /** `ModifyTable … AddForeignKey` for the foreign keys taken out of created tables. */
  readonly deferredAdds: Change[];
  /** `ModifyTable … DropForeignKey` for the foreign keys of dropped tables that point at each other. */
  readonly preDrops: Change[];
}

/** Detaches the foreign keys that form cycles among the created tables and among the dropped tables. */
export function detachCycles(changes: readonly Change[]): Detached {
  const added = changes.flatMap((c) => (c.kind === "AddTable" ? [c.table] : []));
  const dropped = changes.flatMap((c) => (c.kind === "DropTable" ? [c.table] : []));
  const addCycle = cyclicForeignKeys(added);
  const dropCycle = cyclicForeignKeys(dropped);
  const main = changes.map((c): Change => {
    if (c.kind === "AddTable" && addCycle.has(c.table.name))
      return { kind: "AddTable", table: without(c.table, addCycle.get(c.table.name)!) };
    if (c.kind === "DropTable" && dropCycle.has(c.table.name))
      return { kind: "DropTable", table: without(c.table, dropCycle.get(c.table.name)!) };
    return c;
  });
  const deferredAdds = [...addCycle].map(
    ([table, fks]): Change => ({
      kind: "ModifyTable",
      table,
      changes: fks.map((foreignKey) => ({ kind: "AddForeignKey", foreignKey })),
    }),
  );
  const preDrops = [...dropCycle].map(
    ([table, fks]): Change => ({
      kind: "ModifyTable",
      table,
      changes: fks.map((foreignKey) => ({ kind: "DropForeignKey", foreignKey })),
    }),
  );
  return { main, deferredAdds, preDrops };
}

function without(table: Table, fks: readonly ForeignKey[]): Table {
  return { ...table, foreignKeys: table.foreignKeys.filter((fk) => !fks.includes(fk)) };
}

/** For each table in a cycle (a strongly connected group of two or more), its foreign keys to tables of the same group. */
function cyclicForeignKeys(tables: readonly Table[]): Map<string, ForeignKey[]> {
  const names = new Set(tables.map((t) => t.name));
  const edges = new Map(
    tables.map((t) => [t.name, t.foreignKeys.filter((fk) => fk.refTable !== t.name && names.has(fk.refTable))]),
  );
  const groupOf = new Map<string, Set<string>>();
  for (const group of stronglyConnected([...names], (n) => edges.get(n)!.map((fk) => fk.refTable))) {
    if (group.length > 1) for (const n of group) groupOf.set(n, new Set(group));
  }
  const result = new Map<string, ForeignKey[]>();
  for (const t of tables) {
    const group = groupOf.get(t.name);
    if (group)
      result.set(
        t.name,
        edges.get(t.name)!.filter((fk) => group.has(fk.refTable)),
      );
  }
  return result;
}

/** Tarjan's algorithm: the strongly connected groups of a graph, visiting nodes in the given order. */
export function stronglyConnected(nodes: readonly string[], next: (n: string) => string[]): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const groups: string[][] = [];
  const visit = (n: string): void => {
    index.set(n, index.size);
    low.set(n, index.get(n)!);
    stack.push(n);
    onStack.add(n);
    for (const m of next(n)) {
      if (!index.has(m)) {
        visit(m);
        low.set(n, Math.min(low.get(n)!, low.get(m)!));
      } else if (onStack.has(m)) {
        low.set(n, Math.min(low.get(n)!, index.get(m)!));
      }
    }
    if (low.get(n) !== index.get(n)) return;
    const group: string[] = [];
    let m: string;
    do {
      m = stack.pop()!;
      onStack.delete(m);
      group.push(m);
    } while (m !== n);
    groups.push(group);
  };
  for (const n of nodes) if (!index.has(n)) visit(n);
  return groups;
}
