/**
 * Reads what a release plan records of a target, the same way when the plan is made and when it is applied: the
 * server's identity, the revisions rows, the directory and the live schema's fingerprint.
 */
import type { Queryable } from "../../db/types.ts";
import { inspect } from "../../mysql/inspect.ts";
import { SchemaNotFoundError } from "../../mysql/inspect/errors.ts";
import { SERVER_IDENTITY_QUERY } from "../../mysql/queries/server-identity.ts";
import { statementsInDoubt } from "../apply/in-doubt-read.ts";
import { StatementJournal } from "../apply/journal.ts";
import { withoutOnlineToolObjects } from "../apply/online/tool-objects.ts";
import type { MigrationFile } from "../dir.ts";
import { computeSum } from "../dir/sum.ts";
import { type Revision, RevisionStore } from "../revisions.ts";
import { canonicalJson } from "./canonical.ts";
import { type PlanDirectory, type PlanRevisions, type PlanTarget, sha256Of } from "./document.ts";
import { schemaFingerprint } from "./schema-fingerprint.ts";

/** Where the target is, as the connection knows it (no credentials). */
export interface TargetPlace {
  readonly driver: "mysql" | "mariadb";
  readonly address: string;
  readonly database: string;
  readonly revisionsSchema: string;
}

/** Everything a plan records of the state it was made in (besides the statements). */
export interface ObservedState {
  readonly target: PlanTarget;
  readonly revisions: PlanRevisions;
  readonly directory: PlanDirectory;
  readonly liveSchema: string;
  /** Statements an interrupted run left in doubt (`statement N of version V`): a real run resolves them first. */
  readonly inDoubt: readonly string[];
}

/** The fingerprint recorded for a database that does not exist yet. */
export const NO_SCHEMA = "none";

async function serverIdentity(conn: Queryable, place: TargetPlace): Promise<PlanTarget> {
  const [row] = await conn.query(SERVER_IDENTITY_QUERY[place.driver]);
  return { ...place, server: String(row?.id ?? ""), version: String(row?.version ?? "") };
}

/** The revisions state of rows read from the table. */
export function revisionsState(rows: readonly Revision[]): PlanRevisions {
  const canonical = rows.map((r) => ({ ...r, executedAt: r.executedAt.toISOString() }));
  return {
    versions: rows.map((r) => r.version),
    last: rows.at(-1)?.version ?? "",
    digest: sha256Of(canonicalJson(canonical)),
  };
}

/** The directory state: atlas.sum's total and the files' names. */
export function directoryState(files: readonly MigrationFile[]): PlanDirectory {
  return { sumTotal: `h1:${computeSum(files).total}`, files: files.map((f) => f.name) };
}

async function liveFingerprint(conn: Queryable, database: string): Promise<string> {
  if (database === "") return NO_SCHEMA;
  try {
    return schemaFingerprint(withoutOnlineToolObjects(await inspect(conn, database), database));
  } catch (e) {
    if (e instanceof SchemaNotFoundError) return NO_SCHEMA;
    throw e;
  }
}

/** Reads the state of the target on `conn` (the caller holds the apply lock) and of the directory's files. */
export async function observeState(
  conn: Queryable,
  place: TargetPlace,
  files: readonly MigrationFile[],
): Promise<ObservedState> {
  const store = new RevisionStore(conn, place.revisionsSchema);
  const rows = (await store.exists()) ? await store.readAll() : [];
  const inDoubt = await statementsInDoubt(new StatementJournal(conn, place.revisionsSchema), rows);
  return {
    target: await serverIdentity(conn, place),
    revisions: revisionsState(rows),
    directory: directoryState(files),
    liveSchema: await liveFingerprint(conn, place.database),
    inDoubt: inDoubt.map((i) => `statement ${i.index + 1} of version ${i.version}`),
  };
}
