/**
 * The names the server gives to unnamed indexes, foreign keys and checks (checked by hand on MariaDB 10.11).
 */
import type { Flavor } from "../flavor.ts";
import { freeIndexName } from "../normalize.ts";
import type { ForeignKeyDef, IndexDef } from "./elements.ts";

/** The name of an unnamed index: its first column (`functional_index` for an expression), made unique with `_2`, `_3`. */
export function unnamedIndexName(index: IndexDef, taken: ReadonlySet<string>): string {
  return freeIndexName(index.parts[0]?.column ?? "functional_index", taken);
}

/** A foreign key's constraint name: the CONSTRAINT symbol; on MariaDB also the name after FOREIGN KEY (MySQL ≥ 8.0.16 ignores it). */
export function givenForeignKeyName(fk: ForeignKeyDef, flavor: Flavor): string | undefined {
  return fk.symbol ?? (flavor.foreignKeyIndexNameIsSymbol ? fk.indexName : undefined);
}

/** The next generated foreign key name `<table>_ibfk_<n>`: one more than the highest such number in use. */
export function nextForeignKeyName(table: string, taken: ReadonlySet<string>): string {
  const prefix = `${table}_ibfk_`;
  let max = 0;
  for (const n of taken)
    if (n.startsWith(prefix) && /^\d+$/.test(n.slice(prefix.length)))
      max = Math.max(max, Number(n.slice(prefix.length)));
  return prefix + (max + 1);
}

/**
 * Names unnamed CHECKs within one statement. A column-level CHECK is named after its column on MariaDB; otherwise
 * `flavor.checkName(table, n)` with n counting up from 1 in the statement, skipping names in use (MariaDB 10.11).
 */
export class CheckNamer {
  private n = 0;

  constructor(
    private readonly flavor: Flavor,
    private readonly table: string,
    private readonly taken: Set<string>,
  ) {}

  /** The name for the next unnamed check (`column` when it was declared inside a column definition). */
  next(column: string | undefined): string {
    if (column !== undefined && this.flavor.columnLevelChecks) return column;
    do this.n++;
    while (this.taken.has(this.flavor.checkName(this.table, this.n)));
    const name = this.flavor.checkName(this.table, this.n);
    this.taken.add(name);
    return name;
  }
}
