/**
 * `migrate down` writes its text report as the revert runs: a run killed while a statement waits leaves the header,
 * the checks and the statement line in the log.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { join } from "node:path";
import { createConnection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { cli, repoRoot } from "./run-cli.ts";

setDefaultTimeout(60_000);

test("SIGKILL while a revert statement waits: every line up to it is in the output", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const root = writeProject({
      "1_a.sql": "CREATE TABLE a (id int NOT NULL, PRIMARY KEY (id));\n",
      "2_x.sql": "ALTER TABLE a ADD COLUMN x int NULL;\n",
    });
    expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
    const blocker = await createConnection({ uri: url });
    await blocker.query("BEGIN");
    await blocker.query("SELECT * FROM a");
    const proc = Bun.spawn(
      [process.execPath, join(repoRoot, "src", "cli", "main.ts"), "migrate", "down", "--url", url],
      {
        cwd: root,
        stdout: "pipe",
        stderr: "pipe",
        stdin: "ignore",
      },
    );
    const stdout = new Response(proc.stdout).text();
    for (let i = 0; i < 500; i++) {
      const [rows] = await conn.query(
        "SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE STATE = 'Waiting for table metadata lock'",
      );
      if (Number((rows as { n: number }[])[0]?.n) > 0) break;
      await Bun.sleep(20);
    }
    proc.kill("SIGKILL");
    await proc.exited;
    await blocker.query("COMMIT");
    blocker.destroy();
    const text = (await stdout).replace(/\(\d[\d.]*(ns|µs|ms|s)\)/g, "(D)");
    expect(text).toBe(
      "Migrating down from version 2 to 1 (1 migration in total):\n\n" +
        "  -- checks before reverting version 2\n" +
        "    -> SELECT NOT EXISTS (SELECT 1 FROM `a` WHERE `x` IS NOT NULL) AS `is_empty`\n" +
        "  -- ok (D)\n" +
        "\n  -- reverting version 2\n    -> ALTER TABLE `a` DROP COLUMN `x`\n",
    );
  });
});
