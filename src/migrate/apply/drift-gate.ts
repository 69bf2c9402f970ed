/**
 * The drift gate of `migrate apply`: before anything is executed (in a dry run too), the live schema is compared with
 * the directory replayed at the applied version, and the run refuses when they differ — statements written for the
 * directory's schema would otherwise run on another one. `--allow-drift` skips the gate. A database without revisions
 * is left to the dirty check (`--baseline`, `--allow-dirty`), which already refuses one that has tables.
 */
import { withoutOnlineToolObjects } from "./online/tool-objects.ts";
import { goQuote } from "../../go/quote.ts";
import type { Queryable } from "../../db/types.ts";
import type { ReplayFn } from "../down/plan.ts";
import type { MigrationFile } from "../dir.ts";
import { DriftCheckError, driftAtApplied } from "../drift.ts";
import { ReplayError } from "../replay.ts";
import { fileStatements } from "./executor.ts";
import { partialHashes } from "./partial-hash.ts";
import type { Revision } from "../revisions.ts";

/** The database differs from the directory at its applied version; apply executed nothing. */
export class ApplyDriftError extends Error {
  constructor(
    readonly version: string,
    /** One line per difference, e.g. `extra column "nick" of table "users": \`nick\` int NULL`. */
    readonly differences: readonly string[],
  ) {
    const n = differences.length;
    super(
      `the database has drifted from the migration directory at version ${goQuote(version)} (${n} difference${n === 1 ? "" : "s"}); ` +
        "nothing was executed (`stats-db migrate drift` lists it; --allow-drift applies anyway):\n" +
        differences.map((d) => `  ${d}`).join("\n"),
    );
    this.name = "ApplyDriftError";
  }
}

/** The drift check could not run (a file of the directory does not replay, or the applied version has no file). */
export class DriftGateError extends Error {
  constructor(reason: string, options?: { cause?: unknown }) {
    super(
      `cannot check the database for drift before applying: ${reason} (--allow-drift applies without the check)`,
      options,
    );
    this.name = "DriftGateError";
  }
}

/** What the gate needs. */
export interface DriftGateInput {
  /** The schema the URL is bound to; without one there is no schema to compare and the gate passes. */
  readonly urlSchema?: string;
  readonly revisions: readonly Revision[];
  readonly files: readonly MigrationFile[];
  readonly replay?: ReplayFn;
}

/**
 * Whether the applied statements of a partly applied file (only the last revision can be one) changed since: the
 * executor then refuses the file as history changed, which says more than the drift the edit would also show.
 */
function appliedStatementsChanged(revisions: readonly Revision[], files: readonly MigrationFile[]): boolean {
  const last = revisions.at(-1);
  const file = last && last.applied < last.total ? files.find((f) => f.version === last.version) : undefined;
  if (!last || !file) return false;
  const sums = partialHashes(fileStatements(file));
  return sums.slice(0, last.applied).some((h, i) => h !== last.partialHashes?.[i]) || sums.length < last.applied;
}

/** Throws ApplyDriftError when the live schema differs from the directory at the applied version. */
export async function refuseDrift(conn: Queryable, input: DriftGateInput): Promise<void> {
  const schema = input.urlSchema;
  if (schema === undefined || input.revisions.length === 0) return;
  if (appliedStatementsChanged(input.revisions, input.files)) return;
  try {
    const report = await driftAtApplied(conn, input.revisions, {
      schema,
      files: input.files,
      ...(input.replay ? { replay: input.replay } : {}),
      leaveOut: (live) => withoutOnlineToolObjects(live, schema),
    });
    if (report.differences.length > 0) throw new ApplyDriftError(report.version, report.differences);
  } catch (e) {
    if (e instanceof ReplayError || e instanceof DriftCheckError) throw new DriftGateError(e.message, { cause: e });
    throw e;
  }
}
