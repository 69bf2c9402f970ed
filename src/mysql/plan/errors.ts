/**
 * The planner's error: a change list that cannot be turned into statements a server runs.
 */

/** A change that cannot be planned (e.g. ON DELETE SET NULL on a NOT NULL column), with the table and column it concerns. */
export class PlanError extends Error {
  /** The table the change concerns. */
  readonly table: string;
  /** The column the change concerns, when there is one. */
  readonly column?: string;

  constructor(message: string, table: string, column?: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "PlanError";
    this.table = table;
    if (column !== undefined) this.column = column;
  }
}
