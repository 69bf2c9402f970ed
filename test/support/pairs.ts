/**
 * The DDL fixture pairs in test/fixtures/pairs/<name>/{current.sql,desired.sql[,renames.json]}.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import type { Schema, Table } from "../../src/schema/model.ts";

/** Where the pairs live. */
export const PAIRS_DIR = join(import.meta.dir, "..", "fixtures", "pairs");

/** renames.json: `tables` maps new name → old name, `columns` maps `table.newColumn` (new table name) → old column. */
export interface Renames {
  readonly tables?: Readonly<Record<string, string>>;
  readonly columns?: Readonly<Record<string, string>>;
}

/** One current → desired pair. */
export interface Pair {
  readonly name: string;
  readonly current: string;
  readonly desired: string;
  readonly renames: Renames;
}

/** The names of every pair folder, sorted. */
export function pairNames(): string[] {
  return readdirSync(PAIRS_DIR, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

/** Reads one pair. */
export function loadPair(name: string): Pair {
  const dir = join(PAIRS_DIR, name);
  const renamesFile = join(dir, "renames.json");
  return {
    name,
    current: readFileSync(join(dir, "current.sql"), "utf8"),
    desired: readFileSync(join(dir, "desired.sql"), "utf8"),
    renames: existsSync(renamesFile) ? (JSON.parse(readFileSync(renamesFile, "utf8")) as Renames) : {},
  };
}

/** Declares the pair's renames on the desired schema; a rename naming a missing table or column is a fixture bug. */
export function withRenames(schema: Schema, renames: Renames): Schema {
  const tableRenames = new Map(Object.entries(renames.tables ?? {}));
  const columnRenames = new Map(Object.entries(renames.columns ?? {}));
  const known = new Set<string>();
  const tables = schema.tables.map((table): Table => {
    const columns = table.columns.map((column) => {
      const key = `${table.name}.${column.name}`;
      const from = columnRenames.get(key);
      if (from === undefined) return column;
      known.add(`column ${key}`);
      return { ...column, renamedFrom: from };
    });
    const from = tableRenames.get(table.name);
    if (from !== undefined) known.add(`table ${table.name}`);
    return from === undefined ? { ...table, columns } : { ...table, columns, renamedFrom: from };
  });
  const declared = [
    ...[...tableRenames.keys()].map((t) => `table ${t}`),
    ...[...columnRenames.keys()].map((c) => `column ${c}`),
  ];
  const unknown = declared.filter((d) => !known.has(d));
  if (unknown.length > 0) throw new Error(`renames.json names what desired.sql does not have: ${unknown.join(", ")}`);
  return { ...schema, tables };
}
