/**
 * The apply lock lives on the statement session: a run that lost it stops before its next file, and a waiting run
 * names the session that holds it.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli, repoRoot } from "./run-cli.ts";
import { writeProject } from "../support/project.ts";

setDefaultTimeout(60_000);

const project = writeProject;

test("a run whose session lost the lock stops before the next file, with one line; a re-run finishes", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const root = project({
      "1_a.sql": "CREATE TABLE a (id int NOT NULL, PRIMARY KEY (id));\nDO RELEASE_LOCK('atlas_migrate_execute');\n",
      "2_b.sql": "CREATE TABLE b (id int NOT NULL, PRIMARY KEY (id));\n",
    });
    const r = cli(["migrate", "apply", "--url", url], { cwd: root });
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      'Error: the apply lock "atlas_migrate_execute" is no longer held by this run\'s session: stopped before the next statement; run the command again\n',
    );
    const [tables] = await conn.query("SHOW TABLES LIKE 'b'");
    expect(tables).toEqual([]);
    expect(cli(["migrate", "apply", "--url", url], { cwd: root })).toMatchObject({ code: 0, stderr: "" });
    const [after] = await conn.query("SHOW TABLES LIKE 'b'");
    expect(after).toHaveLength(1);
  });
});

test("a second run waits for the lock and names the session holding it", async () => {
  await withTestDatabase(async ({ url }) => {
    const root = project({ "1_a.sql": "CREATE TABLE a (id int NOT NULL, PRIMARY KEY (id));\n" });
    const holder = await createConnection({ uri: url });
    const [[{ id }]] = (await holder.query("SELECT CONNECTION_ID() AS id")) as unknown as [[{ id: number }]];
    await holder.query("SELECT GET_LOCK('atlas_migrate_execute', 0)");
    const r = cli(["migrate", "apply", "--url", url, "--lock-timeout", "1s"], { cwd: root });
    holder.destroy();
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(
      new RegExp(
        `^waiting up to 1s for the apply lock, held by connection ${id} \\(root@[^,]+, idle \\d+s\\)\\nError: acquiring database lock: sql/schema: lock is held by other session \\(connection ${id} `,
      ),
    );
  });
});

test("a second SIGINT cancels the waiting statement: recorded as failed, exit 130; a re-run applies it", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const root = project({
      "1_a.sql": "CREATE TABLE a (id int NOT NULL, PRIMARY KEY (id));\n",
      "2_x.sql": "ALTER TABLE a ADD COLUMN x int NULL;\n",
    });
    expect(cli(["migrate", "apply", "1", "--url", url], { cwd: root }).code).toBe(0);
    const blocker = await createConnection({ uri: url });
    await blocker.query("BEGIN");
    await blocker.query("SELECT * FROM a");
    const proc = Bun.spawn(
      [process.execPath, join(repoRoot, "src", "cli", "main.ts"), "migrate", "apply", "--url", url],
      { cwd: root, stdout: "pipe", stderr: "pipe", stdin: "ignore" },
    );
    const done = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]);
    for (let i = 0; i < 500; i++) {
      const [rows] = await conn.query(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE STATE = 'Waiting for table metadata lock'",
      );
      if (Number((rows as { n: number }[])[0]?.n) > 0) break;
      await Bun.sleep(20);
    }
    proc.kill("SIGINT");
    await Bun.sleep(300);
    proc.kill("SIGINT");
    const [stdout, stderr, code] = await done;
    await blocker.query("COMMIT");
    blocker.destroy();
    expect(code).toBe(130);
    expect(stdout).toContain(
      "    -> ALTER TABLE a ADD COLUMN x int NULL;\n    Error 1317 (70100): Query execution was interrupted\n",
    );
    expect(stderr).toMatch(
      /Error: interrupted by SIGINT: statement cancelled \(.*Query execution was interrupted\); run the same command again to go on\n$/,
    );
    const [[rev]] = (await conn.query(
      "SELECT applied, error FROM atlas_schema_revisions WHERE version = '2'",
    )) as unknown as [[{ applied: number; error: string }]];
    expect(rev).toEqual({ applied: 0, error: "Error 1317 (70100): Query execution was interrupted" });
    expect(cli(["migrate", "apply", "--url", url], { cwd: root })).toMatchObject({ code: 0, stderr: "" });
  });
});
