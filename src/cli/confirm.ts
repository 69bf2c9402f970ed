/**
 * The "are you sure?" step of `schema apply` and `schema clean`: a typed `[y/N]` question on a terminal (the database's
 * name when every table goes), a refusal without one (a script must say --auto-approve).
 */
import process from "node:process";
import { ReportedError, UsageError } from "./errors.ts";
import { readAnswer } from "./terminal-input.ts";

/** The one line printed when the operator does not approve. */
export const ABORTED = "aborted, nothing changed";

/** Prints ABORTED and returns the error that ends the command with exit 1 (the line is all the operator sees). */
export function aborted(): ReportedError {
  process.stderr.write(ABORTED + "\n");
  return new ReportedError(ABORTED, 1);
}

/** What to confirm: the command (for the refusal without a terminal) and, when the plan drops every table, the schema. */
export interface ConfirmRequest {
  readonly autoApprove: boolean | undefined;
  readonly command: string;
  /** Set when the plan drops every table of this schema: the operator must type its name. */
  readonly dropsSchema?: string;
}

/** Whether a typed answer approves: `y`/`yes` for the question, the exact name for a whole-schema drop. */
export function approves(answer: string | undefined, dropsSchema: string | undefined): boolean {
  if (answer === undefined) return false;
  if (dropsSchema !== undefined) return answer.trim() === dropsSchema;
  return ["y", "yes"].includes(answer.trim().toLowerCase());
}

/**
 * Returns when the change may go ahead: --auto-approve, or the operator approved on the terminal. Anything else
 * (`n`, Enter, Esc, Ctrl-C, Ctrl-D, a wrong name) prints ABORTED and fails with exit 1; without a terminal, a UsageError.
 */
export async function confirmPlan(req: ConfirmRequest): Promise<void> {
  if (req.autoApprove) return;
  if (process.stdin.isTTY !== true)
    throw new UsageError(
      `${req.command} needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking`,
    );
  const question =
    req.dropsSchema !== undefined
      ? `This drops every table of "${req.dropsSchema}". Type the database name to confirm: `
      : "Apply these changes? [y/N] ";
  if (!approves(await readAnswer(question), req.dropsSchema)) throw aborted();
}
