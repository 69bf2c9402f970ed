/** The Markdown of a release plan, for a change ticket: what a reviewer must see, offline. */
import { describe, expect, test } from "bun:test";
import { type ApplyPlan, PLAN_FORMAT } from "../../src/migrate/release-plan/document.ts";
import { planMarkdown } from "../../src/cli/report/plan-markdown.ts";

const plan: ApplyPlan = {
  format: PLAN_FORMAT,
  createdAt: "2026-12-01T00:00:00.000Z",
  toolVersion: "0.1.0",
  target: {
    driver: "mysql",
    address: "db1:3306",
    server: "server_uuid=3e11fa47-71ca-11e1-9e33-c80aa9429562",
    version: "8.0.40",
    database: "site_usage",
    revisionsSchema: "site_usage",
  },
  revisions: { versions: ["001", "002"], last: "002", digest: "sha256:rev" },
  directory: { sumTotal: "h1:total=", files: ["001_a.sql", "002_b.sql", "003_c.sql"] },
  options: { txMode: "file", execOrder: "linear", allowDirty: false, allowDrift: false },
  from: "002",
  to: "003",
  pending: [
    {
      name: "003_c.sql",
      version: "003",
      sha256: "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef",
      sum: "h1:line=",
      skipped: 1,
      statements: [
        {
          sql: "ALTER TABLE hits MODIFY n bigint;",
          cost: {
            table: "hits",
            algorithm: "COPY",
            rebuild: true,
            blocksWriters: true,
            rows: 2000000,
            bytes: 157286400,
          },
          online: {
            tool: "pt-osc",
            command: "pt-online-schema-change …",
            reason: "about 2000000 rows, above min_rows 1000000",
          },
        },
        { sql: "UPDATE hits SET n = 0 WHERE n IS NULL;" },
      ],
    },
  ],
  liveSchema: "sha256:live",
};

describe("release plan Markdown", () => {
  test("hash, target, state, files, statements with cost and tool, and the apply command", () => {
    const md = planMarkdown(plan, "sha256:abc", "release.plan");
    expect(md).toStartWith("# Release plan: `site_usage` to version 003 from 002\n");
    expect(md).toContain("- Plan: `release.plan`, hash `sha256:abc`\n");
    expect(md).toContain("mysql at `db1:3306` (`server_uuid=3e11fa47-71ca-11e1-9e33-c80aa9429562`, version 8.0.40)");
    expect(md).toContain("- Revisions: 2 rows, last version 002 (digest `sha256:rev`)\n");
    expect(md).toContain("- Directory: 3 files, atlas.sum `h1:total=`\n");
    expect(md).toContain("- Live schema fingerprint: `sha256:live`\n");
    expect(md).toContain("| `003_c.sql` | `0123456789abcdef…` | `h1:line=` | 2 (1 applied before) |\n");
    expect(md).toContain(
      "```sql\n-- statement 2\n-- cost: COPY, writers blocked: table `hits`, about 2000000 rows, 150.0 MB; online through pt-osc (about 2000000 rows, above min_rows 1000000)\nALTER TABLE hits MODIFY n bigint;\n\n-- statement 3\nUPDATE hits SET n = 0 WHERE n IS NULL;\n```\n",
    );
    expect(md).toContain("stats-db migrate apply --plan release.plan\n");
  });

  test("a plan with nothing pending says so", () => {
    const md = planMarkdown({ ...plan, pending: [], to: "" }, "sha256:abc", undefined);
    expect(md).toStartWith("# Release plan: `site_usage`, nothing to apply\n");
    expect(md).toContain("- Plan: not written (no --out), hash `sha256:abc`\n");
    expect(md).toContain("None: applying this plan changes nothing.");
    expect(md).not.toContain("```sql");
  });
});
