/**
 * Which journalled statements are in doubt, read only: the small part of in-doubt.ts that `migrate status` and the
 * release-plan check need, kept apart so they do not load the replay, inspection and diff code that deciding needs.
 */
import type { Intent, StatementJournal } from "./journal.ts";
import type { Revision } from "../revisions.ts";

/** Whether an intent marks a statement whose outcome the revisions table does not record. */
export function isInDoubt(intent: Intent, rev: Revision | undefined): rev is Revision {
  return rev !== undefined && rev.applied === intent.index && rev.error === "" && rev.applied < rev.total;
}

/** The statements in doubt, read only (none when the journal table does not exist yet). */
export async function statementsInDoubt(journal: StatementJournal, revisions: readonly Revision[]): Promise<Intent[]> {
  const byVersion = new Map(revisions.map((r) => [r.version, r]));
  const intents = await journal.readAll().catch(() => []);
  return intents.filter((i) => isInDoubt(i, byVersion.get(i.version)));
}
