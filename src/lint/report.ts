/**
 * The lint report model, shaped like Atlas's `SummaryReport` / `FileReport` / `sqlcheck.Report` so that the JSON
 * rendering carries Atlas's field names. Plain data: the runner builds it, the renderers print it.
 */

/** A suggested fix attached to a diagnostic (Atlas `SuggestedFix`, message only). */
export interface SuggestedFix {
  readonly message: string;
}

/** One finding at a statement: byte position in the file, text, code (e.g. `DS102`) and optional fixes. */
export interface Diagnostic {
  readonly pos: number;
  readonly text: string;
  readonly code: string;
  readonly fixes?: readonly SuggestedFix[];
  /** Set when this finding alone makes the report an error (e.g. a blocking change on a table above `max_rows`). */
  readonly error?: boolean;
}

/** The findings of one analyzer in one file, under the analyzer's report text (e.g. `destructive changes detected`). */
export interface Report {
  readonly analyzer: string;
  readonly text: string;
  readonly diagnostics: readonly Diagnostic[];
  /** Whether this report counts as an error (the analyzer's `error = true`, or an error-level diagnostic). */
  readonly error: boolean;
}

/** The analysis of one migration file; `error` joins the texts of its error-level reports (Atlas `FileReport.Error`). */
export interface FileReport {
  readonly name: string;
  readonly version: string;
  /** The file's text (positions are byte offsets into its UTF-8 bytes). */
  readonly text: string;
  readonly reports: readonly Report[];
  readonly error?: string;
  /** Statements of the file that changed the schema (Atlas counts them as "schema changes"). */
  readonly changes: number;
  /** Wall time spent on this file, in milliseconds. */
  readonly ms: number;
}

/** A failure that stopped the analysis (checksum, replay): reported as a file without analysis, like Atlas. */
export interface FailedFile {
  readonly name: string;
  readonly error: string;
}

/** The whole run: which versions were analysed, each file's report, a stopping failure if any, and the time taken. */
export interface LintReport {
  /** Version of the last base file (absent when every file is new). */
  readonly fromVersion?: string;
  /** Version of the last new file. */
  readonly toVersion?: string;
  /** Number of new files. */
  readonly total: number;
  readonly files: readonly FileReport[];
  readonly failure?: FailedFile;
  /** Steps as Atlas records them (integrity check, detection, replay, one per analysed file). */
  readonly steps: readonly { readonly name: string; readonly text: string; readonly error?: string }[];
  readonly ms: number;
}

/** Whether the report should make the command exit 1 (an error-level report or a stopping failure). */
export function hasErrors(report: LintReport): boolean {
  return report.failure !== undefined || report.files.some((f) => f.error !== undefined);
}

/** Number of diagnostics in all files. */
export function diagnosticsCount(report: LintReport): number {
  return report.files.reduce((n, f) => n + f.reports.reduce((m, r) => m + r.diagnostics.length, 0), 0);
}

/** Number of schema-changing statements in all analysed files. */
export function totalChanges(report: LintReport): number {
  return report.files.reduce((n, f) => n + f.changes, 0);
}

/** Atlas's `VersionStatuses`: e.g. `1 version ok, 2 with warnings, 1 with errors` (empty when there are no files). */
export function versionStatuses(report: LintReport): string {
  const errors = report.files.filter((f) => f.error !== undefined).length + (report.failure ? 1 : 0);
  const warns = report.files.filter((f) => f.error === undefined && f.reports.length > 0).length;
  const ok = report.files.length - warns - report.files.filter((f) => f.error !== undefined).length;
  const parts: string[] = [];
  for (const [n, s] of [
    [ok, "ok"],
    [warns, "with warnings"],
    [errors, "with errors"],
  ] as const) {
    if (n === 0) continue;
    parts.push(parts.length > 0 ? `${n} ${s}` : `${n} version${n === 1 ? "" : "s"} ${s}`);
  }
  return parts.join(", ");
}
