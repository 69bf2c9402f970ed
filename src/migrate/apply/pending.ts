/**
 * Which files `migrate apply` runs (`Executor.Pending`, `sql/migrate/migrate.go`): from the revisions, the directory,
 * the baseline and the execution order.
 */
import { compareNames } from "../bytestring.ts";
import { filesFromLastCheckpoint, isCheckpoint, skipCheckpointFiles } from "../dir/checkpoint.ts";
import type { MigrationFile } from "../dir.ts";
import { ApplyOptionError, HistoryNonLinearError, MissingMigrationError, NotCleanError } from "./errors.ts";
import type { Revision } from "../revisions.ts";

/** Atlas's execution orders: stop at out-of-order files, skip them, or run them first. */
export type ExecOrder = "linear" | "linear-skip" | "non-linear";

/** What decides the pending files. `dirty` is the reason the database is not clean, if it is not. */
export interface PendingInput {
  readonly files: readonly MigrationFile[];
  readonly revisions: readonly Revision[];
  readonly dirty?: string;
  readonly baseline?: string;
  readonly allowDirty: boolean;
  readonly execOrder: ExecOrder;
}

/** The pending files, and the baseline file to record first when a baseline applies. */
export interface Pending {
  readonly files: MigrationFile[];
  readonly baseline?: MigrationFile;
}

const lt = (a: string, b: string): boolean => compareNames(a, b) < 0;

/** Reads `--exec-order` or env `exec_order` (`LINEAR_SKIP` → `linear-skip`). */
export function parseExecOrder(value: string): ExecOrder {
  const v = value.toLowerCase().replaceAll("_", "-");
  if (v === "linear" || v === "linear-skip" || v === "non-linear") return v;
  throw new ApplyOptionError(`unknown exec-order "${value}": use linear, linear-skip or non-linear`);
}

function firstRun(input: PendingInput, migrations: MigrationFile[]): Pending {
  if (input.dirty !== undefined && !input.allowDirty && !input.baseline) throw new NotCleanError(input.dirty);
  if (!input.baseline) return { files: filesFromLastCheckpoint(input.files) };
  const at = migrations.findLastIndex((f) => f.version === input.baseline);
  if (at === -1) throw new ApplyOptionError(`baseline version "${input.baseline}" not found`);
  return { files: migrations.slice(at + 1), baseline: migrations[at]! };
}

function outOfOrder(input: PendingInput, migrations: MigrationFile[], idx: number): MigrationFile[] {
  const firstRev = input.revisions[0]!.version;
  const first = migrations.slice(0, idx).findIndex((f) => !lt(f.version, firstRev));
  if (first === -1 || input.execOrder === "linear-skip") return [];
  const applied = new Set(input.revisions.map((r) => r.version));
  return migrations.slice(first, idx).filter((f) => !applied.has(f.version));
}

/** Computes the pending files; throws NotCleanError, HistoryNonLinearError, MissingMigrationError, ApplyOptionError. */
export function pendingFiles(input: PendingInput): Pending {
  const migrations = skipCheckpointFiles(input.files);
  if (input.revisions.length === 0) return firstRun(input, migrations);
  const last = input.revisions.at(-1)!;
  const partially = last.applied !== last.total;
  if (partially) {
    const at = input.files.findIndex((f) => f.version === last.version);
    const file = input.files[at];
    if (file && isCheckpoint(file)) return { files: [file, ...skipCheckpointFiles(input.files.slice(at))] };
  }
  if (migrations.length === 0) return { files: [] };
  let idx = migrations.findLastIndex((f) => (partially ? f.version === last.version : !lt(last.version, f.version)));
  if (idx === -1) {
    if (partially) throw new MissingMigrationError(last.version, last.description);
    return { files: migrations };
  }
  if (!partially) idx++;
  const pending = migrations.slice(idx);
  const skipped = outOfOrder(input, migrations, idx);
  if (skipped.length === 0) return { files: pending };
  if (input.execOrder === "non-linear") return { files: [...skipped, ...pending] };
  throw new HistoryNonLinearError(skipped.map((f) => f.name));
}
