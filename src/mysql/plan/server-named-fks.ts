/**
 * Foreign keys the server names itself. Adding a foreign key, the server creates an index for it and drops an index
 * it created earlier for the same columns: the survivor is named after the CONSTRAINT name when one is written, else
 * after the first column (verified on MariaDB 10.11). So a key named `<table>_ibfk_<n>`, where n is the number the
 * server would pick next (one above the highest such number the table holds when the statement starts, counting
 * keys the statement added before it), whose index in the resulting table is not named after the key, is added
 * without CONSTRAINT: the server then gives it that very name and the index keeps its column name.
 */
import type { Table } from "../../schema/model.ts";
import type { AlterItem } from "./alter-item.ts";

/** Per statement (a group of clauses), the names of the foreign keys it may add without CONSTRAINT. */
export function serverNamedForeignKeys(
  table: string,
  groups: readonly (readonly AlterItem[])[],
  before: Table | undefined,
  after: Table | undefined,
): ReadonlySet<string>[] {
  if (!before || !after) return groups.map(() => new Set());
  const indexNames = new Set(after.indexes.map((i) => i.name));
  const pattern = new RegExp(`^${table.replace(/[^\w]/g, "\\$&")}_ibfk_(\\d+)$`);
  const numberOf = (name: string) => Number(pattern.exec(name)?.[1] ?? 0);
  const present = new Set(before.foreignKeys.map((f) => f.name));
  return groups.map((group) => {
    let highest = Math.max(0, ...[...present].map(numberOf));
    const out = new Set<string>();
    for (const item of group) {
      if (item.kind !== "AddForeignKey") continue;
      const n = numberOf(item.foreignKey.name);
      if (n > 0 && n === highest + 1 && !indexNames.has(item.foreignKey.name)) out.add(item.foreignKey.name);
      highest = Math.max(highest, n);
    }
    for (const item of group) {
      if (item.kind === "DropForeignKey") present.delete(item.foreignKey.name);
      if (item.kind === "AddForeignKey") present.add(item.foreignKey.name);
    }
    return out;
  });
}
