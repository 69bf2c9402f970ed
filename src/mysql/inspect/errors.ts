/**
 * Errors of a live inspection.
 */

/** The schema to inspect does not exist on the server. */
export class SchemaNotFoundError extends Error {
  constructor(readonly schema: string) {
    super(`schema "${schema}" was not found`);
    this.name = "SchemaNotFoundError";
  }
}

/** A value information_schema reports that the model cannot hold (e.g. an unknown EXTRA attribute). */
export class InspectError extends Error {
  constructor(
    readonly table: string,
    readonly column: string | undefined,
    readonly detail: string,
  ) {
    super(`inspecting ${column ? `column "${table}"."${column}"` : `table "${table}"`}: ${detail}`);
    this.name = "InspectError";
  }
}
