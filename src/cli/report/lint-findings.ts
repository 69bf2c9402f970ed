/**
 * The lint report flattened for the machine formats (SARIF, GitHub workflow commands): one finding per diagnostic
 * with its file path, the line of its statement and its level; a stopping failure (checksum, replay) is a finding of
 * its own at the top of the file it names.
 */
import type { LintReport, Report } from "../../lint/report.ts";
import { lineOf } from "../../migrate/line.ts";

/** How a finding is reported: `error` makes `migrate lint` exit 1, `warning` does not. */
export type FindingLevel = "error" | "warning";

/** One diagnostic where it was found. */
export interface Finding {
  /** The lint code (`DS103`, `BD101`…), or {@link FAILURE_CODE} for a stopping failure. */
  readonly code: string;
  /** The analyzer's name (as used in `atlas:nolint`), for the rule. */
  readonly analyzer: string;
  /** The analyzer's report heading (`destructive changes detected`), for the rule. */
  readonly heading: string;
  readonly text: string;
  readonly level: FindingLevel;
  /** The file's path from the repository root, with `/` separators. */
  readonly path: string;
  /** 1-based line of the statement. */
  readonly line: number;
}

/** The code of a failure that stopped the analysis (not an analyzer's: Atlas reports it as a file error). */
export const FAILURE_CODE = "LINT_FAILURE";

const ATLAS_CODES = /^(DS|MF|MY|CD|BC)\d{3}$/;

/** Atlas's documentation page of an Atlas lint code; undefined for stats-db's own codes. */
export function helpUri(code: string): string | undefined {
  return ATLAS_CODES.test(code) ? `https://atlasgo.io/lint/analyzers#${code}` : undefined;
}

function levelOf(r: Report, error: boolean | undefined): FindingLevel {
  return r.error || error ? "error" : "warning";
}

/** Every diagnostic of the report in file order, then the stopping failure; `dirPath` is the directory's path. */
export function lintFindings(report: LintReport, dirPath: string): Finding[] {
  const pathOf = (name: string) =>
    dirPath === "" || dirPath === "." ? name : `${dirPath.replace(/\/+$/, "")}/${name}`;
  const out: Finding[] = [];
  for (const f of report.files) {
    const bytes = new TextEncoder().encode(f.text);
    for (const r of f.reports)
      for (const d of r.diagnostics)
        out.push({
          code: d.code,
          analyzer: r.analyzer,
          heading: r.text,
          text: d.text,
          level: levelOf(r, d.error),
          path: pathOf(f.name),
          line: lineOf(bytes, d.pos),
        });
  }
  if (report.failure)
    out.push({
      code: FAILURE_CODE,
      analyzer: "failure",
      heading: "the analysis stopped",
      text: report.failure.error,
      level: "error",
      path: pathOf(report.failure.name),
      line: 1,
    });
  return out;
}
