/**
 * `migrate resolve`: the operator's decision on a statement left in doubt that the schema could not decide (a data
 * statement, a statement with no visible effect): `applied` records it as done, `rolled-back` lets the next apply run
 * it again. The caller holds the apply lock.
 */
import type { Queryable } from "../../db/types.ts";
import { fileStatements } from "./executor.ts";
import type { MigrationDir } from "../dir.ts";
import { markApplied } from "./in-doubt.ts";
import { isInDoubt } from "./in-doubt-read.ts";
import { StatementJournal } from "./journal.ts";
import { RevisionStore } from "../revisions.ts";

/** There is no statement in doubt for the version given. */
export class NothingInDoubtError extends Error {
  constructor(readonly version: string) {
    super(
      `no statement of version "${version}" is in doubt: nothing to resolve ("stats-db migrate status" shows where the database stands)`,
    );
    this.name = "NothingInDoubtError";
  }
}

/** What was resolved: the statement's 1-based number and text. */
export interface Resolved {
  readonly statement: number;
  readonly text: string;
}

/** Records the operator's decision on the statement in doubt of `version`. */
export async function resolveStatement(
  conn: Queryable,
  opts: { dir: MigrationDir; revisionsSchema: string; version: string; applied: boolean; operatorVersion: string },
): Promise<Resolved> {
  const store = new RevisionStore(conn, opts.revisionsSchema);
  const journal = new StatementJournal(conn, opts.revisionsSchema);
  if (!(await store.exists())) throw new NothingInDoubtError(opts.version);
  const intent = (await journal.readAll().catch(() => [])).find((i) => i.version === opts.version);
  const rev = await store.read(opts.version);
  if (!intent || !isInDoubt(intent, rev)) throw new NothingInDoubtError(opts.version);
  const file = opts.dir.files().find((f) => f.version === opts.version);
  const stmts = file ? fileStatements(file) : [];
  if (opts.applied) await store.write(markApplied(rev, stmts, intent.index, opts.operatorVersion));
  await journal.clear(opts.version);
  return { statement: intent.index + 1, text: stmts[intent.index] ?? "" };
}
