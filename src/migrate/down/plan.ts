/**
 * The plan of `migrate down`, one step per reverted file (newest first): the step's target is the schema the
 * directory builds at the previous revision, with the renames the reverted file made marked so they are undone as
 * renames; its current state is the live schema with the earlier steps applied, and its statements
 * `plan(diff(current, target))`. Because every step starts from the live state, a re-run after a failure plans only
 * what is left. Before planning, the live schema is compared with the directory at the applied version (drift).
 */
import { replayFiles } from "../replay.ts";
import type { Flavor } from "../../mysql/flavor.ts";
import { plan, type PlannedStatement } from "../../mysql/plan.ts";
import { applyChanges } from "../../schema/apply.ts";
import { diff } from "../../schema/diff.ts";
import { emptySchema, type Schema } from "../../schema/model.ts";
import { NameTrail } from "../../schema/name-trail.ts";
import type { MigrationFile } from "../dir.ts";
import { type DownCheck, dataChecks } from "./checks.ts";
import { driftLines } from "./drift.ts";
import { MissingTargetFileError } from "./errors.ts";
import { markRenames } from "../renames.ts";
import { type DownSelection, filesAsApplied, filesBetween, filesUpTo } from "./target.ts";
import type { Revision } from "../revisions.ts";

/** The `error` text that marks a revision whose file an unfinished run already reverted. */
export const REVERTED_MARK = "reverted by migrate down";

/** The start of the `error` text a failed revert statement leaves on its revision's row. */
export const REVERT_FAILED_MARK = "migrate down failed";

/** Whether an earlier, interrupted run already reverted this revision's file (its row is marked, not yet deleted). */
export function isMarkedReverted(rev: Revision): boolean {
  return rev.applied === 0 && rev.error.startsWith(REVERTED_MARK);
}

/** Whether an earlier run stopped while reverting these revisions: the live schema is then between two versions. */
export function revertInProgress(revisions: readonly Revision[]): boolean {
  return revisions.some((r) => isMarkedReverted(r) || r.error.startsWith(REVERT_FAILED_MARK));
}

/** One reverted file: its checks and statements. */
export interface DownStep {
  readonly revision: Revision;
  /** The version the database is at after this step ("" when none is left). */
  readonly to: string;
  /** An interrupted run already reverted this file; the step only removes its row. */
  readonly alreadyReverted: boolean;
  readonly checks: readonly DownCheck[];
  readonly statements: readonly PlannedStatement[];
}

/** Builds the schema of a list of directory files (in memory, or on a dev database). */
export type ReplayFn = (files: readonly MigrationFile[], flavor: Flavor) => Promise<Schema>;

/** The in-memory replay (no database); data statements are passed over, as every replay does. */
export const inMemoryReplay: ReplayFn = async (files, flavor) => replayFiles(files, flavor);

/** What planDown needs. */
export interface DownPlanInput {
  readonly live: Schema;
  readonly selection: DownSelection;
  readonly files: readonly MigrationFile[];
  readonly flavor: Flavor;
  readonly replay: ReplayFn;
}

/**
 * The drift of the live schema from the directory at the applied version, one line per difference (a partly applied
 * file counts with its applied statements only).
 */
export async function driftFromApplied(input: DownPlanInput): Promise<string[]> {
  const { current, reverted } = input.selection;
  if (!input.files.some((f) => f.version === current)) {
    throw new MissingTargetFileError(
      current,
      "cannot compare the database with the directory at its version (--allow-drift reverts without comparing)",
    );
  }
  const expected = await input.replay(filesUpTo(filesAsApplied(input.files, reverted), current), input.flavor);
  return driftLines(input.live, expected, input.flavor);
}

/** Plans every step; checks are computed against the live schema, since they all run before the first statement. */
export async function planDown(input: DownPlanInput): Promise<DownStep[]> {
  const { reverted } = input.selection;
  const files = filesAsApplied(input.files, reverted);
  // Leads from the names a step's changes use to the live names the checks query.
  const trail = new NameTrail();
  let state = input.live;
  const steps: DownStep[] = [];
  for (const [i, revision] of reverted.entries()) {
    const to = reverted[i + 1]?.version ?? input.selection.target;
    if (isMarkedReverted(revision)) {
      steps.push({ revision, to, alreadyReverted: true, checks: [], statements: [] });
      continue;
    }
    const target =
      to === ""
        ? emptySchema
        : markRenames(
            await input.replay(filesUpTo(files, to), input.flavor),
            filesBetween(files, to, revision.version),
            input.flavor,
          );
    const changes = diff(state, target);
    steps.push({
      revision,
      to,
      alreadyReverted: false,
      checks: dataChecks(changes, input.live, trail),
      statements: plan(changes, input.flavor, { current: state }),
    });
    state = applyChanges(state, changes);
  }
  return steps;
}
