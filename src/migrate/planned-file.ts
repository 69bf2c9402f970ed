/**
 * The next migration file for a desired state: diff, plan, format — and a replay of the result to prove the file
 * really produces the desired state before anything is written.
 */
import type { Change } from "../schema/changes.ts";
import { diff } from "../schema/diff.ts";
import { schemasEqual } from "../schema/equal.ts";
import type { Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { plan } from "../mysql/plan.ts";
import { formatMigrationFile, newMigrationName } from "./dir/name.ts";
import { replaySql } from "./replay.ts";

/** A migration file ready to write. */
export interface PlannedFile {
  readonly name: string;
  readonly text: string;
  readonly statements: number;
  /** The check's replay: the schema after the file, from `current` (the desired state, up to member order). */
  readonly after: Schema;
}

/** The plan does not reach the desired state when replayed: a bug, reported instead of writing a wrong file. */
export class PlanVerificationError extends Error {
  constructor(readonly fileText: string) {
    super(
      "the planned migration does not reproduce the desired state when replayed; nothing was written (run with --debug and report this)",
    );
    this.name = "PlanVerificationError";
  }
}

/** How a planned file is made and named: the flavour it is planned for, its time, its name and the latest version. */
type FileArgs = [flavor: Flavor, now: Date, name?: string, latest?: string];

/** Plans the file turning `current` into `desired`, versioned after `latest`; undefined when they are already equal. */
export function plannedFile(current: Schema, desired: Schema, ...args: FileArgs): PlannedFile | undefined {
  const changes = diff(current, desired);
  return changes.length === 0 ? undefined : fileForChanges(changes, current, desired, ...args);
}

/** The file of `changes` (diff's, from `current` to `desired`, at least one), checked by replaying it onto `current`. */
export function fileForChanges(
  changes: readonly Change[],
  current: Schema,
  desired: Schema,
  ...[flavor, now, name, latest]: FileArgs
): PlannedFile {
  const statements = plan(changes, flavor, { current });
  const text = formatMigrationFile(statements);
  const replayed = replaySql(text, flavor, current);
  if (!schemasEqual(replayed, desired)) throw new PlanVerificationError(text);
  return { name: newMigrationName(now, name, latest), text, statements: statements.length, after: replayed };
}
