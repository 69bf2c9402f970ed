/**
 * Drift: the differences between a live schema and the migration directory replayed at the version its revisions say
 * is applied (a partly applied file counts with its applied statements only), one line each. `migrate drift`
 * reports it, `migrate apply` refuses to run over it, and `migrate down` stops on it (`down/plan.ts`, whose comparison
 * this reuses). A database without revisions has drift only when it has tables: each is an extra table.
 */
import type { Queryable } from "../db/types.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { inspectWithFlavor } from "../mysql/inspect.ts";
import { emptySchema, type Schema } from "../schema/model.ts";
import type { MigrationFile } from "./dir.ts";
import { driftLines } from "./down/drift.ts";
import { driftFromApplied, inMemoryReplay, type ReplayFn } from "./down/plan.ts";
import { type Revision, RevisionStore } from "./revisions.ts";
import { checkRevisionsPlace, type RevisionsPlace } from "./revisions/schema.ts";

/** What the comparison found. */
export interface DriftReport {
  /** The schema compared (the URL's). */
  readonly schema: string;
  /** The applied version the live schema was compared with ("" when the database has no revisions). */
  readonly version: string;
  /** One line per difference, e.g. `extra column "nick" of table "users": \`nick\` int NULL`; empty when none. */
  readonly differences: readonly string[];
}

/** What a drift check needs besides the connection. */
export interface DriftOptions {
  /** The schema the URL is bound to: the one inspected. */
  readonly schema: string;
  /** The directory's files. */
  readonly files: readonly MigrationFile[];
  /** Builds the schema of directory files (default: in-memory replay). */
  readonly replay?: ReplayFn;
  /** Leaves out of the inspected schema what is not the directory's to compare (e.g. an online tool's work tables). */
  readonly leaveOut?: (live: Schema) => Schema;
}

/** The directory's file of the applied version is missing: the schema it expects cannot be computed. */
export class DriftCheckError extends Error {
  constructor(readonly version: string) {
    super(
      `the migration directory has no file of the applied version "${version}": cannot compare the database with it`,
    );
    this.name = "DriftCheckError";
  }
}

/** The drift of the live schema (inspected on `conn`) from the directory at the version `revisions` end at. */
export async function driftAtApplied(
  conn: Queryable,
  revisions: readonly Revision[],
  opts: DriftOptions,
): Promise<DriftReport> {
  const { schema: inspected, flavor } = await inspectWithFlavor(conn, opts.schema);
  const live = opts.leaveOut ? opts.leaveOut(inspected) : inspected;
  return { schema: opts.schema, ...(await compare(live, flavor, revisions, opts)) };
}

async function compare(
  live: Schema,
  flavor: Flavor,
  revisions: readonly Revision[],
  opts: DriftOptions,
): Promise<{ version: string; differences: string[] }> {
  const current = revisions.at(-1)?.version;
  if (current === undefined) return { version: "", differences: driftLines(live, emptySchema, flavor) };
  if (!opts.files.some((f) => f.version === current)) throw new DriftCheckError(current);
  const differences = await driftFromApplied({
    live,
    selection: { current, reverted: revisions, target: "" },
    files: opts.files,
    flavor,
    replay: opts.replay ?? inMemoryReplay,
  });
  return { version: current, differences };
}

/** `migrate drift` as a library call: reads the revisions (none when the table is missing) and compares. */
export async function migrateDrift(
  conn: Queryable,
  opts: DriftOptions & Omit<RevisionsPlace, "urlSchema">,
): Promise<DriftReport> {
  const store = new RevisionStore(conn, opts.revisionsSchema);
  const exists = await store.exists();
  await checkRevisionsPlace(conn, exists, { ...opts, urlSchema: opts.schema });
  return driftAtApplied(conn, exists ? await store.readAll() : [], opts);
}
