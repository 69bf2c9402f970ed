/**
 * Data statements in a migration directory (issue 11): backfills are part of real histories. They change no schema,
 * so every replay passes over them — `migrate validate`, `schema diff` from a directory, lint's replay of the files
 * before the ones it checks — while `migrate lint` still reports them under its schema-only rule.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { replayFiles, replaySteps } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { cli } from "../cli/run-cli.ts";

const FILES: Record<string, string> = {
  "1_init.sql": "CREATE TABLE `t` (`id` int NOT NULL, `a` int NULL, PRIMARY KEY (`id`));\n",
  "2_backfill.sql": [
    "INSERT INTO `t` (`id`, `a`) VALUES (1, NULL), (2, 5);",
    "UPDATE `t` SET `a` = 0 WHERE `a` IS NULL;",
    "DELETE FROM `t` WHERE `id` = 2;",
    "ALTER TABLE `t` MODIFY `a` int NOT NULL;",
    "",
  ].join("\n"),
  "3_more.sql": "TRUNCATE TABLE `t`;\nALTER TABLE `t` ADD COLUMN `b` int NULL;\n",
};

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A project folder holding FILES in `migrations/` with their atlas.sum. */
function project(): string {
  const root = mkdtempSync(join(tmpdir(), "stats-data-stmts-"));
  dirs.push(root);
  mkdirSync(join(root, "migrations"));
  for (const [n, t] of Object.entries(FILES)) writeFileSync(join(root, "migrations", n), t);
  const sum = computeSum(Object.entries(FILES).map(([name, text]) => ({ name, bytes: Buffer.from(text) })));
  writeFileSync(join(root, "migrations", "atlas.sum"), formatSum(sum));
  writeFileSync(
    join(root, "want.sql"),
    "CREATE TABLE `t` (`id` int NOT NULL, `a` int NOT NULL, `b` int NULL, PRIMARY KEY (`id`));\n",
  );
  return root;
}

describe("data statements in the directory", () => {
  test("the replay passes over them, marking each step with its verb", () => {
    const files = Object.entries(FILES).map(([name, text]) => ({ name, text }));
    const t = replayFiles(files, mariadb).tables[0]!;
    expect(t.columns.map((c) => [c.name, c.nullable])).toEqual([
      ["id", false],
      ["a", false],
      ["b", true],
    ]);
    const verbs = [...replaySteps(FILES["2_backfill.sql"]!, mariadb, replayFiles(files.slice(0, 1), mariadb))].map(
      (s) => s.dataVerb ?? s.changes.length,
    );
    expect(verbs).toEqual(["INSERT", "UPDATE", "DELETE", 1]);
  });

  test("migrate validate and schema diff from the directory replay through them", () => {
    const root = project();
    const dir = `file://${join(root, "migrations")}`;
    expect(cli(["migrate", "validate", "--dir", dir, "--flavor", "mariadb"])).toMatchObject({ code: 0, stderr: "" });
    const r = cli(["schema", "diff", "--from", dir, "--to", `file://${join(root, "want.sql")}`, "--flavor", "mariadb"]);
    expect(r).toMatchObject({ code: 0, stdout: "Schemas are synced, no changes to be made.\n" });
  });

  test("migrate lint replays the files before through them, and still reports them in the files it checks", () => {
    const root = project();
    const latest = cli(["migrate", "lint", "--latest", "1"], { cwd: root });
    expect(latest.stdout).toContain("TRUNCATE statement in a migration file");
    expect(latest.stdout).not.toContain("UPDATE statement");
    const two = cli(["migrate", "lint", "--latest", "2"], { cwd: root });
    for (const verb of ["INSERT", "UPDATE", "DELETE", "TRUNCATE"])
      expect(two.stdout).toContain(`${verb} statement in a migration file`);
  });
});
