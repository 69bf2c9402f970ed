/**
 * Follows the tables and columns of a starting schema through a list of changes: which starting object a name denotes
 * after renames, drops and re-creations, and what a starting object is called now. Dialect-free.
 */
import { assertNever, type Change, type TableChange, isObjectChange } from "./changes.ts";

/** A name that does not denote a starting object (created, or freed by a drop or rename). */
const NONE = undefined;

/** The trail of names through changes; a name never touched denotes the starting object of that name. */
export class NameTrail {
  // name now → starting name (NONE: not a starting table)
  private readonly tables = new Map<string, string | undefined>();
  // starting table → (column name now → starting column name)
  private readonly columns = new Map<string, Map<string, string | undefined>>();

  /** The starting table a table name now denotes (the name itself if never touched), or undefined. */
  startTable(now: string): string | undefined {
    return this.tables.has(now) ? this.tables.get(now) : now;
  }

  /** The starting column a column of a table denotes now, or undefined (a new column, or a new table). */
  startColumn(tableNow: string, now: string): string | undefined {
    const table = this.startTable(tableNow);
    if (table === NONE) return NONE;
    const cols = this.columns.get(table);
    return cols?.has(now) ? cols.get(now) : now;
  }

  /** What a starting table is called now, or undefined when it was dropped. */
  currentTable(start: string): string | undefined {
    for (const [now, s] of this.tables) if (s === start) return now;
    return this.tables.has(start) ? NONE : start;
  }

  /** What a column of a starting table is called now, or undefined when it was dropped. */
  currentColumn(startTable: string, start: string): string | undefined {
    const cols = this.columns.get(startTable);
    if (cols === undefined) return start;
    for (const [now, s] of cols) if (s === start) return now;
    return cols.has(start) ? NONE : start;
  }

  /** Moves the trail past one change. */
  follow(change: Change): void {
    if (isObjectChange(change)) return;
    switch (change.kind) {
      case "AddTable":
      case "DropTable":
        this.tables.set(change.table.name, NONE);
        return;
      case "RenameTable":
        this.tables.set(change.to, this.startTable(change.from));
        this.tables.set(change.from, NONE);
        return;
      case "ModifyTable":
        for (const c of change.changes) this.followIn(change.table, c);
        return;
      case "ModifySchema":
      case "AddView":
      case "DropView":
      case "ModifyView":
        return;
      default:
        assertNever(change, "change");
    }
  }

  /** Moves the trail past one change inside the table now called `tableNow`. */
  followIn(tableNow: string, change: TableChange): void {
    const table = this.startTable(tableNow);
    if (table === NONE) return;
    let cols = this.columns.get(table);
    if (cols === undefined) this.columns.set(table, (cols = new Map()));
    if (change.kind === "AddColumn" || change.kind === "DropColumn") cols.set(change.column.name, NONE);
    if (change.kind === "RenameColumn") {
      cols.set(change.to, cols.has(change.from) ? cols.get(change.from) : change.from);
      cols.set(change.from, NONE);
    }
  }
}
