/**
 * `migrate status` as a library call (`StatusReporter.Report`): where the database stands against the directory,
 * and the problems Atlas's report leaves unsaid (statusProblems). Read-only: it creates nothing and takes no lock.
 */
import type { Queryable } from "../db/types.ts";
import { HistoryNonLinearError } from "./apply/errors.ts";
import { pendingFiles } from "./apply/pending.ts";
import { filesFromLastCheckpoint } from "./dir/checkpoint.ts";
import type { MigrationDir, MigrationFile } from "./dir.ts";
import { statementsInDoubt } from "./apply/in-doubt-read.ts";
import { StatementJournal } from "./apply/journal.ts";
import { type Revision, RevisionStore } from "./revisions.ts";
import { statusProblems } from "./status/problems.ts";

/** Atlas's `MigrateStatus` report. */
export interface StatusReport {
  readonly available: readonly MigrationFile[];
  readonly pending: readonly MigrationFile[];
  readonly applied: readonly Revision[];
  /** `OK` when nothing is pending, else `PENDING`. */
  readonly status: "OK" | "PENDING";
  /** The last revision's version, or `No migration applied yet`. */
  readonly current: string;
  /** The first pending version, or `Already at latest version`. */
  readonly next: string;
  /** Statements applied / in total of a partially applied last file (0/0 when it is complete). */
  readonly count: number;
  readonly total: number;
  readonly outOfOrder: readonly MigrationFile[];
  /** The last attempt's error, or the out-of-order message. */
  readonly error: string;
  /** The statement that failed in the last attempt. */
  readonly sql: string;
  /** Applied versions the directory lacks, a changed file, a failed or partly applied file: one line each. */
  readonly problems: readonly string[];
}

/** Whether the report shows more than pending files (then `migrate status` exits 1). */
export function statusHasProblems(r: StatusReport): boolean {
  return r.problems.length > 0 || r.outOfOrder.length > 0;
}

function pendingOf(
  files: MigrationFile[],
  revisions: Revision[],
): { pending: MigrationFile[]; outOfOrder: MigrationFile[]; error: string } {
  try {
    return {
      pending: pendingFiles({ files, revisions, allowDirty: true, execOrder: "linear" }).files,
      outOfOrder: [],
      error: "",
    };
  } catch (e) {
    if (!(e instanceof HistoryNonLinearError)) throw e;
    const late = pendingFiles({ files, revisions, allowDirty: true, execOrder: "linear-skip" }).files;
    const early = pendingFiles({ files, revisions, allowDirty: true, execOrder: "non-linear" }).files.filter(
      (f) => !late.includes(f),
    );
    return { pending: [...early, ...late], outOfOrder: early, error: e.message };
  }
}

/** Reads the revisions (when the table exists) and compares them with the directory. */
export async function migrateStatus(
  conn: Queryable,
  dir: MigrationDir,
  revisionsSchema: string,
): Promise<StatusReport> {
  const store = new RevisionStore(conn, revisionsSchema);
  const revisions = (await store.exists()) ? await store.readAll() : [];
  const doubts =
    revisions.length > 0 ? await statementsInDoubt(new StatementJournal(conn, revisionsSchema), revisions) : [];
  const files = dir.files();
  const { pending, outOfOrder, error } =
    revisions.length === 0
      ? { pending: filesFromLastCheckpoint(files), outOfOrder: [], error: "" }
      : pendingOf(files, revisions);
  const last = revisions.at(-1);
  const partial = last !== undefined && last.applied !== last.total;
  return {
    available: files,
    pending,
    applied: revisions,
    status: pending.length === 0 ? "OK" : "PENDING",
    current: last?.version ?? "No migration applied yet",
    next: pending[0]?.version ?? "Already at latest version",
    count: partial ? last.applied : 0,
    total: partial ? last.total : 0,
    outOfOrder,
    error: partial ? last.error : error,
    sql: partial ? last.errorStmt.replaceAll("\n", " ") : "",
    problems: statusProblems(files, dir.readSum(), revisions, doubts),
  };
}
