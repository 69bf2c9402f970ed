/**
 * Renames between two states of one migration history (issue 11): when one directory is the other plus more files,
 * the renames in those files survive into the plan — a rename forward, a rename back the other way — instead of
 * DROP + ADD, which would lose the values. Between a database and a directory, the database's revisions say which
 * files it has.
 */
import { afterAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { markHistoryRenames } from "../../src/migrate/renames.ts";
import { replayFiles } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { cli } from "../cli/run-cli.ts";
import { withTestDatabase } from "../support/mariadb.ts";

setDefaultTimeout(60_000);

const INIT = "CREATE TABLE `users` (`id` int NOT NULL, `email` varchar(100) NULL, PRIMARY KEY (`id`));\n";
const RENAME = "ALTER TABLE `users` RENAME COLUMN `email` TO `mail`;\nRENAME TABLE `users` TO `people`;\n";
const MORE = "ALTER TABLE `people` ADD COLUMN `age` int NULL, CHANGE `mail` `address` varchar(100) NULL;\n";

const history = (names: readonly string[]) => {
  const all: Record<string, string> = { "1_init.sql": INIT, "2_rename.sql": RENAME, "3_more.sql": MORE };
  return memoryDir(Object.fromEntries(names.map((n) => [n, all[n]!]))).files();
};

/** The statements that turn the state of `fromNames` into that of `toNames`. */
function statements(fromNames: readonly string[], toNames: readonly string[]): string[] {
  const fromFiles = history(fromNames);
  const toFiles = history(toNames);
  const current = replayFiles(fromFiles, mariadb);
  const desired = markHistoryRenames(current, fromFiles, replayFiles(toFiles, mariadb), toFiles, mariadb);
  return plan(diff(current, desired), mariadb, { current }).map((s) => s.sql);
}

describe("renames between two states of a history", () => {
  test("forward: the files the longer side adds rename, over two files", () =>
    expect(statements(["1_init.sql"], ["1_init.sql", "2_rename.sql", "3_more.sql"])).toEqual([
      "RENAME TABLE `users` TO `people`",
      "ALTER TABLE `people` RENAME COLUMN `email` TO `address`, ADD COLUMN `age` int NULL",
    ]));
  test("back: the shorter side renames back", () =>
    expect(statements(["1_init.sql", "2_rename.sql"], ["1_init.sql"])).toEqual([
      "RENAME TABLE `people` TO `users`",
      "ALTER TABLE `users` RENAME COLUMN `mail` TO `email`",
    ]));
  test("histories that part ways are not marked: the diff decides alone", () => {
    const other = memoryDir({ "1_init.sql": INIT, "2_other.sql": "ALTER TABLE `users` ADD COLUMN `x` int NULL;\n" });
    const fromFiles = other.files();
    const toFiles = history(["1_init.sql", "2_rename.sql"]);
    const current = replayFiles(fromFiles, mariadb);
    const loaded = replayFiles(toFiles, mariadb);
    expect(markHistoryRenames(current, fromFiles, loaded, toFiles, mariadb)).toBe(loaded);
  });
});

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A migration directory on disk holding `names` of the history, hashed. */
function diskDir(names: readonly string[]): string {
  const dir = mkdtempSync(join(tmpdir(), "stats-history-"));
  dirs.push(dir);
  mkdirSync(join(dir, "m"));
  for (const f of history(names)) writeFileSync(join(dir, "m", f.name), f.text);
  expect(cli(["migrate", "hash", "--dir", `file://${join(dir, "m")}`]).code).toBe(0);
  return `file://${join(dir, "m")}`;
}

test("schema diff between two directories plans the renames", () => {
  const short = diskDir(["1_init.sql"]);
  const long = diskDir(["1_init.sql", "2_rename.sql"]);
  const r = cli(["schema", "diff", "--from", short, "--to", long, "--flavor", "mariadb"]);
  expect(r.stdout).toBe(
    '-- Rename a table from "users" to "people"\nRENAME TABLE `users` TO `people`;\n' +
      '-- Modify "people" table\nALTER TABLE `people` RENAME COLUMN `email` TO `mail`;\n',
  );
  const back = cli(["schema", "diff", "--from", long, "--to", short, "--flavor", "mariadb"]);
  expect(back.stdout).toContain("RENAME TABLE `people` TO `users`;");
  expect(back.stdout).not.toContain("DROP");
});

test("a database and the directory that migrated it: schema diff and schema apply rename, and the values stay", () =>
  withTestDatabase(async ({ url, conn }) => {
    const short = diskDir(["1_init.sql"]);
    const long = diskDir(["1_init.sql", "2_rename.sql", "3_more.sql"]);
    expect(cli(["migrate", "apply", "--url", url, "--dir", short])).toMatchObject({ code: 0 });
    await conn.query("INSERT INTO `users` (`id`, `email`) VALUES (1, 'a@b')");
    const preview = cli(["schema", "diff", "--from", url, "--to", long]);
    expect(preview.stdout).toContain("RENAME TABLE `users` TO `people`;");
    expect(preview.stdout).not.toContain("DROP");
    const back = cli(["schema", "diff", "--from", long, "--to", url]);
    expect(back.stdout).toContain("RENAME TABLE `people` TO `users`;");
    expect(back.stdout).toContain("RENAME COLUMN `address` TO `email`, DROP COLUMN `age`;");
    expect(cli(["schema", "apply", "--url", url, "--to", long, "--auto-approve"])).toMatchObject({ code: 0 });
    const [rows] = await conn.query("SELECT `id`, `address` FROM `people`");
    expect(rows).toEqual([{ id: 1, address: "a@b" }]);
  }));
