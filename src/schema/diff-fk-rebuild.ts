/**
 * Foreign keys around column type changes: a server refuses to change the type of a column a foreign key uses
 * (on either side), so such keys are dropped in a first ALTER and added back after the columns changed.
 */
import type { Change, TableChange } from "./changes.ts";
import type { ForeignKey, Schema } from "./model.ts";

type Modify = Extract<Change, { kind: "ModifyTable" }>;

/** Columns whose type, charset or collation a ModifyTable changes, as `table.column`. */
function retypedColumns(changes: readonly Change[]): Set<string> {
  const out = new Set<string>();
  for (const c of changes) {
    if (c.kind !== "ModifyTable") continue;
    for (const tc of c.changes) {
      if (
        tc.kind === "ModifyColumn" &&
        (tc.from.type !== tc.to.type || tc.from.charset !== tc.to.charset || tc.from.collate !== tc.to.collate)
      ) {
        out.add(`${c.table}.${tc.to.name}`);
      }
    }
  }
  return out;
}

function touches(table: string, fk: ForeignKey, retyped: Set<string>): boolean {
  return (
    fk.columns.some((c) => retyped.has(`${table}.${c}`)) ||
    fk.refColumns.some((c) => retyped.has(`${fk.refTable}.${c}`))
  );
}

/**
 * Rewrites the change list so foreign keys on retyped columns are dropped first and re-added last.
 * `current` is the schema the ModifyTable changes apply to; `desired` holds the keys to add back.
 */
export function rebuildForeignKeysOnRetype(changes: Change[], current: Schema, desired: Schema): Change[] {
  const retyped = retypedColumns(changes);
  if (retyped.size === 0) return changes;
  const drops: Modify[] = [];
  const adds: Modify[] = [];
  const out = changes.map((change): Change => {
    if (change.kind !== "ModifyTable") return change;
    const table = current.tables.find((t) => t.name === change.table);
    const want = desired.tables.find((t) => t.name === change.table);
    if (!table || !want) return change;
    const dropped = new Set(change.changes.flatMap((c) => (c.kind === "DropForeignKey" ? [c.foreignKey.name] : [])));
    const rebuild = table.foreignKeys.filter(
      (fk) =>
        !dropped.has(fk.name) && touches(table.name, fk, retyped) && want.foreignKeys.some((w) => w.name === fk.name),
    );
    if (rebuild.length === 0) return change;
    const names = new Set(rebuild.map((fk) => fk.name));
    drops.push({
      kind: "ModifyTable",
      table: change.table,
      changes: rebuild.map((foreignKey): TableChange => ({ kind: "DropForeignKey", foreignKey })),
    });
    const readd = want.foreignKeys
      .filter((fk) => names.has(fk.name))
      .map((foreignKey): TableChange => ({ kind: "AddForeignKey", foreignKey }));
    const rest = change.changes.filter((c) => !(c.kind === "AddForeignKey" && names.has(c.foreignKey.name)));
    adds.push({
      kind: "ModifyTable",
      table: change.table,
      changes: [...rest.filter((c) => c.kind === "AddForeignKey"), ...readd],
    });
    return { ...change, changes: rest.filter((c) => c.kind !== "AddForeignKey") };
  });
  // Tables whose keys point at a retyped column but which do not change themselves.
  for (const table of current.tables) {
    if (
      out.some((c) => c.kind === "ModifyTable" && c.table === table.name) ||
      changes.some((c) => c.kind === "DropTable" && c.table.name === table.name)
    )
      continue;
    const want = desired.tables.find((t) => t.name === table.name);
    const rebuild = table.foreignKeys.filter(
      (fk) => touches(table.name, fk, retyped) && want?.foreignKeys.some((w) => w.name === fk.name),
    );
    if (rebuild.length === 0) continue;
    drops.push({
      kind: "ModifyTable",
      table: table.name,
      changes: rebuild.map((foreignKey) => ({ kind: "DropForeignKey", foreignKey })),
    });
    adds.push({
      kind: "ModifyTable",
      table: table.name,
      changes: rebuild.map((foreignKey) => ({ kind: "AddForeignKey", foreignKey })),
    });
  }
  const main = out.filter((c) => !(c.kind === "ModifyTable" && c.changes.length === 0));
  return [...drops, ...main, ...adds];
}
