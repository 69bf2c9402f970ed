/**
 * The front door of the library (`import … from "stats-db"`): what another program needs to diff, plan, parse, replay,
 * inspect, apply, revert, check and lint a schema, without deep paths. The entity DSL (`col`, `table`, `sql`) is here
 * and also at `stats-db/entities`, the one path entities import it from (it loads no database driver). The CLI
 * (src/cli/) is not part of it. docs/architecture.md describes the layers behind it.
 */

/** The schema model, the closed union of changes, the diff between two schemas and applying changes to a schema. */
export type { Column, ForeignKey, Index, Schema, Table, UnmanagedKind, UnmanagedObject } from "./schema/model.ts";
/** Triggers, scheduled events and stored routines: schema objects besides tables. */
export type { Routine, ScheduledEvent, Trigger } from "./schema/objects.ts";
/** The empty schema (the state before any migration). */
export { emptySchema } from "./schema/model.ts";
/** Every change the diff and the parser produce. */
export type { Change, TableChange } from "./schema/changes.ts";
/** The changes that turn one schema into another. */
export { diff } from "./schema/diff.ts";
/** Applies changes to a schema and returns the new one. */
export { applyChanges } from "./schema/apply.ts";

/** The MySQL and MariaDB dialects. */
export { type Flavor, flavorByName, mariadb, mysql8 } from "./mysql/flavor.ts";
/** DDL text → changes against the schema before it. */
export { parse, type ParseContext } from "./mysql/parse.ts";
/** Changes → SQL statements for a flavour. */
export { plan, type PlannedStatement, type PlanOptions } from "./mysql/plan.ts";
/** A live schema read from information_schema, with the server's flavour. */
export { inspect, type Inspection, type InspectOptions, inspectWithFlavor, REVISIONS_TABLE } from "./mysql/inspect.ts";

/** A database connection (mysql2 under the hood) and what the library asks of one. */
export { connect, type ConnectOptions, type Connection } from "./db/connect.ts";
/** The query interface the library runs on. */
export type { Queryable, Row } from "./db/types.ts";

/** Migration directories: in memory or on disk, their atlas.sum, and writing a new file. */
export { memoryDir, type MigrationDir, type MigrationFile } from "./migrate/dir.ts";
/** A migration directory on disk. */
export { openLocalDir } from "./migrate/dir/local.ts";
/** atlas.sum: computing, formatting and checking it. */
export { computeSum, formatSum, validateDir } from "./migrate/dir/sum.ts";
/** Writes a migration file and re-hashes atlas.sum. */
export { writeMigration } from "./migrate/dir/write.ts";
/** Offline replay of DDL and migration files into a schema, statement by statement if wanted. */
export { ReplayError, replayFiles, replaySql, replaySteps, type ReplayStep } from "./migrate/replay.ts";
/** The next migration file for a desired state, proven by a replay. */
export { plannedFile } from "./migrate/planned-file.ts";
/** `migrate apply`: runs the pending files, emitting events (it never prints). */
export { type ApplyOptions, type ApplyReport, migrateApply } from "./migrate/apply.ts";
/** Release plans: what `migrate apply --dry-run --out` records, and what moved since (`--plan` refuses on any). */
export { buildPlan } from "./migrate/release-plan/build.ts";
export { type ApplyPlan, parsePlan, serializePlan } from "./migrate/release-plan/document.ts";
export { observeState } from "./migrate/release-plan/observe.ts";
export { planMoves, statementMoves } from "./migrate/release-plan/verify.ts";
/** `migrate down`: reverts applied files after its safety checks. */
export { type DownOptions, type DownReport, migrateDown } from "./migrate/down.ts";
/** `migrate drift`: the live schema against the directory at the applied version (apply's gate uses it too). */
export { type DriftOptions, type DriftReport, migrateDrift } from "./migrate/drift.ts";
/** `migrate status`: the directory against the revisions table. */
export { migrateStatus, type StatusReport } from "./migrate/status.ts";

/** `migrate lint`: the analyzers over the new files of a directory. */
export { type LintOptions, lintDir } from "./lint/runner.ts";
/** Which files a lint run checks: the latest n, or the ones a branch added. */
export { selectAdded, selectLatest } from "./lint/select.ts";
/** A lint run's report. */
export type { LintReport } from "./lint/report.ts";

/** The entity DSL and turning entities into a schema. */
export {
  col,
  entitiesToSchema,
  sql,
  table,
  type TableDef,
  validateEntities,
  view,
  type ViewDef,
} from "./entities/index.ts";
/** Partitioning helpers of the entity DSL (`partitionBy: monthly("day", "2026-01", "2027-12")`). */
export { hash, key, list, monthly, type PartitionSpec, range } from "./entities/index.ts";
/** Triggers, events and routines declared beside the tables. */
export { event, routine, trigger } from "./entities/index.ts";
/** Schema sources by URL (`file://`, `mysql://`, `mem://embedded`) and the entities module of a project. */
export { loadSource } from "./project/sources.ts";
export { replayDir } from "./project/replay-dir.ts";
export { openDir } from "./project/open-dir.ts";
/** An entities module turned into the normalised desired schema. */
export { loadEntities } from "./project/entities-loader.ts";
export { type EntitiesModule, schemaFromEntities } from "./project/entities-schema.ts";
/** The password prompt a connection uses after a login without a password was refused (none by default). */
export { type PasswordPrompt, setPasswordPrompt } from "./project/password-prompt.ts";
