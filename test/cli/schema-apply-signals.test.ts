/**
 * `schema apply` runs its plan as `migrate apply` runs files: bounded lock waits that name the blocker, and a signal
 * stops it after the running statement.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { repoRoot } from "./run-cli.ts";

setDefaultTimeout(60_000);

const main = join(repoRoot, "src", "cli", "main.ts");
const DESIRED =
  "CREATE TABLE a (id int NOT NULL, x int NULL, PRIMARY KEY (id));\nCREATE TABLE b (id int NOT NULL, y int NULL, PRIMARY KEY (id));\n";

function desiredFile(): string {
  const file = join(mkdtempSync(join(tmpdir(), "stats-db-plan-")), "desired.sql");
  writeFileSync(file, DESIRED);
  return file;
}

function spawnCli(args: string[]) {
  const proc = Bun.spawn([process.execPath, main, ...args], {
    env: { ...process.env, NO_COLOR: "1" },
    stdout: "pipe",
    stderr: "pipe",
    stdin: "ignore",
  });
  const done = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]).then(
    ([stdout, stderr, code]) => ({ code, stdout, stderr }),
  );
  return { proc, done };
}

async function waitingOn(conn: import("mysql2/promise").Connection, fragment: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    const [rows] = await conn.query(
      "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE STATE LIKE 'Waiting for table metadata lock' AND INFO LIKE ?",
      [`%${fragment}%`],
    );
    if (Number((rows as { n: number }[])[0]?.n) > 0) return;
    await Bun.sleep(20);
  }
  throw new Error(`no statement waiting on ${fragment}`);
}

/** Creates tables a and b, and a second session whose open transaction holds a's metadata lock. */
async function holdTableA(
  conn: import("mysql2/promise").Connection,
  url: string,
): Promise<import("mysql2/promise").Connection> {
  await conn.query("CREATE TABLE a (id int NOT NULL, PRIMARY KEY (id))");
  await conn.query("CREATE TABLE b (id int NOT NULL, PRIMARY KEY (id))");
  const blocker = await createConnection({ uri: url });
  await blocker.query("BEGIN");
  await blocker.query("SELECT * FROM a");
  return blocker;
}

const columns = async (conn: import("mysql2/promise").Connection, table: string) =>
  (
    (
      await conn.query(
        "SELECT COLUMN_NAME AS c FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = ? ORDER BY ORDINAL_POSITION",
        [table],
      )
    )[0] as { c: string }[]
  ).map((r) => r.c);

test("SIGTERM while a statement waits: it finishes once the table is free, the plan stops there, exit 143", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const blocker = await holdTableA(conn, url);
    const child = spawnCli(["schema", "apply", "--url", url, "--to", `file://${desiredFile()}`, "--auto-approve"]);
    await waitingOn(conn, "ALTER TABLE `a`");
    child.proc.kill("SIGTERM");
    await Bun.sleep(300);
    await blocker.query("COMMIT");
    blocker.destroy();
    const r = await child.done;
    expect(r.code).toBe(143);
    expect(r.stderr).toContain("SIGTERM received: stopping after the running statement");
    expect(r.stderr).toContain(
      "1 of 2 statements applied\nError: interrupted by SIGTERM: stopped after the running statement; run the same command again to go on\n",
    );
    expect(await columns(conn, "a")).toEqual(["id", "x"]);
    expect(await columns(conn, "b")).toEqual(["id"]);
  });
});

test("a table held by another session: the statement gives up within --lock-wait-timeout and names the blocker", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const blocker = await holdTableA(conn, url);
    const [[{ id }]] = (await blocker.query("SELECT CONNECTION_ID() AS id")) as unknown as [[{ id: number }]];
    const r = await spawnCli([
      "schema",
      "apply",
      "--url",
      url,
      "--to",
      `file://${desiredFile()}`,
      "--auto-approve",
      "--lock-wait-timeout",
      "2s",
    ]).done;
    blocker.destroy();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(`Lock wait timeout exceeded; try restarting transaction; blocked by connection ${id} \\(`),
    );
    expect(await columns(conn, "a")).toEqual(["id"]);
  });
});

test("a second SIGINT cancels the waiting statement (KILL QUERY): nothing changed, exit 130", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const blocker = await holdTableA(conn, url);
    const child = spawnCli(["schema", "apply", "--url", url, "--to", `file://${desiredFile()}`, "--auto-approve"]);
    await waitingOn(conn, "ALTER TABLE `a`");
    child.proc.kill("SIGINT");
    await Bun.sleep(300);
    child.proc.kill("SIGINT");
    const r = await child.done;
    blocker.destroy();
    expect(r.code).toBe(130);
    expect(r.stderr).toContain("SIGINT again: cancelling the running statement (KILL QUERY)");
    expect(r.stderr).toContain("Query execution was interrupted");
    expect(await columns(conn, "a")).toEqual(["id"]);
    expect(await columns(conn, "b")).toEqual(["id"]);
  });
});
