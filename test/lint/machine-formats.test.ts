/** `migrate lint --format sarif | github`: the SARIF 2.1.0 log and the workflow commands, from a real lint run. */
import { describe, expect, test } from "bun:test";
import { memoryDir } from "../../src/migrate/dir.ts";
import { flavorByName } from "../../src/mysql/flavor.ts";
import { lintDir } from "../../src/lint/runner.ts";
import { selectLatest } from "../../src/lint/select.ts";
import { renderSarif } from "../../src/cli/report/lint-sarif.ts";
import { escapeData, escapeProperty, renderGithub } from "../../src/cli/report/lint-github.ts";
import { FAILURE_CODE } from "../../src/cli/report/lint-findings.ts";
import { TOOL_VERSION } from "../../src/project/version.ts";

const init = "CREATE TABLE `t` (`id` int NOT NULL, `a` int NOT NULL, `b` int NOT NULL, PRIMARY KEY (`id`));\n";
// Line 3: a destructive DROP COLUMN (error); line 5: a copying MODIFY (warning).
const change =
  "-- the change\n\nALTER TABLE `t` DROP COLUMN `a`;\n\nALTER TABLE `t` MODIFY COLUMN `b` bigint NOT NULL;\n";

function lint(files: Record<string, string>) {
  return lintDir(memoryDir(files), (f) => selectLatest(f, 1), {
    flavor: flavorByName("mysql")!,
    errors: {},
    now: () => 0,
  });
}

interface SarifResult {
  ruleId: string;
  ruleIndex: number;
  level: string;
  message: { text: string };
  locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number } } }[];
}

describe("SARIF", () => {
  const report = lint({ "1_init.sql": init, "2_change.sql": change });
  const log = JSON.parse(renderSarif(report, "migrations"));
  const run = log.runs[0];
  const results = run.results as SarifResult[];

  test("is a SARIF 2.1.0 log of stats-db", () => {
    expect(log.version).toBe("2.1.0");
    expect(log.$schema).toContain("sarif-2.1.0");
    expect(run.tool.driver).toMatchObject({ name: "stats-db", version: TOOL_VERSION });
  });

  test("one rule per lint code, results point at their rule", () => {
    const ids = run.tool.driver.rules.map((r: { id: string }) => r.id);
    expect(ids).toEqual(["BD101", "DS103"]);
    expect(run.tool.driver.rules[1]).toMatchObject({
      name: "destructive",
      shortDescription: { text: "destructive changes detected" },
      helpUri: "https://atlasgo.io/lint/analyzers#DS103",
    });
    for (const r of results) expect(ids[r.ruleIndex]).toBe(r.ruleId);
  });

  test("each result has the file, the statement's line and its level", () => {
    const where = results.map((r) => [
      r.ruleId,
      r.level,
      r.locations[0]!.physicalLocation.artifactLocation.uri,
      r.locations[0]!.physicalLocation.region.startLine,
    ]);
    expect(where).toContainEqual(["DS103", "error", "migrations/2_change.sql", 3]);
    expect(where).toContainEqual(["BD101", "warning", "migrations/2_change.sql", 5]);
    expect(results.find((r) => r.ruleId === "DS103")!.message.text).toBe('Dropping non-virtual column "a"');
  });

  test("a clean run has no rules and no results", () => {
    const clean = JSON.parse(
      renderSarif(
        lint({ "1_init.sql": init, "2_x.sql": "CREATE TABLE `u` (`id` int NOT NULL, PRIMARY KEY (`id`));\n" }),
        "migrations",
      ),
    );
    expect(clean.runs[0].results).toEqual([]);
    expect(clean.runs[0].tool.driver.rules).toEqual([]);
  });

  test("a stopping failure is an error result on the file it names", () => {
    const failed = lint({ "1_init.sql": init, "2_bad.sql": "ALTER TABLE `nope` ADD COLUMN `x` int;\n" });
    expect(failed.failure).toBeDefined();
    const r = JSON.parse(renderSarif(failed, "db/migrations/")).runs[0].results[0] as SarifResult;
    expect(r.ruleId).toBe(FAILURE_CODE);
    expect(r.level).toBe("error");
    expect(r.locations[0]!.physicalLocation.artifactLocation.uri).toBe(`db/migrations/${failed.failure!.name}`);
  });
});

describe("GitHub workflow commands", () => {
  test("an annotation per diagnostic on the statement's line, then a summary", () => {
    const out = renderGithub(lint({ "1_init.sql": init, "2_change.sql": change }), "migrations");
    const lines = out.split("\n");
    expect(lines).toContain(
      '::error file=migrations/2_change.sql,line=3,title=DS103%3A destructive changes detected::Dropping non-virtual column "a"',
    );
    expect(lines.some((l) => l.startsWith("::warning file=migrations/2_change.sql,line=5,title=BD101%3A "))).toBe(true);
    expect(lines.at(-2)).toBe("migrate lint: 1 file analysed, 1 error, 1 warning");
  });

  test("messages and properties are escaped as GitHub's toolkit does", () => {
    expect(escapeData("50% done\r\nnext")).toBe("50%25 done%0D%0Anext");
    expect(escapeProperty("a:b,c%")).toBe("a%3Ab%2Cc%25");
  });
});
