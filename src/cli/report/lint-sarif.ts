/**
 * The SARIF 2.1.0 report of `migrate lint --format sarif`, for GitHub code scanning (`upload-sarif`): one rule per
 * lint code found (id = the code, name = the analyzer), one result per diagnostic at its file and statement line,
 * level `error` or `warning` as the text report counts them.
 */
import type { LintReport } from "../../lint/report.ts";
import { TOOL_VERSION } from "../../project/version.ts";
import { type Finding, helpUri, lintFindings } from "./lint-findings.ts";

const SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";

function rulesOf(findings: readonly Finding[]): Finding[] {
  const seen = new Map<string, Finding>();
  for (const f of findings) if (!seen.has(f.code)) seen.set(f.code, f);
  return [...seen.values()].sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
}

/** Renders the report as a SARIF 2.1.0 log (pretty JSON and a newline); `dirPath` is the directory from the repository root. */
export function renderSarif(report: LintReport, dirPath: string): string {
  const findings = lintFindings(report, dirPath);
  const rules = rulesOf(findings);
  const index = new Map(rules.map((r, i) => [r.code, i]));
  const log = {
    $schema: SCHEMA,
    version: "2.1.0",
    runs: [
      {
        tool: {
          driver: {
            name: "stats-db",
            version: TOOL_VERSION,
            rules: rules.map((r) => {
              const uri = helpUri(r.code);
              return {
                id: r.code,
                name: r.analyzer,
                shortDescription: { text: r.heading },
                ...(uri ? { helpUri: uri } : {}),
              };
            }),
          },
        },
        results: findings.map((f) => ({
          ruleId: f.code,
          ruleIndex: index.get(f.code)!,
          level: f.level,
          message: { text: f.text },
          locations: [
            {
              physicalLocation: {
                artifactLocation: { uri: f.path, uriBaseId: "%SRCROOT%" },
                region: { startLine: f.line },
              },
            },
          ],
        })),
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}
