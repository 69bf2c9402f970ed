/**
 * The lint runner (Atlas `migratelint.Runner`): check atlas.sum, pick the new files, replay the earlier ones (in memory,
 * or on a dev database), then replay each new file statement by statement — a data statement is recorded and skipped, a DDL statement is
 * parsed against the schema before it and applied — and run every analyzer over the file. A statement that cannot be
 * parsed or applied stops the run with a file error, as a replay error stops Atlas's.
 */
import type { Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { goQuote } from "../go/quote.ts";
import type { MigrationDir, MigrationFile } from "../migrate/dir.ts";
import { replayFiles, ReplayError, replayStatements } from "../migrate/replay.ts";
import { splitStatements } from "../migrate/split.ts";
import { ChecksumError, ChecksumFileNotFound, validateDir } from "../migrate/dir/sum.ts";
import { isSumIgnored } from "../migrate/dir/directives.ts";
import { DevReplayError } from "../migrate/dev-replay.ts";
import { fileRunsOnline } from "../migrate/dir/online-directive.ts";
import type { Analyzer, LintStmt } from "./analyzer.ts";
import { analyzers } from "./analyzers.ts";
import { nolintRules } from "./nolint.ts";
import type { Diagnostic, FileReport, LintReport, Report } from "./report.ts";
import { computeSpans } from "./spans.ts";
import type { Selection } from "./select.ts";

/** Options of a lint run. */
export interface LintOptions {
  readonly flavor: Flavor;
  /** `lint { <analyzer> { error = bool } }` from atlas.hcl. */
  readonly errors?: Readonly<Record<string, boolean>>;
  readonly rows?: ReadonlyMap<string, number>;
  readonly maxRows?: number;
  readonly bytes?: ReadonlyMap<string, number>;
  readonly maxBytes?: number;
  /** apply pins ALTERs (`online { pin = true }`): a blocking change the pin keeps online is no error. */
  readonly pinned?: boolean;
  /** A millisecond clock (tests pass a fixed one). */
  readonly now?: () => number;
}

/** Thrown by lintFile when a statement cannot be replayed; carries Atlas-style text for the report. */
class StopError extends Error {}

function replayStmts(
  file: MigrationFile,
  start: Schema,
  flavor: Flavor,
): { stmts: LintStmt[]; end: Schema; raw: ReturnType<typeof splitStatements> } {
  let raw: ReturnType<typeof splitStatements>;
  try {
    raw = splitStatements(file.bytes);
  } catch (e) {
    throw new StopError(`${file.name}: ${(e as Error).message}`);
  }
  const stmts: LintStmt[] = [];
  let end = start;
  try {
    for (const step of replayStatements(raw, file.bytes, flavor, start, file.name)) {
      stmts.push(step);
      end = step.after;
    }
  } catch (e) {
    if (e instanceof ReplayError) throw new StopError(`${e.message}: ${e.statement}`);
    throw e;
  }
  return { stmts, end, raw };
}

function runAnalyzer(
  a: Analyzer,
  file: Parameters<Analyzer["analyze"]>[0],
  silenced: (name: string, d: Diagnostic) => boolean,
  errors: Readonly<Record<string, boolean>>,
): Report | undefined {
  const diagnostics = a.analyze(file).filter((d) => !silenced(a.name, d));
  if (diagnostics.length === 0) return undefined;
  const error = (errors[a.name] ?? a.defaultError) || diagnostics.some((d) => d.error);
  return { analyzer: a.name, text: a.text, diagnostics, error };
}

/** Analyses one file from the schema before it; returns its report (undefined when nolint skips it) and the schema after. */
export function lintFile(
  file: MigrationFile,
  start: Schema,
  opts: LintOptions,
  extra: readonly Report[] = [],
): { report?: FileReport; end: Schema } {
  const t0 = (opts.now ?? Date.now)();
  const { stmts, end, raw } = replayStmts(file, start, opts.flavor);
  const rules = nolintRules(file.text, raw);
  if (rules.ignored) return { end };
  const lf = {
    name: file.name,
    stmts,
    start,
    spans: computeSpans(stmts.flatMap((s) => s.changes)),
    flavor: opts.flavor,
    rows: opts.rows,
    maxRows: opts.maxRows,
    bytes: opts.bytes,
    maxBytes: opts.maxBytes,
    pinned: opts.pinned,
    online: fileRunsOnline(file.bytes),
  };
  const reports = [...extra, ...analyzers.flatMap((a) => runAnalyzer(a, lf, rules.silenced, opts.errors ?? {}) ?? [])];
  const errorTexts = reports.filter((r) => r.error).map((r) => r.text);
  const report: FileReport = {
    name: file.name,
    version: file.version,
    text: file.text,
    reports,
    ...(errorTexts.length > 0 ? { error: errorTexts.join("; ") } : {}),
    changes: stmts.filter((s) => s.changes.length > 0).length,
    ms: (opts.now ?? Date.now)() - t0,
  };
  return { report, end };
}

function outOfOrderReport(sel: Selection, name: string, errors: Readonly<Record<string, boolean>>): Report[] {
  const hit = sel.outOfOrder.find((o) => o.name === name);
  if (!hit) return [];
  const text = `Migration file ${goQuote(name)} was added out of order: it sorts before ${goQuote(hit.before)}, which was already there`;
  return [
    {
      analyzer: "non_linear",
      text: "out of order migration files detected",
      diagnostics: [{ pos: 0, code: "NL101", text }],
      error: errors.non_linear ?? true,
    },
  ];
}

/** Replays the files before the new ones into the schema the first new file starts from (e.g. on a dev database). */
export type BaseReplay = (files: readonly MigrationFile[]) => Promise<Schema>;

/** Executes a new file on the dev database after the base; throws DevReplayError at the statement the server refuses. */
export type FreshExecution = (file: MigrationFile) => Promise<void>;

/** The code and texts of a statement the dev database refused (this project's, not Atlas's: Atlas stops the run). */
const REJECTED = { analyzer: "dev_execution", code: "SR101", text: "statement rejected by the dev database" } as const;

/**
 * Executes the new files in order on the dev database and returns, by file name, the error-level report of the
 * first statement the server refused; the files after it are not executed (their state would be a guess).
 */
async function executeFresh(fresh: readonly MigrationFile[], execute: FreshExecution): Promise<Map<string, Report>> {
  for (const f of fresh) {
    try {
      await execute(f);
    } catch (e) {
      if (!(e instanceof DevReplayError)) throw e;
      const diagnostic: Diagnostic = { pos: e.pos, code: REJECTED.code, text: e.message, error: true };
      return new Map([
        [f.name, { analyzer: REJECTED.analyzer, text: REJECTED.text, diagnostics: [diagnostic], error: true }],
      ]);
    }
  }
  return new Map();
}

/** A run after the integrity check and the file selection, before any replay. */
interface Prepared {
  readonly t0: number;
  readonly steps: { name: string; text: string; error?: string }[];
  readonly sel: Selection;
  readonly head: Pick<LintReport, "fromVersion" | "toVersion" | "total">;
}

function prepare(
  dir: MigrationDir,
  select: (files: MigrationFile[]) => Selection,
  opts: LintOptions,
): Prepared | LintReport {
  const now = opts.now ?? Date.now;
  const t0 = now();
  const steps: Prepared["steps"] = [];
  const all = dir.files();
  const sum = validateDir(all, dir.readSum());
  if (!sum.ok && !(sum.error instanceof ChecksumFileNotFound)) {
    const e = sum.error;
    const error =
      e instanceof ChecksumError ? `${e.message} (atlas.sum): L${e.line}: ${e.file} was ${e.reason}` : e.message;
    steps.push({ name: "Migration Integrity Check", text: "File atlas.sum is invalid", error: e.message });
    return { total: 0, files: [], failure: { name: "atlas.sum", error }, steps, ms: now() - t0 };
  }
  if (sum.ok && dir.readSum() !== undefined)
    steps.push({ name: "Migration Integrity Check", text: "File atlas.sum is valid" });
  const sel = select(all.filter((f) => !isSumIgnored(f.bytes)));
  steps.push({
    name: "Detect New Migration Files",
    text: `Found ${sel.fresh.length} new migration files (from ${sel.base.length + sel.fresh.length} total)`,
  });
  const head = {
    ...(sel.base.length > 0 ? { fromVersion: sel.base.at(-1)!.version } : {}),
    ...(sel.fresh.length > 0 ? { toVersion: sel.fresh.at(-1)!.version } : {}),
    total: sel.fresh.length,
  };
  return { t0, steps, sel, head };
}

function stopped(p: Prepared, files: FileReport[], message: string, opts: LintOptions): LintReport {
  p.steps.push({ name: "Replay Migration Files", text: "Failed replaying the migration files", error: message });
  return {
    ...p.head,
    files,
    failure: { name: message.split(":")[0]!, error: message },
    steps: p.steps,
    ms: (opts.now ?? Date.now)() - p.t0,
  };
}

function lintFresh(
  p: Prepared,
  base: Schema,
  opts: LintOptions,
  rejected: ReadonlyMap<string, Report> = new Map(),
): LintReport {
  const files: FileReport[] = [];
  let schema = base;
  try {
    for (const f of p.sel.fresh) {
      const refusal = rejected.get(f.name);
      const r = lintFile(f, schema, opts, [
        ...outOfOrderReport(p.sel, f.name, opts.errors ?? {}),
        ...(refusal ? [refusal] : []),
      ]);
      schema = r.end;
      // A file that `atlas:nolint` skips is still not executable: the refusal is reported on its own.
      const report =
        r.report ??
        (refusal
          ? {
              name: f.name,
              version: f.version,
              text: f.text,
              reports: [refusal],
              error: refusal.text,
              changes: 0,
              ms: 0,
            }
          : undefined);
      if (report) {
        files.push(report);
        p.steps.push({ name: `Analyze ${f.name}`, text: `${report.reports.length} reports were found in analysis` });
      }
    }
  } catch (e) {
    if (!(e instanceof StopError)) throw e;
    return stopped(p, files, e.message, opts);
  }
  return { ...p.head, files, steps: p.steps, ms: (opts.now ?? Date.now)() - p.t0 };
}

/**
 * Lints the selected files of a directory, the earlier files replayed in memory (by `replay`: the CLI's resumes from
 * the replay cache).
 */
export function lintDir(
  dir: MigrationDir,
  select: (files: MigrationFile[]) => Selection,
  opts: LintOptions,
  replay: (files: readonly MigrationFile[], flavor: Flavor) => Schema = replayFiles,
): LintReport {
  const p = prepare(dir, select, opts);
  if (!("sel" in p)) return p;
  let base: Schema;
  try {
    base = replay(p.sel.base, opts.flavor);
  } catch (e) {
    if (e instanceof ReplayError) return stopped(p, [], e.message, opts);
    throw e;
  }
  return lintFresh(p, base, opts);
}

/**
 * Lints the selected files of a directory, the earlier files replayed by `replay` (with `--dev-url`: executed on the
 * clean dev database and inspected, see migrate/dev-replay.ts). With `execute`, the new files are then executed on
 * the dev database too, in order, and a statement the server refuses is an error-level `SR101` diagnostic of its file.
 * The new files are analysed statement by statement in memory on top of the base, exactly as after an in-memory
 * replay: each statement's state before is the inspected base plus `applyChanges` of the statements parsed before
 * it. A statement of the base that fails on the dev database stops the run like a replay error; any other error of
 * `replay` or `execute` (a dev database that is not clean, a lost connection) is thrown.
 */
export async function lintDirWith(
  dir: MigrationDir,
  select: (files: MigrationFile[]) => Selection,
  opts: LintOptions,
  replay: BaseReplay,
  execute?: FreshExecution,
): Promise<LintReport> {
  const p = prepare(dir, select, opts);
  if (!("sel" in p)) return p;
  let base: Schema;
  try {
    base = await replay(p.sel.base);
  } catch (e) {
    if (e instanceof DevReplayError) return stopped(p, [], e.message, opts);
    throw e;
  }
  const rejected = execute ? await executeFresh(p.sel.fresh, execute) : undefined;
  return lintFresh(p, base, opts, rejected);
}
