/**
 * Confirmation prompts on a real terminal (a pty from `script`), against a real database: only `y`/`yes` applies a
 * plan, only the database's name drops every table; everything else aborts with one line, exit 1, nothing changed.
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { runOnPty } from "./run-on-pty.ts";

setDefaultTimeout(60_000);

const ABORTED = "aborted, nothing changed";
const APPLY_PROMPT = /Apply these changes\? \[y\/N\] $/;
const NAME_PROMPT = /Type the database name to confirm: $/;

async function tables(conn: Connection): Promise<string[]> {
  const [rows] = await conn.query("SHOW TABLES");
  return (rows as Record<string, string>[]).map((r) => Object.values(r)[0]!).sort();
}

async function columns(conn: Connection, table: string): Promise<string[]> {
  const [rows] = await conn.query(`SHOW COLUMNS FROM \`${table}\``);
  return (rows as { Field: string }[]).map((r) => r.Field);
}

/** Two tables with a row each; the desired state adds a column to t1 and keeps t2. */
async function seed(conn: Connection): Promise<void> {
  await conn.query("CREATE TABLE t1 (id int NOT NULL PRIMARY KEY)");
  await conn.query("CREATE TABLE t2 (id int NOT NULL PRIMARY KEY)");
  await conn.query("INSERT INTO t1 VALUES (1)");
  await conn.query("INSERT INTO t2 VALUES (1)");
}

function desiredSql(sql: string): { file: string; done: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "stats-db-prompt-"));
  const file = join(dir, "desired.sql");
  writeFileSync(file, sql);
  return { file: `file://${file}`, done: () => rmSync(dir, { recursive: true, force: true }) };
}

const ADD_COLUMN =
  "CREATE TABLE t1 (id int NOT NULL, b int NULL, PRIMARY KEY (id));\nCREATE TABLE t2 (id int NOT NULL, PRIMARY KEY (id));\n";

const declines: [string, string, boolean?][] = [
  ["n", "n\r"],
  ["no", "no\r"],
  ["N", "N\r"],
  ["Enter (the default)", "\r"],
  ["Esc", "\x1b"],
  ["Ctrl-C", "\x03"],
  ["Ctrl-D", "\x04"],
  ["the end of input", "", true],
  ["an arrow key, then Enter", "\x1b[B\r"],
  ["something else", "maybe\r"],
];

describe("schema apply on a terminal", () => {
  for (const [what, keys, closeInput] of declines) {
    test(`${what} aborts: exit 1, one line, nothing changed`, async () => {
      await withTestDatabase(async ({ url, conn }) => {
        await seed(conn);
        const desired = desiredSql(ADD_COLUMN);
        try {
          const r = await runOnPty(["schema", "apply", "--url", url, "--to", desired.file], {
            keys,
            after: APPLY_PROMPT,
            closeInput: closeInput === true,
          });
          expect(r.code).toBe(1);
          expect(r.output).toContain("ALTER TABLE `t1` ADD COLUMN `b` int NULL");
          expect(r.output.trimEnd().split("\r\n").at(-1)).toBe(ABORTED);
          expect(r.output).not.toContain("Error");
          expect(await columns(conn, "t1")).toEqual(["id"]);
        } finally {
          desired.done();
        }
      });
    });
  }

  for (const yes of ["y", "yes", "Y"]) {
    test(`${yes} applies`, async () => {
      await withTestDatabase(async ({ url, conn }) => {
        await seed(conn);
        const desired = desiredSql(ADD_COLUMN);
        try {
          const r = await runOnPty(["schema", "apply", "--url", url, "--to", desired.file], {
            keys: `${yes}\r`,
            after: APPLY_PROMPT,
          });
          expect(r.code).toBe(0);
          expect(r.output).toContain("Applied 1 statement");
          expect(await columns(conn, "t1")).toEqual(["id", "b"]);
        } finally {
          desired.done();
        }
      });
    });
  }

  test("a plan that drops every table asks for the database's name; y is not it", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      await seed(conn);
      const desired = desiredSql("CREATE TABLE other (id int NOT NULL, PRIMARY KEY (id));\n");
      try {
        const r = await runOnPty(["schema", "apply", "--url", url, "--to", desired.file], {
          keys: "y\r",
          after: NAME_PROMPT,
        });
        expect(r.code).toBe(1);
        expect(r.output).toContain(ABORTED);
        expect(await tables(conn)).toEqual(["t1", "t2"]);
      } finally {
        desired.done();
      }
    });
  });
});

describe("schema clean on a terminal", () => {
  for (const [what, keys, closeInput] of [...declines, ["y", "y\r"], ["a wrong name", "site_usage\r"]] as [
    string,
    string,
    boolean?,
  ][]) {
    test(`${what} aborts: exit 1, nothing dropped`, async () => {
      await withTestDatabase(async ({ url, conn }) => {
        await seed(conn);
        const r = await runOnPty(["schema", "clean", "--url", url], {
          keys,
          after: NAME_PROMPT,
          closeInput: closeInput === true,
        });
        expect(r.code).toBe(1);
        expect(r.output).toContain("DROP TABLE `t1`");
        expect(r.output.trimEnd().split("\r\n").at(-1)).toBe(ABORTED);
        expect(await tables(conn)).toEqual(["t1", "t2"]);
      });
    });
  }

  test("the database's name drops every table", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await seed(conn);
      const r = await runOnPty(["schema", "clean", "--url", url], { keys: `${name}\r`, after: NAME_PROMPT });
      expect(r.code).toBe(0);
      expect(r.output).toContain(`This drops every table of "${name}"`);
      expect(await tables(conn)).toEqual(["stats_db_run_log"]); // the record of the clean stays
    });
  });

  test("--auto-approve does not ask", async () => {
    await withTestDatabase(async ({ url, conn }) => {
      await seed(conn);
      const r = await runOnPty(["schema", "clean", "--url", url, "--auto-approve"], undefined);
      expect(r.code).toBe(0);
      expect(r.output).not.toContain("Type the database name");
      expect(await tables(conn)).toEqual(["stats_db_run_log"]); // the record of the clean stays
    });
  });
});
