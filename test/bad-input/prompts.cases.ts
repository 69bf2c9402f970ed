/**
 * Confirmations and passwords without a terminal (the pty cases are in test/cli/prompts.test.ts and
 * credentials.test.ts): no confirmation → refused, passwords in `?password=` or option files never shown, broken
 * option files refused in one line, an access denied says where a password may come from.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type BadInputCase, type CaseContext, SECRET } from "./harness.ts";

/** A HOME without `.my.cnf`, one whose `.my.cnf` is broken, and option files, all outside the project folder. */
const files = mkdtempSync(join(tmpdir(), "stats-db-cnf-cases-"));
process.on("exit", () => rmSync(files, { recursive: true, force: true }));
const emptyHome = join(files, "empty-home");
const brokenHome = join(files, "broken-home");
mkdirSync(emptyHome);
mkdirSync(brokenHome);
writeFileSync(join(brokenHome, ".my.cnf"), `[client]\npassword = "${SECRET}\n`);
const cnf = (name: string, text: string): string => {
  const path = join(files, name);
  writeFileSync(path, text);
  return path;
};
const WRONG_PW = cnf("wrong-password.cnf", "[client]\npassword = not-the-password\n");
const RIGHT_PW = cnf("right-password.cnf", `[client]\npassword = '${SECRET}'\n`);
const BAD = {
  quote: cnf("unclosed-quote.cnf", `[client]\npassword = '${SECRET}\n`),
  noGroup: cnf("no-group.cnf", `password = ${SECRET}\n`),
  include: cnf("missing-include.cnf", "[client]\n!include /no/such/file.cnf\n"),
  port: cnf("bad-port.cnf", "[client]\nport = three306\n"),
  sslMode: cnf("bad-ssl-mode.cnf", `[client]\npassword=${SECRET}\nssl-mode = SOMETIMES\n`),
  sslCa: cnf("missing-ca.cnf", `[client]\npassword=${SECRET}\nssl-ca = /no/such/ca.pem\n`),
  directive: cnf("directive.cnf", "!exec rm -rf /\n"),
  header: cnf("header.cnf", "[client\nuser=x\n"),
};

const DOWN = "mysql://probe@127.0.0.1:1/x";
const REFUSED = /^Error: connection refused by 127\.0\.0\.1: is the server running and the port right\? \(/;
const noHome = { HOME: emptyHome, MYSQL_PWD: "" };
/** The test URL without its password, and with a wrong one. */
const bare = (c: CaseContext) => c.url.replace(`:${SECRET}@`, "@");
const wrong = (c: CaseContext) => c.url.replace(`:${SECRET}@`, ":wrong-pw@");
const twoTables = async (c: CaseContext) => {
  await c.conn!.query("CREATE TABLE a (id int NOT NULL PRIMARY KEY)");
  await c.conn!.query("CREATE TABLE b (id int NOT NULL PRIMARY KEY)");
  await c.conn!.query("INSERT INTO a VALUES (1)");
};
const desired = (c: CaseContext, sql: string) => {
  const path = join(files, `desired-${c.root.split("-").at(-1)}.sql`);
  writeFileSync(path, sql);
  return `file://${path}`;
};
const whereFrom =
  "a password comes from the URL, MYSQL_PWD, an option file (--defaults-file, ~/.my.cnf [client]) or the prompt on a terminal, in that order";

export const cases: readonly BadInputCase[] = [
  // Confirmation without a terminal: refused before anything runs, whatever the plan.
  {
    name: "schema clean: no terminal, no --auto-approve",
    db: true,
    setup: twoTables,
    args: (c) => ["schema", "clean", "--url", c.url],
    code: 2,
    first:
      "Error: schema clean needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking",
  },
  {
    name: "schema apply: no terminal, no --auto-approve",
    db: true,
    setup: twoTables,
    args: (c) => [
      "schema",
      "apply",
      "--url",
      c.url,
      "--to",
      desired(
        c,
        "CREATE TABLE a (id int NOT NULL, x int NULL, PRIMARY KEY (id));\nCREATE TABLE b (id int NOT NULL, PRIMARY KEY (id));\n",
      ),
    ],
    code: 2,
    first:
      "Error: schema apply needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking",
  },
  {
    name: "schema apply dropping every table: no terminal",
    db: true,
    setup: twoTables,
    args: (c) => [
      "schema",
      "apply",
      "--url",
      c.url,
      "--to",
      desired(c, "CREATE TABLE z (id int NOT NULL, PRIMARY KEY (id));\n"),
    ],
    code: 2,
    first:
      "Error: schema apply needs confirmation but stdin is not a terminal: pass --auto-approve to apply without asking",
  },
  {
    name: "schema clean: --auto-approve=false still asks (no terminal: refused)",
    db: true,
    setup: twoTables,
    args: (c) => ["schema", "clean", "--url", c.url, "--no-auto-approve"],
    code: 2,
    first: /needs confirmation but stdin is not a terminal/,
  },
  {
    name: "schema clean: --dry-run is not a flag of clean (nothing dropped)",
    db: true,
    setup: twoTables,
    args: (c) => ["schema", "clean", "--url", c.url, "--dry-run"],
    code: 2,
    first: "Error: unknown flag: --dry-run",
  },

  // Passwords in URLs are never shown: user:pass@ and ?password=, in every message that quotes a URL.
  {
    name: "?password= to a port nobody listens on",
    args: () => ["migrate", "status", "--url", `${DOWN}?password=${SECRET}`],
    env: noHome,
    code: 1,
    first: REFUSED,
  },
  {
    name: "?password= among other parameters, refused port",
    args: () => ["schema", "inspect", "--url", `${DOWN}?timeout=2s&password=${SECRET}&lock_wait_timeout=5`],
    env: noHome,
    code: 1,
    first: /password=xxxxx&lock_wait_timeout=5\)$/,
  },
  {
    name: "user:pass@ to a refused port",
    args: () => ["schema", "inspect", "--url", DOWN.replace("probe@", `probe:${SECRET}@`)],
    env: noHome,
    code: 1,
    first: /probe:xxxxx@127\.0\.0\.1:1\/x\)$/,
  },
  {
    name: "a password both in user:pass@ and ?password=",
    args: () => ["migrate", "status", "--url", `${DOWN.replace("probe@", `probe:${SECRET}@`)}?password=${SECRET}`],
    env: noHome,
    code: 2,
    first: /gives the password twice \(user:pass@ and \?password=\): keep one$/,
  },
  {
    name: "?password= with a bad tls value",
    args: () => ["schema", "inspect", "--url", `${DOWN}?password=${SECRET}&tls=maybe`],
    env: noHome,
    code: 2,
    first:
      /^Error: invalid database URL mysql:\/\/probe@127\.0\.0\.1:1\/x\?password=xxxxx&tls=maybe: unknown tls value/,
  },
  {
    name: "?password= on a URL naming no database",
    args: () => ["schema", "clean", "--url", `mysql://probe@127.0.0.1:1?password=${SECRET}`],
    env: noHome,
    code: 2,
    first: /^Error: mysql:\/\/probe@127\.0\.0\.1:1\?password=xxxxx names no database/,
  },
  {
    name: "user:pass@ on a URL naming no database",
    args: () => ["schema", "apply", "--url", `mysql://probe:${SECRET}@127.0.0.1:1`],
    env: noHome,
    code: 2,
    first: /^Error: mysql:\/\/probe:xxxxx@127\.0\.0\.1:1 names no database/,
  },
  {
    name: "an unknown scheme with a password as a source",
    args: () => [
      "schema",
      "diff",
      "--from",
      "file://migrations",
      "--to",
      `postgres://probe:${SECRET}@h/db?password=${SECRET}`,
    ],
    env: noHome,
    code: 2,
    first: /^Error: unknown source scheme in "postgres:\/\/probe:xxxxx@h\/db\?password=xxxxx"/,
  },
  {
    name: "a --dir URL with a bad escape and a password",
    args: () => ["migrate", "hash", "--dir", `file:///tmp/x%zz?password=${SECRET}`],
    env: noHome,
    code: 2,
    first: 'Error: parse "file:///tmp/x%zz?password=xxxxx": invalid URL escape',
  },
  {
    name: "a --dir that is a database URL with a password",
    args: () => ["migrate", "validate", "--dir", `mysql://probe:${SECRET}@h/db?password=${SECRET}`],
    env: noHome,
    code: 2,
    first: /unsupported driver "mysql"/,
  },
  {
    name: "?password= on a dev URL to a refused port",
    args: () => [
      "schema",
      "diff",
      "--from",
      "file://migrations",
      "--to",
      "file://migrations",
      "--dev-url",
      `${DOWN}?password=${SECRET}`,
    ],
    env: noHome,
    code: 1,
    first: REFUSED,
  },
  {
    name: "grants: a malformed URL with a password",
    args: () => ["grants", "--user", "m", "--url", `mysql://probe:${SECRET}@h/db?tls=maybe`],
    env: noHome,
    code: 2,
    first: /^Error: invalid database URL mysql:\/\/probe:xxxxx@h\/db\?tls=maybe: unknown tls value/,
  },
  {
    name: "MYSQL_PWD to a refused port",
    args: () => ["migrate", "status", "--url", DOWN],
    env: { HOME: emptyHome, MYSQL_PWD: SECRET },
    code: 1,
    first: REFUSED,
  },

  // Option files: a missing or broken one stops any command with one line naming the file (and line), never a value.
  {
    name: "--defaults-file that does not exist",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", join(files, "nope.cnf")],
    env: noHome,
    code: 2,
    first: `Error: option file ${join(files, "nope.cnf")}: cannot be read (ENOENT)`,
  },
  {
    name: "--defaults-file that does not exist, offline command",
    args: () => ["migrate", "hash", "--defaults-file=/no/such/.my.cnf"],
    env: noHome,
    code: 2,
    first: "Error: option file /no/such/.my.cnf: cannot be read (ENOENT)",
  },
  {
    name: "--defaults-file that is a directory",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", files],
    env: noHome,
    code: 2,
    first: `Error: option file ${files}: cannot be read (EISDIR)`,
  },
  {
    name: "--defaults-file without a value",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file"],
    env: noHome,
    code: 2,
    first: "Error: flag --defaults-file needs a value",
  },
  {
    name: "--defaults-file: a quoted password never closed",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.quote],
    env: noHome,
    code: 2,
    first: `Error: option file ${BAD.quote}: line 2: the quoted value has no closing '`,
  },
  {
    name: "--defaults-file: an option before any group",
    args: () => ["schema", "inspect", "--url", DOWN, "--defaults-file", BAD.noGroup],
    env: noHome,
    code: 2,
    first: `Error: option file ${BAD.noGroup}: line 1: an option before any [group]`,
  },
  {
    name: "--defaults-file: !include of a missing file",
    args: () => ["schema", "clean", "--url", DOWN, "--defaults-file", BAD.include],
    env: noHome,
    code: 2,
    first: `Error: option file ${BAD.include}: line 2: !include /no/such/file.cnf: no such file`,
  },
  {
    name: "--defaults-file: a port that is not a number",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.port],
    env: noHome,
    code: 2,
    first: `Error: option file ${BAD.port}: port must be a number, got "three306"`,
  },
  {
    name: "--defaults-file: an unknown ssl-mode",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.sslMode],
    env: noHome,
    code: 2,
    first: /^Error: option file .*bad-ssl-mode\.cnf: unknown ssl-mode "SOMETIMES"/,
  },
  {
    name: "--defaults-file: an ssl-ca that does not exist",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.sslCa],
    env: noHome,
    code: 2,
    first: "Error: option file /no/such/ca.pem: ssl-ca cannot be read (ENOENT)",
  },
  {
    name: "--defaults-file: an unknown ! directive",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.directive],
    env: noHome,
    code: 2,
    first: /line 1: unknown directive \(use !include FILE or !includedir DIR\)$/,
  },
  {
    name: "--defaults-file: a group header without ]",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", BAD.header],
    env: noHome,
    code: 2,
    first: /line 1: a group header needs a closing \]$/,
  },
  {
    name: "~/.my.cnf broken: a connecting command stops",
    args: () => ["migrate", "status", "--url", DOWN],
    env: { HOME: brokenHome, MYSQL_PWD: "" },
    code: 2,
    first: `Error: option file ${join(brokenHome, ".my.cnf")}: line 2: the quoted value has no closing "`,
  },
  {
    name: "an option file password to a refused port",
    args: () => ["migrate", "status", "--url", DOWN, "--defaults-file", RIGHT_PW],
    env: noHome,
    code: 1,
    first: REFUSED,
  },

  // An access denied says which password was used and where one may come from.
  {
    name: "access denied: wrong password in the URL",
    db: true,
    args: (c) => ["migrate", "status", "--url", wrong(c)],
    env: noHome,
    code: 1,
    first: new RegExp(
      `^Error: access denied for user "bad_\\w+" with the password from the URL: wrong user or password \\(${whereFrom.replace(/[()[\]~.]/g, "\\$&")}\\)`,
    ),
  },
  {
    name: "access denied: no password anywhere",
    db: true,
    args: (c) => ["schema", "inspect", "--url", bare(c)],
    env: noHome,
    code: 1,
    first:
      /^Error: access denied for user "bad_\w+" without a password: give one in the URL, MYSQL_PWD, an option file \(--defaults-file, ~\/\.my\.cnf \[client\]\) or the prompt on a terminal/,
  },
  {
    name: "access denied: wrong MYSQL_PWD (the option file's right one comes after it)",
    db: true,
    args: (c) => ["migrate", "status", "--url", bare(c), "--defaults-file", RIGHT_PW],
    env: { HOME: emptyHome, MYSQL_PWD: "not-it" },
    code: 1,
    first: /with the password from MYSQL_PWD: wrong user or password/,
  },
  {
    name: "access denied: wrong password in the option file",
    db: true,
    args: (c) => ["migrate", "status", "--url", bare(c), "--defaults-file", WRONG_PW],
    env: noHome,
    code: 1,
    first: new RegExp(
      `^Error: access denied for user "bad_\\w+" with the password from ${WRONG_PW.replace(/[.]/g, "\\.")}: wrong user or password`,
    ),
  },
  {
    name: "access denied: wrong ?password=",
    db: true,
    args: (c) => ["schema", "clean", "--url", `${bare(c)}?password=nope`, "--auto-approve"],
    env: noHome,
    code: 1,
    first: /with the password from the URL: .*\?password=xxxxx\)$/,
  },
  {
    name: "access denied: a wrong user with the right ?password=",
    db: true,
    args: (c) => [
      "schema",
      "clean",
      "--url",
      `${bare(c).replace(/\/\/bad_\w+@/, "//nobody@")}?password=${SECRET}`,
      "--auto-approve",
    ],
    env: noHome,
    code: 1,
    first: /^Error: access denied for user "nobody" with the password from the URL/,
  },
  {
    name: "access denied: schema apply never reaches the plan",
    db: true,
    setup: twoTables,
    args: (c) => [
      "schema",
      "apply",
      "--url",
      wrong(c),
      "--to",
      desired(c, "CREATE TABLE z (id int NOT NULL, PRIMARY KEY (id));\n"),
      "--auto-approve",
    ],
    env: noHome,
    code: 1,
    first: /^Error: access denied for user "bad_\w+" with the password from the URL/,
  },
];
