/**
 * Errors of the statement parser beyond syntax errors (those are ParseError, from the lexer module).
 */

/** A statement the model cannot represent (views, routines, LIKE, partitions, databases, …); `what` names it. */
export class UnsupportedStatementError extends Error {
  constructor(
    readonly what: string,
    readonly line: number,
    readonly column: number,
  ) {
    super(`${line}:${column}: unsupported statement: ${what}`);
    this.name = "UnsupportedStatementError";
  }
}

/** A data statement (INSERT, UPDATE, DELETE, …) where DDL was expected; `verb` is its first word, upper-case. */
export class DataStatementError extends Error {
  constructor(readonly verb: string) {
    super(`data statement ${verb} changes rows, not the schema`);
    this.name = "DataStatementError";
  }
}

/** A statement that names a table, column, index or constraint the schema before it does not have (or has already). */
export class SchemaStateError extends Error {
  constructor(
    readonly objectKind:
      | "table"
      | "column"
      | "index"
      | "foreign key"
      | "check"
      | "constraint"
      | "primary key"
      | "partition"
      | "partitioning"
      | "view"
      | "trigger"
      | "event"
      | "function"
      | "procedure",
    readonly objectName: string,
    readonly problem: "missing" | "exists",
  ) {
    super(`${objectKind} ${JSON.stringify(objectName)} ${problem === "missing" ? "does not exist" : "already exists"}`);
    this.name = "SchemaStateError";
  }
}
