/**
 * How one statement of an apply run runs, as the planner decided before it was sent (planner.ts): its cost, the text
 * sent, or the online tool's command.
 */
import type { StatementCost, TableSize } from "../../../mysql/cost.ts";

/** A statement's cost with the size of its table (absent for a table the run creates). */
export interface PlannedCost extends StatementCost {
  readonly size?: TableSize;
}

/** How one statement runs. */
export interface StatementPlan {
  /** The text sent to the server (pinned or as written); for an online statement, the statement as written. */
  readonly sent: string;
  readonly cost?: PlannedCost;
  /** The statement runs through the online tool: its name, the command line (password never in it) and why. */
  readonly online?: { readonly tool: string; readonly command: string; readonly reason: string };
  /** Runs the statement through the tool (online statements only). */
  readonly run?: () => Promise<void>;
}
