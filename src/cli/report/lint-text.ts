/**
 * The text report, Atlas's default `migrate lint` template (`migratelint.DefaultTemplate`) with colours off: a header,
 * one block per file (reports, diagnostics with their line and documentation link, suggested fixes), a summary.
 */
import { formatGoMilliseconds } from "../../go/duration.ts";
import {
  type Diagnostic,
  diagnosticsCount,
  type FileReport,
  type LintReport,
  totalChanges,
  versionStatuses,
} from "../../lint/report.ts";
import { lineOf } from "../../migrate/line.ts";

const ATLAS_CODES = /^(DS|MF|MY|CD|BC)\d{3}$/;

/** Atlas's `maxWidth`: splits text into lines whose words (spaces not counted) fit in `n` characters. */
export function maxWidth(s: string, n: number): string[] {
  const words = s.split(/\s+/).filter((w) => w !== "");
  const lines: string[] = [];
  let [j, k] = [0, 0];
  for (let i = 0; i < words.length; i++) {
    if (k + words[i]!.length > n) {
      lines.push(words.slice(j, i).join(" "));
      [k, j] = [0, i];
    }
    k += words[i]!.length;
  }
  lines.push(words.slice(j).join(" "));
  return lines;
}

function wrapped(prefix: string, text: string): string {
  return (
    prefix +
    maxWidth(text, 85 - prefix.length)
      .map((l, i) => (i > 0 ? "         " : "") + l + "\n")
      .join("")
  );
}

function diagnosticText(d: Diagnostic): string {
  return ATLAS_CODES.test(d.code) ? `${d.text} https://atlasgo.io/lint/analyzers#${d.code}` : `${d.text} [${d.code}]`;
}

function fileBlock(f: FileReport): string {
  const bytes = new TextEncoder().encode(f.text);
  let out = `  -- analyzing version ${f.version}\n`;
  for (const r of f.reports) {
    out += `    -- ${r.text}:\n`;
    for (const d of r.diagnostics) out += wrapped(`      -- L${lineOf(bytes, d.pos)}: `, diagnosticText(d));
  }
  if (f.reports.length === 0) out += "    -- no diagnostics found\n";
  const fixes = f.reports.flatMap((r) => r.diagnostics.flatMap((d) => d.fixes ?? []));
  if (fixes.length > 0) {
    out += `    -- suggested fix${fixes.length === 1 ? "" : "es"}:\n`;
    for (const x of fixes) out += wrapped("      -> ", x.message);
  }
  return out + `  -- ok (${formatGoMilliseconds(f.ms)})\n\n`;
}

/** Renders the report as Atlas prints it; empty when there was nothing to analyse. */
export function renderText(report: LintReport): string {
  if (report.files.length === 0 && !report.failure) return "";
  const s = report.total === 1 ? "" : "s";
  let out =
    report.fromVersion && report.toVersion
      ? `Analyzing changes from version ${report.fromVersion} to ${report.toVersion} (${report.total} migration${s} in total):\n`
      : report.toVersion
        ? `Analyzing changes until version ${report.toVersion} (${report.total} migration${s} in total):\n`
        : `Analyzing changes (${report.total} migration${s} in total):\n`;
  out += "\n";
  for (const f of report.files) out += fileBlock(f);
  if (report.failure) out += `  Error: ${report.failure.error}\n\n`;
  out += "  -------------------------\n";
  out += `  -- ${formatGoMilliseconds(report.ms)}\n`;
  const statuses = versionStatuses(report);
  if (statuses) out += `  -- ${statuses}\n`;
  const changes = totalChanges(report);
  if (changes > 0) out += `  -- ${changes} schema change${changes === 1 ? "" : "s"}\n`;
  const diags = diagnosticsCount(report);
  if (diags > 0) out += `  -- ${diags} diagnostic${diags === 1 ? "" : "s"}\n`;
  return out;
}
