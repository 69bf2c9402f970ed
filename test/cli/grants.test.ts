/**
 * `stats-db grants`: the printed statements, and on the real server that a user holding exactly those grants can do
 * what apply, status and down do (DDL of the migrations, the revisions table and its rows, the lock, inspection).
 */
import { describe, expect, test } from "bun:test";
import { randomBytes } from "node:crypto";
import { type Connection, createConnection } from "mysql2/promise";
import { grantStatements, SCHEMA_PRIVILEGES } from "../../src/cli/commands/grants.ts";
import { splitStatements } from "../../src/migrate/split.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

// The revisions table as Atlas creates it on MariaDB (docs/atlas-compat.md §3).
const REVISIONS_DDL =
  "CREATE TABLE `atlas_schema_revisions` (`version` varchar(255) NOT NULL, `description` varchar(255) NOT NULL, `type` bigint unsigned NOT NULL DEFAULT 2, `applied` bigint NOT NULL DEFAULT 0, `total` bigint NOT NULL DEFAULT 0, `executed_at` timestamp NULL, `execution_time` bigint NOT NULL, `error` longtext NULL, `error_stmt` longtext NULL, `hash` varchar(255) NOT NULL, `partial_hashes` json NULL, `operator_version` varchar(255) NOT NULL, PRIMARY KEY (`version`)) CHARSET utf8mb4 COLLATE utf8mb4_bin";

const grantLines = (sql: string) => sql.split("\n").filter((l) => l.startsWith("GRANT "));

describe("grants output", () => {
  test("the user, host and schema are quoted; one GRANT on the target schema", () => {
    expect(grantLines(grantStatements({ user: "mig'r", host: "10.%", schema: "a`b" }))).toEqual([
      "GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, DROP, INDEX, REFERENCES, CREATE VIEW, SHOW VIEW, TRIGGER, EVENT, CREATE ROUTINE, ALTER ROUTINE ON `a``b`.* TO 'mig''r'@'10.%';",
    ]);
  });

  test("a separate revisions schema and a dev schema get their own GRANTs", () => {
    const lines = grantLines(
      grantStatements({ user: "m", host: "%", schema: "s", revisionsSchema: "r", devSchema: "d" }),
    );
    expect(lines.map((l) => l.replace(/^GRANT .* ON (\S+) TO .*$/, "$1"))).toEqual(["`s`.*", "`r`.*", "`d`.*"]);
  });

  test.each([
    [["grants", "--user", "migrator"], 0, "`site_usage`.* TO 'migrator'@'%';"],
    [
      ["grants", "--user", "migrator", "--host", "10.0.%", "--url", "mysql://u:secret@db:3306/stats"],
      0,
      "`stats`.* TO 'migrator'@'10.0.%';",
    ],
    [
      ["grants", "--user", "migrator", "--url", "mysql+unix://u:secret@/run/mysqld.sock?database=st%61ts"],
      0,
      "`stats`.* TO 'migrator'@'%';",
    ],
    [["grants"], 2, ""],
  ] as const)("stats-db %p", (args, code, tail) => {
    const r = cli([...args]);
    expect(r.code).toBe(code);
    if (code === 0) expect(grantLines(r.stdout).at(-1)).toEndWith(tail);
    else expect(r.stderr).toBe("Error: grants needs --user NAME\n");
    expect(r.stdout + r.stderr).not.toContain("secret");
  });
});

async function asUser(
  url: string,
  user: string,
  password: string,
  fn: (c: Connection) => Promise<void>,
): Promise<void> {
  const u = new URL(url);
  u.username = user;
  u.password = password;
  const conn = await createConnection({ uri: u.toString() });
  try {
    await fn(conn);
  } finally {
    await conn.end();
  }
}

async function withUser(
  root: Connection,
  schema: string,
  privileges: string,
  fn: (user: string, password: string) => Promise<void>,
): Promise<void> {
  const user = `stats_mig_${randomBytes(4).toString("hex")}`;
  const password = randomBytes(12).toString("hex");
  await root.query(`CREATE USER '${user}'@'%' IDENTIFIED BY '${password}'`);
  try {
    const sql =
      privileges === "printed"
        ? grantLines(grantStatements({ user, host: "%", schema }))[0]!
        : `GRANT ${privileges} ON \`${schema}\`.* TO '${user}'@'%'`;
    await root.query(sql);
    await fn(user, password);
  } finally {
    await root.query(`DROP USER '${user}'@'%'`);
  }
}

describe("a user with exactly the printed grants (real server)", () => {
  test("creates every entity table, keeps revisions, takes the lock, inspects and reverts", async () => {
    // The entities' tables as MariaDB DDL (the committed migrations are planned for MySQL 8).
    const mariadbDdl = cli(["schema", "sql", "--flavor", "mariadb"]);
    expect(mariadbDdl.code).toBe(0);
    await withTestDatabase(async ({ url, name, conn }) => {
      await withUser(conn, name, "printed", async (user, password) => {
        await asUser(url, user, password, async (c) => {
          expect((await c.query("SELECT GET_LOCK('atlas_migrate_execute', 0) AS l"))[0]).toEqual([{ l: 1 }]);
          await c.query(REVISIONS_DDL);
          await c.query(
            "INSERT INTO `atlas_schema_revisions` (`version`, `description`, `execution_time`, `hash`, `operator_version`) VALUES ('1', 'initial', 0, '', 'test')",
          );
          for (const stmt of splitStatements(mariadbDdl.stdout)) {
            await c.query(stmt.text);
            await c.query("UPDATE `atlas_schema_revisions` SET `applied` = `applied` + 1 WHERE `version` = '1'");
          }
          const [tables] = await c.query("SELECT COUNT(*) AS n FROM information_schema.TABLES WHERE TABLE_SCHEMA = ?", [
            name,
          ]);
          expect((tables as { n: number }[])[0]!.n).toBeGreaterThan(5);
          const [fks] = await c.query(
            "SELECT COUNT(*) AS n FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?",
            [name],
          );
          expect((fks as { n: number }[])[0]!.n).toBeGreaterThan(0);
          await c.query("SHOW CREATE TABLE `sites`");
          await c.query("SELECT NOT EXISTS (SELECT 1 FROM `sites`) AS `is_empty`");
          await c.query("ALTER TABLE `sites` ADD COLUMN `x` int NULL, ADD INDEX `sites_x` (`x`)");
          await c.query("ALTER TABLE `sites` DROP INDEX `sites_x`, DROP COLUMN `x`");
          await c.query("DELETE FROM `atlas_schema_revisions`");
          await c.query("SELECT RELEASE_LOCK('atlas_migrate_execute')");
        });
      });
    });
  }, 60_000);

  test.each(SCHEMA_PRIVILEGES.filter(([p]) => ["CREATE", "ALTER", "UPDATE"].includes(p)).map(([p]) => p))(
    "without %s the corresponding step is refused",
    async (missing) => {
      const statement: Record<string, string> = {
        CREATE: "CREATE TABLE `t2` (`id` int)",
        ALTER: "ALTER TABLE `t` ADD COLUMN `b` int",
        UPDATE: "UPDATE `t` SET `a` = 2",
      };
      await withTestDatabase(async ({ url, name, conn }) => {
        await conn.query("CREATE TABLE `t` (`a` int)");
        const rest = SCHEMA_PRIVILEGES.map(([p]) => p)
          .filter((p) => p !== missing)
          .join(", ");
        await withUser(conn, name, rest, async (user, password) => {
          await asUser(url, user, password, async (c) => {
            await expect(c.query(statement[missing]!)).rejects.toThrow(/command denied/);
          });
        });
      });
    },
    60_000,
  );
});
