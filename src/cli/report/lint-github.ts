/**
 * `migrate lint --format github`: one GitHub Actions workflow command per diagnostic
 * (`::error file=…,line=…,title=…::message`, or `::warning`), which the pull request shows as an annotation on the
 * statement's line, then a plain summary line for the log.
 */
import type { LintReport } from "../../lint/report.ts";
import { lintFindings } from "./lint-findings.ts";

/** Escapes a workflow command's message (GitHub's `escapeData`). */
export function escapeData(s: string): string {
  return s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
}

/** Escapes a workflow command's property value (GitHub's `escapeProperty`: also `:` and `,`). */
export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, "%3A").replace(/,/g, "%2C");
}

/** Renders the report as workflow commands; `dirPath` is the directory from the repository root. */
export function renderGithub(report: LintReport, dirPath: string): string {
  const findings = lintFindings(report, dirPath);
  let out = "";
  for (const f of findings) {
    const props = `file=${escapeProperty(f.path)},line=${f.line},title=${escapeProperty(`${f.code}: ${f.heading}`)}`;
    out += `::${f.level} ${props}::${escapeData(f.text)}\n`;
  }
  const errors = findings.filter((f) => f.level === "error").length;
  const files = report.files.length;
  out += `migrate lint: ${files} file${files === 1 ? "" : "s"} analysed, ${errors} error${errors === 1 ? "" : "s"}, ${findings.length - errors} warning${findings.length - errors === 1 ? "" : "s"}\n`;
  return out;
}
