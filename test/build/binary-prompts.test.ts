/**
 * The prompts in the compiled binary, on a terminal (a pty from `script`), against a real server: the password prompt
 * sends what was typed and shows none of it; `schema clean` aborts on `n` and drops only when the name is typed.
 */
import { beforeAll, describe, expect, test } from "bun:test";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { runOnPty } from "../cli/run-on-pty.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { builtBinary } from "./built-binary.ts";
import { isolatedCopy } from "./run-binary.ts";

const FIXTURE = join(import.meta.dir, "fixtures", "mariadb-migrations");
const PASSWORD = "Bin-typed-pw-93x";
let bin: { dir: string; exe: string };

beforeAll(async () => {
  bin = isolatedCopy(await builtBinary(FIXTURE));
}, 180_000);

/** A user with PASSWORD on the test database; the URL names it without a password. */
async function passwordUser(conn: Connection, url: string, db: string): Promise<string> {
  const user = `bin_${db.slice(-10)}`;
  for (const host of ["%", "localhost"]) {
    await conn.query(`CREATE USER '${user}'@'${host}' IDENTIFIED BY '${PASSWORD}'`);
    await conn.query(`GRANT ALL ON \`${db}\`.* TO '${user}'@'${host}'`);
  }
  const u = new URL(url);
  u.username = user;
  return u.toString();
}

const run = (args: string[], keys: string, after: RegExp) =>
  runOnPty(args, { keys, after }, { exe: bin.exe, cwd: bin.dir, env: { HOME: bin.dir, MYSQL_PWD: "" } });

describe("the compiled binary on a terminal", () => {
  test("the password prompt sends the typed password and does not show it", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      const bare = await passwordUser(conn, url, name);
      const r = await run(["migrate", "status", "--url", bare], `${PASSWORD}\r`, /Password for bin_\w+@[\w.]+: $/);
      expect(r.output).toContain("Migration Status: PENDING");
      expect(r.code).toBe(0);
      expect(r.output).not.toContain(PASSWORD);
    });
  }, 60_000);

  test("schema clean: n aborts, the database's name drops", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE t (id int)");
      const no = await run(["schema", "clean", "--url", url], "n\r", /Type the database name to confirm: $/);
      expect(no.code).toBe(1);
      expect(no.output.trimEnd().split("\r\n").at(-1)).toBe("aborted, nothing changed");
      const [kept] = await conn.query("SHOW TABLES");
      expect(kept).toHaveLength(1);
      const yes = await run(["schema", "clean", "--url", url], `${name}\r`, /Type the database name to confirm: $/);
      expect(yes.code).toBe(0);
      const [left] = await conn.query("SHOW TABLES");
      // The run log stays: the record of the clean.
      expect((left as Record<string, string>[]).map((r) => Object.values(r)[0])).toEqual(["stats_db_run_log"]);
    });
  }, 60_000);
});
