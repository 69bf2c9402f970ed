/**
 * Statements left in doubt, set up exactly (the journal and revision rows an interrupted run leaves; the kill itself
 * is exercised in test/faults): decided from the schema when it can be, refused with a resolve hint when it cannot,
 * and settled by `migrate resolve`.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { memoryDir } from "../../src/migrate/dir.ts";
import { fileStatements } from "../../src/migrate/apply/executor.ts";
import { StatementJournal } from "../../src/migrate/apply/journal.ts";
import { partialHashes } from "../../src/migrate/apply/partial-hash.ts";
import { RevisionStore, RevisionType } from "../../src/migrate/revisions.ts";
import { computeSum } from "../../src/migrate/dir/sum.ts";
import { cli } from "../cli/run-cli.ts";
import { queryableOf } from "../mysql/inspect-queryable.ts";
import { type TestDatabase, withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";

setDefaultTimeout(60_000);

const FILES = {
  "001_t.sql": "CREATE TABLE t (id int NOT NULL, PRIMARY KEY (id));\n",
  "002_ab.sql": "ALTER TABLE t ADD COLUMN a int NULL;\nUPDATE t SET a = 1;\nALTER TABLE t ADD COLUMN b int NULL;\n",
};
const file2 = memoryDir(FILES).files()[1]!;
const stmts = fileStatements(file2);

const project = (): string => writeProject(FILES);

/** Applies 001, then leaves statement `index` of 002 in doubt (run on the server first when `ran`). */
async function leaveInDoubt(db: TestDatabase, root: string, index: number, ran: string[]): Promise<void> {
  expect(cli(["migrate", "apply", "1", "--url", db.url], { cwd: root }).code).toBe(0);
  await db.conn.query("INSERT INTO t (id) VALUES (1)");
  for (const sql of ran) await db.conn.query(sql);
  const q = queryableOf(db.conn);
  const sums = partialHashes(stmts);
  await new RevisionStore(q, db.name).write({
    version: "002",
    description: "ab",
    type: RevisionType.execute,
    applied: index,
    total: stmts.length,
    executedAt: new Date(),
    executionTime: 0,
    error: "",
    errorStmt: "",
    hash: computeSum(memoryDir(FILES).files()).entries[1]!.hash,
    partialHashes: sums.slice(0, index),
    operatorVersion: "test",
  });
  await new StatementJournal(q, db.name).record("002", index, sums[index]!);
}

const columns = async (db: TestDatabase) =>
  (
    (
      await db.conn.query(
        "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 't' ORDER BY ORDINAL_POSITION",
      )
    )[0] as { c: string }[]
  ).map((r) => r.c);

describe("statements in doubt", () => {
  test("a DDL statement that took effect is recorded as applied, not sent again", async () => {
    await withTestDatabase(async (db) => {
      const root = project();
      await leaveInDoubt(db, root, 0, ["ALTER TABLE t ADD COLUMN a int NULL"]);
      const status = cli(["migrate", "status", "--url", db.url], { cwd: root });
      expect(status.code).toBe(1);
      expect(status.stdout).toContain(
        "-- Version 002 was partly applied (0 of 3 statements applied) and statement 1 is in doubt (its run was interrupted while it ran)",
      );
      const r = cli(["migrate", "apply", "--url", db.url], { cwd: root });
      expect([r.code, r.stderr]).toEqual([
        0,
        "statement 1 of version 002 was in doubt: the live schema shows its effect; recorded as applied\n",
      ]);
      expect(await columns(db)).toEqual(["id", "a", "b"]);
    });
  });

  test("a DDL statement that did not take effect runs again (a dry run first says a real run will decide it)", async () => {
    await withTestDatabase(async (db) => {
      const root = project();
      await leaveInDoubt(db, root, 0, []);
      const dry = cli(["migrate", "apply", "--dry-run", "--url", db.url], { cwd: root });
      expect([dry.code, dry.stderr]).toEqual([
        0,
        "statement 1 of version 002 is in doubt (left by an interrupted run): a real run first decides from the live schema whether it took effect\n" +
          // A dry run also shows the cost of each ALTER (issue 12).
          "       -- cost: INSTANT, writers not blocked: table `t` (about 1 rows, 16.0 KB)\n".repeat(2),
      ]);
      const r = cli(["migrate", "apply", "--url", db.url], { cwd: root });
      expect([r.code, r.stderr]).toEqual([
        0,
        "statement 1 of version 002 was in doubt: the live schema shows no effect of it: it runs again\n",
      ]);
      expect(await columns(db)).toEqual(["id", "a", "b"]);
    });
  });

  test("a schema matching neither state stops the run with a resolve hint; nothing runs", async () => {
    await withTestDatabase(async (db) => {
      const root = project();
      await leaveInDoubt(db, root, 0, ["ALTER TABLE t ADD COLUMN a varchar(5) NULL"]);
      const r = cli(["migrate", "apply", "--url", db.url], { cwd: root });
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(
        'Error: statement 1 of version "002" is in doubt (a run was interrupted while it ran) and the live schema matches neither the state before it nor the state after it (tables `t`): check the database, then run "stats-db migrate resolve 002 --applied" if it took effect or "stats-db migrate resolve 002 --rolled-back" if it did not\n',
      );
      expect(await columns(db)).toEqual(["id", "a"]);
    });
  });

  test("a data statement in doubt is not guessed: resolve --applied records it and apply goes on without re-running it", async () => {
    await withTestDatabase(async (db) => {
      const root = project();
      await leaveInDoubt(db, root, 1, ["ALTER TABLE t ADD COLUMN a int NULL", "UPDATE t SET a = 5"]);
      const refused = cli(["migrate", "apply", "--url", db.url], { cwd: root });
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain(
        "is in doubt (a run was interrupted while it ran) and it changes data, which the schema cannot show",
      );
      expect(cli(["migrate", "resolve", "002", "--url", db.url], { cwd: root }).code).toBe(2);
      const resolved = cli(["migrate", "resolve", "002", "--applied", "--url", db.url], { cwd: root });
      expect([resolved.code, resolved.stdout]).toEqual([
        0,
        "statement 2 of version 002 recorded as applied: UPDATE t SET a = 1;\n",
      ]);
      expect(cli(["migrate", "apply", "--url", db.url], { cwd: root })).toMatchObject({ code: 0, stderr: "" });
      const [[row]] = (await db.conn.query("SELECT a, b FROM t")) as unknown as [[{ a: number; b: number | null }]];
      expect(row).toEqual({ a: 5, b: null });
      const again = cli(["migrate", "resolve", "002", "--rolled-back", "--url", db.url], { cwd: root });
      expect([again.code, again.stderr]).toEqual([
        1,
        'Error: no statement of version "002" is in doubt: nothing to resolve ("stats-db migrate status" shows where the database stands)\n',
      ]);
    });
  });

  test("resolve --rolled-back lets the next apply run the statement", async () => {
    await withTestDatabase(async (db) => {
      const root = project();
      await leaveInDoubt(db, root, 1, ["ALTER TABLE t ADD COLUMN a int NULL"]);
      expect(cli(["migrate", "resolve", "002", "--rolled-back", "--url", db.url], { cwd: root }).code).toBe(0);
      expect(cli(["migrate", "apply", "--url", db.url], { cwd: root })).toMatchObject({ code: 0, stderr: "" });
      const [[row]] = (await db.conn.query("SELECT a FROM t")) as unknown as [[{ a: number }]];
      expect(row.a).toBe(1);
    });
  });
});
