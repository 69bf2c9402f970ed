/**
 * The report of `migrate drift`: a line saying whether the database matches the migration directory at its applied
 * version, then one line per difference; or the same as JSON.
 */
import type { DriftReport } from "../../migrate/drift.ts";

const count = (n: number) => `${n} difference${n === 1 ? "" : "s"}`;

/** The report as text. */
export function driftText(report: DriftReport): string {
  const n = report.differences.length;
  const where = report.version === "" ? "" : ` at version ${report.version}`;
  if (n === 0)
    return report.version === ""
      ? `No drift: database "${report.schema}" has no revisions and no tables.\n`
      : `No drift: database "${report.schema}" matches the migration directory${where}.\n`;
  const head =
    report.version === ""
      ? `Drift: database "${report.schema}" has no revisions but has tables (${count(n)}):`
      : `Drift: database "${report.schema}" differs from the migration directory${where} (${count(n)}):`;
  return [head, ...report.differences.map((d) => `  ${d}`)].join("\n") + "\n";
}

/** The report as JSON (field names capitalised like the other reports'). */
export function driftJson(report: DriftReport): unknown {
  return { Schema: report.schema, Version: report.version, Drift: report.differences };
}
