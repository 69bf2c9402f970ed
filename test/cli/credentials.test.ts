/**
 * Where the password comes from, end to end against a real database and a user with a password: the URL, MYSQL_PWD,
 * `--defaults-file`, `~/.my.cnf` (HOME pointed at a temp folder), and the prompt on a terminal (which shows nothing
 * typed); an access denied says where a password may come from; the password is never printed.
 */
import { afterAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Connection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli, type CliResult } from "./run-cli.ts";
import { runOnPty } from "./run-on-pty.ts";

setDefaultTimeout(60_000);

const PASSWORD = "Typed-pw-7f3k";
const home = mkdtempSync(join(tmpdir(), "stats-db-home-"));
afterAll(() => rmSync(home, { recursive: true, force: true }));

/** Every run gets an empty HOME (no ~/.my.cnf of the machine) and no MYSQL_PWD unless the test sets them. */
const env = (extra: Record<string, string> = {}): Record<string, string> => ({ HOME: home, MYSQL_PWD: "", ...extra });

/** A user with PASSWORD on the test database; returns the URL without a password and the URL without a user. */
async function passwordUser(
  conn: Connection,
  url: string,
  db: string,
): Promise<{ user: string; bare: string; noUser: string }> {
  const user = `pw_${db.slice(-10)}`;
  for (const host of ["%", "localhost"]) {
    await conn.query(`CREATE USER '${user}'@'${host}' IDENTIFIED BY '${PASSWORD}'`);
    await conn.query(`GRANT ALL ON \`${db}\`.* TO '${user}'@'${host}'`);
  }
  const u = new URL(url);
  u.username = user;
  const noUser = new URL(url);
  noUser.username = "";
  return { user, bare: u.toString(), noUser: noUser.toString() };
}

function inspect(url: string, extra: string[] = [], e: Record<string, string> = env()): CliResult {
  return cli(["schema", "inspect", "--url", url, "--format", "sql", ...extra], { env: e });
}

function expectConnected(r: CliResult): void {
  expect({ code: r.code, stderr: r.stderr }).toEqual({ code: 0, stderr: "" });
  expect(r.stdout).toContain("CREATE TABLE `t`");
}

describe("passwords", () => {
  test("URL (user:pass@ or ?password=) > MYSQL_PWD > option file; an access denied names the source and the others", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE t (id int)");
      const { user, bare } = await passwordUser(conn, url, name);
      const cnf = join(home, `right-${name}.cnf`);
      writeFileSync(cnf, `[client]\npassword = "${PASSWORD}"\n`);
      const wrongCnf = join(home, `wrong-${name}.cnf`);
      writeFileSync(wrongCnf, "[client]\npassword = nope\n");

      expectConnected(
        inspect(
          bare.replace(`${user}@`, `${user}:${PASSWORD}@`),
          ["--defaults-file", wrongCnf],
          env({ MYSQL_PWD: "nope" }),
        ),
      );
      expectConnected(inspect(`${bare}?password=${PASSWORD}`, ["--defaults-file", wrongCnf]));
      expectConnected(inspect(bare, ["--defaults-file", wrongCnf], env({ MYSQL_PWD: PASSWORD })));
      expectConnected(inspect(bare, [`--defaults-file=${cnf}`]));

      const fromEnv = inspect(bare, ["--defaults-file", cnf], env({ MYSQL_PWD: "nope" }));
      expect(fromEnv.code).toBe(1);
      expect(fromEnv.stderr).toStartWith(
        `Error: access denied for user "${user}" with the password from MYSQL_PWD: wrong user or password (a password comes from the URL, MYSQL_PWD, an option file (--defaults-file, ~/.my.cnf [client]) or the prompt on a terminal, in that order)`,
      );
      const fromFile = inspect(bare, ["--defaults-file", wrongCnf]);
      expect(fromFile.stderr).toContain(`with the password from ${wrongCnf}:`);
      const none = inspect(bare);
      expect(none.code).toBe(1);
      expect(none.stderr).toStartWith(
        `Error: access denied for user "${user}" without a password: give one in the URL, MYSQL_PWD, an option file`,
      );
      const fromUrl = inspect(`${bare}?password=nope-${PASSWORD}`);
      expect(fromUrl.stderr).toContain("with the password from the URL");
      expect(fromUrl.stderr).toContain("password=xxxxx");
      for (const r of [fromEnv, fromFile, none, fromUrl]) expect(r.stdout + r.stderr).not.toContain(PASSWORD);
    });
  });

  test("--defaults-file and ~/.my.cnf give user and password; --defaults-file replaces ~/.my.cnf", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE t (id int)");
      const { user, noUser } = await passwordUser(conn, url, name);
      const cnf = join(home, `full-${name}.cnf`);
      writeFileSync(cnf, `[client]\nuser=${user}\npassword=${PASSWORD}\n`);
      expectConnected(inspect(noUser, ["--defaults-file", cnf]));

      const myHome = mkdtempSync(join(tmpdir(), "stats-db-home-"));
      try {
        writeFileSync(join(myHome, ".my.cnf"), `# ops\n[client]\nuser = ${user}\npassword = '${PASSWORD}'\n`);
        expectConnected(inspect(noUser, [], env({ HOME: myHome })));
        const other = join(home, `other-${name}.cnf`);
        writeFileSync(other, "[client]\nuser=nobody_here\n");
        const replaced = inspect(noUser, ["--defaults-file", other], env({ HOME: myHome }));
        expect(replaced.stderr).toStartWith('Error: access denied for user "nobody_here" without a password');
      } finally {
        rmSync(myHome, { recursive: true, force: true });
      }
    });
  });

  test("a broken ~/.my.cnf or a missing --defaults-file: exit 2, one line naming the file and line, no value", async () => {
    const myHome = mkdtempSync(join(tmpdir(), "stats-db-home-"));
    try {
      writeFileSync(join(myHome, ".my.cnf"), `[client]\npassword = "${PASSWORD}\n`);
      const r = inspect("mysql://root@127.0.0.1:1/x", [], env({ HOME: myHome }));
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        `Error: option file ${join(myHome, ".my.cnf")}: line 2: the quoted value has no closing "\n`,
      );
      const missing = cli(["migrate", "hash", "--defaults-file", join(myHome, "nope.cnf")], { env: env() });
      expect(missing.code).toBe(2);
      expect(missing.stderr).toBe(`Error: option file ${join(myHome, "nope.cnf")}: cannot be read (ENOENT)\n`);
    } finally {
      rmSync(myHome, { recursive: true, force: true });
    }
  });
});

describe("the password prompt on a terminal", () => {
  const PROMPT = /Password for pw_\w+@[\w.]+: $/;

  test("typed, not shown, and used", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE t (id int)");
      const { bare } = await passwordUser(conn, url, name);
      const r = await runOnPty(
        ["schema", "inspect", "--url", bare, "--format", "sql"],
        { keys: `${PASSWORD}\r`, after: PROMPT },
        { env: env() },
      );
      expect(r.code).toBe(0);
      expect(r.output).toContain("CREATE TABLE `t`");
      expect(r.output).not.toContain(PASSWORD);
      expect(r.output).not.toContain("*");
    });
  });

  test("a wrong password typed: access denied naming the prompt, not shown", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      const { bare } = await passwordUser(conn, url, name);
      const r = await runOnPty(
        ["schema", "inspect", "--url", bare],
        { keys: `wrong-${PASSWORD}\r`, after: PROMPT },
        { env: env() },
      );
      expect(r.code).toBe(1);
      expect(r.output).toContain("with the password from the prompt: wrong user or password");
      expect(r.output).not.toContain(PASSWORD);
    });
  });

  for (const [what, keys] of [
    ["Ctrl-C", "\x03"],
    ["Esc", "\x1b"],
    ["Ctrl-D", "\x04"],
  ]) {
    test(`${what} at the password prompt aborts: exit 1, nothing changed`, async () => {
      await withTestDatabase(async ({ url, name, conn }) => {
        await conn.query("CREATE TABLE t (id int)");
        const { bare } = await passwordUser(conn, url, name);
        const r = await runOnPty(
          ["schema", "clean", "--url", bare, "--auto-approve"],
          { keys, after: PROMPT },
          { env: env() },
        );
        expect(r.code).toBe(1);
        expect(r.output.trimEnd().split("\r\n").at(-1)).toBe("aborted, nothing changed");
        const [rows] = await conn.query("SHOW TABLES");
        expect(rows).toHaveLength(1);
      });
    });
  }

  test("schema clean: the password prompt, then the name prompt", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      await conn.query("CREATE TABLE t (id int)");
      const { bare } = await passwordUser(conn, url, name);
      const r = await runOnPty(
        ["schema", "clean", "--url", bare],
        [
          { keys: `${PASSWORD}\r`, after: PROMPT },
          { keys: `${name}\r`, after: /Type the database name to confirm: $/ },
        ],
        { env: env() },
      );
      expect(r.code).toBe(0);
      expect(r.output).not.toContain(PASSWORD);
      const [rows] = await conn.query("SHOW TABLES");
      // Only the run log is left: the record of the clean, with no password in it.
      expect((rows as Record<string, string>[]).map((x) => Object.values(x)[0])).toEqual(["stats_db_run_log"]);
      const [log] = await conn.query("SELECT * FROM stats_db_run_log");
      expect(JSON.stringify(log)).not.toContain(PASSWORD);
    });
  });

  test("migrate apply: the typed password opens the lock's connection too", async () => {
    await withTestDatabase(async ({ url, name, conn }) => {
      const { bare } = await passwordUser(conn, url, name);
      const project = mkdtempSync(join(tmpdir(), "stats-db-pw-"));
      try {
        writeFileSync(join(project, "1_t.sql"), "CREATE TABLE `t` (`id` int NOT NULL);\n");
        expect(cli(["migrate", "hash", "--dir", `file://${project}`]).code).toBe(0);
        const r = await runOnPty(
          ["migrate", "apply", "--url", bare, "--dir", `file://${project}`],
          { keys: `${PASSWORD}\r`, after: PROMPT },
          { env: env() },
        );
        expect(r.output).toContain("-- migrating version 1");
        expect(r.code).toBe(0);
        expect(r.output).not.toContain(PASSWORD);
        const [rows] = await conn.query("SELECT version FROM atlas_schema_revisions");
        expect(rows).toEqual([{ version: "1" }]);
      } finally {
        rmSync(project, { recursive: true, force: true });
      }
    });
  });
});
