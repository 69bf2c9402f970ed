/**
 * `schema inspect --format mermaid` from the CLI: the entities' diagram (the one the README shows), and the same
 * diagram from a live database.
 */
import { expect, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { cli, repoRoot } from "./run-cli.ts";

test("the entities and the database they were applied to give the same ER diagram", async () => {
  const entities = cli(["schema", "inspect", "--url", "file://entities", "--format", "mermaid"]);
  expect(entities.code).toBe(0);
  expect(entities.stdout).toStartWith("erDiagram\n  countries {\n    char(2) code PK\n    varchar(128) name\n  }\n");
  expect(entities.stdout).toContain("  sites {\n    bigint_unsigned id PK\n    varchar(64) slug UK\n");
  expect(entities.stdout).toContain('  sites ||--o{ daily_usage : "daily_usage_site_fk"\n');
  // The README shows the diagram the command prints.
  expect(readFileSync(join(repoRoot, "README.md"), "utf8")).toContain("```mermaid\n" + entities.stdout + "```\n");
  await withTestDatabase(async ({ url }) => {
    const u = url.replace(/^mysql:/, "maria:");
    expect(cli(["schema", "apply", "--url", u, "--to", "file://entities", "--auto-approve"]).code).toBe(0);
    const live = cli(["schema", "inspect", "--url", u, "--format", "mermaid"]);
    expect(live.stderr).toBe("");
    expect(live.code).toBe(0);
    expect(live.stdout).toBe(entities.stdout);
  });
}, 60_000);

test("an unknown format names the formats", () => {
  const r = cli(["schema", "inspect", "--url", "file://entities", "--format", "dot"]);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('unknown --format "dot": use hcl, sql, json, typebox or mermaid');
});
