/**
 * The JSON report, Atlas's `{{ json . }}` of `migratelint.SummaryReport`: `Env`, `Schema`, `Steps`, `Files` with
 * `Reports` of `Diagnostics` (`Pos`, `Text`, `Code`, `SuggestedFixes`), field names as Atlas spells them.
 */
import type { LintReport } from "../../lint/report.ts";

/** Where the run happened, for the `Env` object. */
export interface JsonEnv {
  readonly driver: string;
  readonly dir: string;
}

/** Renders the report as Atlas's JSON (one line, no trailing newline, like the template). */
export function renderJson(report: LintReport, env: JsonEnv): string {
  const files: unknown[] = report.files.map((f) => ({
    Name: f.name,
    Text: f.text,
    ...(f.reports.length > 0
      ? {
          Reports: f.reports.map((r) => ({
            Text: r.text,
            Diagnostics: r.diagnostics.map((d) => ({
              Pos: d.pos,
              Text: d.text,
              Code: d.code,
              ...(d.fixes?.length ? { SuggestedFixes: d.fixes.map((x) => ({ Message: x.message })) } : {}),
            })),
          })),
        }
      : {}),
    ...(f.error ? { Error: f.error } : {}),
  }));
  if (report.failure) files.push({ Name: report.failure.name, Error: report.failure.error });
  const steps = report.steps.map((s) => ({ Name: s.name, Text: s.text, ...(s.error ? { Error: s.error } : {}) }));
  return JSON.stringify({
    Env: { Driver: env.driver, Dir: env.dir },
    Schema: {},
    Steps: steps,
    ...(files.length > 0 ? { Files: files } : {}),
  });
}
