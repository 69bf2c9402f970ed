/** The CI workflow for the hosted repository: what runs on pull requests and what a tag releases. */
import { describe, expect, test } from "bun:test";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { repoRoot } from "../cli/run-cli.ts";

interface Step {
  readonly name?: string;
  readonly run?: string;
  readonly uses?: string;
}
interface Job {
  readonly if?: string;
  readonly steps: readonly Step[];
  readonly services?: Record<string, { image: string }>;
}

const workflow = Bun.YAML.parse(readFileSync(join(repoRoot, ".github", "workflows", "ci.yml"), "utf8")) as {
  on: Record<string, unknown>;
  env: { BUN_VERSION: string };
  jobs: Record<string, Job>;
};
const runs = (job: string) => workflow.jobs[job]!.steps.map((s) => s.run ?? "").join("\n");

describe(".github/workflows/ci.yml", () => {
  test("runs on pull requests and on v* tags", () => {
    expect(Object.keys(workflow.on).sort()).toEqual(["pull_request", "push"]);
    expect(workflow.on.push).toEqual({ tags: ["v*"] });
  });

  test("uses the Bun version package.json pins", () => {
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as {
      devDependencies: Record<string, string>;
    };
    expect(workflow.env.BUN_VERSION).toBe(pkg.devDependencies.bun!);
  });

  test.each([
    "bunx stats-db migrate validate",
    "bunx stats-db diff --check",
    'bunx stats-db migrate lint --git-base main --dev-url "$STATS_DB_DEV_URL" --format github',
    'bunx stats-db migrate lint --git-base main --dev-url "$STATS_DB_DEV_URL" --format sarif > migrate-lint.sarif || test $? -eq 1',
    "bun test",
  ])("pull requests run `%s`", (command) => {
    expect(workflow.jobs.check!.if).toBe("github.event_name == 'pull_request'");
    expect(runs("check").split("\n")).toContain(command);
  });

  test("lint's SARIF goes to code scanning, also when lint found errors", () => {
    const steps = workflow.jobs.check!.steps as readonly (Step & {
      id?: string;
      if?: string;
      with?: Record<string, string>;
    })[];
    const upload = steps.find((s) => s.uses?.startsWith("github/codeql-action/upload-sarif@"));
    expect(upload?.with?.sarif_file).toBe("migrate-lint.sarif");
    expect(upload?.if).toContain("steps.sarif.outcome == 'success'");
    expect(steps.find((s) => s.id === "sarif")?.if).toBe("${{ !cancelled() }}");
    expect((workflow.jobs.check as Job & { permissions?: Record<string, string> }).permissions).toMatchObject({
      "security-events": "write",
    });
  });

  test("lint's dev database is a MySQL service container", () => {
    expect(workflow.jobs.check!.services?.mysql?.image).toMatch(/^mysql:8/);
  });

  test("a tag builds the binary, checks its SHA-256 and attaches both", () => {
    const release = runs("release");
    expect(workflow.jobs.release!.if).toBe("startsWith(github.ref, 'refs/tags/v')");
    expect(release).toContain("bun run build");
    expect(release).toContain("sha256sum -c stats-db.sha256");
    expect(release).toMatch(/gh release create "\$GITHUB_REF_NAME" dist\/stats-db dist\/stats-db\.sha256/);
  });
});
