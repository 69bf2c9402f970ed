import { withoutCostLines } from "../support/cost-lines.ts";
import { expect, setDefaultTimeout, test } from "bun:test";
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(60_000);

test("the project's own migrations apply on MariaDB and leave no drift against the entities", async () => {
  await withTestDatabase(async ({ url }) => {
    const maria = url.replace(/^mysql:/, "maria:");
    const applied = cli(["migrate", "apply", "--url", maria]);
    // hourly_usage is partitioned by a table copy: apply prices that statement on stderr, and says nothing else there.
    expect(withoutCostLines(applied.stderr)).toBe("");
    expect(applied.code).toBe(0);
    const files = readdirSync(join(import.meta.dir, "..", "..", "migrations")).filter((f) => f.endsWith(".sql"));
    expect(applied.stdout).toContain(`-- ${files.length} migration${files.length === 1 ? "" : "s"}\n`);
    expect(cli(["migrate", "status", "--url", maria]).stdout).toStartWith("Migration Status: OK\n");
    const drift = cli(["schema", "diff", "--from", maria, "--to", "file://entities", "--flavor", "mariadb"]);
    expect(drift).toMatchObject({ code: 0, stdout: "Schemas are synced, no changes to be made.\n" });
    const viaDir = cli(["schema", "diff", "--from", maria, "--to", "file://migrations", "--flavor", "mariadb"]);
    expect(viaDir.stdout).toBe("Schemas are synced, no changes to be made.\n");
  });
});
