/**
 * The errors of the online path: a statement the tool cannot run (a prerequisite fails), a tool run that failed, and a
 * tool that still runs the statement from an earlier, interrupted apply (the statement is in doubt until it ends).
 */

/** An online schema change refused before it started; the message says what to fix. */
export class OnlinePrerequisiteError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OnlinePrerequisiteError";
  }
}

/** The online tool failed or was stopped before its cut-over: the table is unchanged, its leftovers were handled. */
export class OnlineToolError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OnlineToolError";
  }
}

/** An online tool still works on the table (left by an interrupted run): the statement stays in doubt. */
export class OnlineStillRunningError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "OnlineStillRunningError";
  }
}
