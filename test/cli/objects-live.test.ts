/**
 * Triggers, events and routines through the CLI on a real database: a live diff shows a changed trigger, event or
 * routine (no "synced" over them), schema inspect prints them in every format, a --dev-url replay of files with them
 * agrees with the in-memory one and leaves the dev schema clean, and schema clean drops them.
 */
import { afterAll, describe, expect, test } from "bun:test";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli, repoRoot } from "./run-cli.ts";

const maria = (url: string) => url.replace(/^mysql:/, "maria:");
const dir = mkdtempSync(join(tmpdir(), "stats-db-objects-cli-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const DDL = `CREATE TABLE t (id int primary key, n int);
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END;
CREATE FUNCTION f(a int) RETURNS int DETERMINISTIC RETURN a + 1;
CREATE PROCEDURE p() BEGIN SELECT 1; END;
CREATE EVENT e ON SCHEDULE EVERY 1 HOUR DO DELETE FROM t WHERE n < 0;
`;

describe("objects through the CLI", () => {
  test("drift on triggers, events and routines; inspect; clean", async () => {
    const file = join(dir, "schema.sql");
    writeFileSync(file, DDL);
    await withTestDatabase(async ({ url, conn }) => {
      const u = maria(url);
      expect(cli(["schema", "apply", "--url", u, "--to", `file://${file}`, "--auto-approve"]).code).toBe(0);
      expect(cli(["schema", "diff", "--from", u, "--to", `file://${file}`]).stdout).toBe(
        "Schemas are synced, no changes to be made.\n",
      );
      await conn.query("DROP TRIGGER tr");
      await conn.query("CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 2");
      await conn.query("ALTER EVENT e ON SCHEDULE EVERY 2 HOUR");
      await conn.query("DROP FUNCTION f");
      await conn.query("CREATE FUNCTION f(a int) RETURNS int DETERMINISTIC RETURN a + 2");
      const drift = cli(["schema", "diff", "--from", u, "--to", `file://${file}`, "--exit-code"]);
      expect(drift.code).toBe(1);
      expect(drift.stdout).toContain("DROP TRIGGER `tr`;");
      expect(drift.stdout).toContain("CREATE TRIGGER `tr` BEFORE INSERT ON `t` FOR EACH ROW BEGIN SET NEW.n = 1; END;");
      expect(drift.stdout).toContain("ALTER EVENT `e` ON SCHEDULE EVERY 1 HOUR");
      expect(drift.stdout).toContain("CREATE FUNCTION `f`(`a` int) RETURNS int DETERMINISTIC RETURN a + 1;");
      expect(drift.stdout).not.toContain("PROCEDURE");

      const hcl = cli(["schema", "inspect", "--url", u]).stdout;
      expect(hcl).toContain('trigger "tr" {');
      expect(hcl).toContain('function "f" {');
      expect(hcl).toContain('procedure "p" {');
      expect(hcl).toContain('event "e" {');
      expect(cli(["schema", "inspect", "--url", u, "--format", "sql"]).stdout).toContain("CREATE PROCEDURE `p`()");
      expect(cli(["schema", "inspect", "--url", u, "--format", "typebox"]).stdout).toContain('routine("p", {');

      const cleaned = cli(["schema", "clean", "--url", u, "--auto-approve"]);
      expect(cleaned.code).toBe(0);
      expect(cleaned.stdout).toContain("DROP EVENT `e`;");
      expect(cleaned.stdout).toContain("DROP PROCEDURE `p`;");
      expect(cleaned.stdout).not.toContain("DROP TRIGGER");
      const [events] = await conn.query(
        "SELECT EVENT_NAME FROM information_schema.EVENTS WHERE EVENT_SCHEMA = DATABASE()",
      );
      expect(events).toEqual([]);
      expect(cli(["schema", "clean", "--url", u]).stdout).toBe("Nothing to drop\n");
    });
  }, 60_000);

  test("a --dev-url replay agrees with the in-memory one and leaves the dev schema clean", async () => {
    const file = join(dir, "schema.sql");
    writeFileSync(file, DDL);
    await withTestDatabase(async ({ url, conn }) => {
      const args = ["schema", "diff", "--from", `file://${file}`, "--to", `file://${file}`, "--flavor", "mariadb"];
      expect(cli([...args, "--dev-url", maria(url)]).stdout).toBe("Schemas are synced, no changes to be made.\n");
      const [routines] = await conn.query(
        "SELECT ROUTINE_NAME FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = DATABASE()",
      );
      expect(routines).toEqual([]);
      await conn.query("CREATE PROCEDURE leftover() SELECT 1");
      const refused = cli([...args, "--dev-url", maria(url)]);
      expect(refused.code).toBe(1);
      expect(refused.stderr).toContain('connected database is not clean: found procedure "leftover"');
    });
  }, 60_000);

  test("migrate diff writes declared objects (with a delimiter where a body needs it), apply runs them, no drift", async () => {
    const entities = join(dir, "objects-entities.ts");
    writeFileSync(
      entities,
      `import { col, event, routine, table, trigger } from ${JSON.stringify(join(repoRoot, "src", "entities", "index.ts"))};
export const t = table("t", { id: col.int(), n: col.int({ nullable: true }) }, { primaryKey: ["id"] });
export const tr = trigger("tr", { on: t, timing: "BEFORE", event: "UPDATE", body: "IF NEW.n < 0 THEN SET NEW.n = 0; END IF" });
export const ev = event("ev", { every: "1 DAY", body: "DELETE FROM t WHERE n IS NULL" });
export const f = routine("f", { kind: "function", params: [{ name: "a", type: "int" }], returns: "int", deterministic: true, body: "RETURN a * 2" });
`,
    );
    const migrations = mkdtempSync(join(dir, "migrations-"));
    const diffed = cli([
      "migrate",
      "diff",
      "init",
      "--dir",
      `file://${migrations}`,
      "--to",
      `file://${entities}`,
      "--flavor",
      "mariadb",
    ]);
    expect(diffed.code).toBe(0);
    const file = readdirSync(migrations).find((n) => n.endsWith("_init.sql"))!;
    const text = readFileSync(join(migrations, file), "utf8");
    expect(text).toStartWith("-- atlas:delimiter //\n\n");
    expect(text).toContain(
      "CREATE TRIGGER `tr` BEFORE UPDATE ON `t` FOR EACH ROW IF NEW.n < 0 THEN SET NEW.n = 0; END IF//",
    );
    expect(
      cli(["migrate", "diff", "--dir", `file://${migrations}`, "--to", `file://${entities}`, "--flavor", "mariadb"])
        .stdout,
    ).toBe("The migration directory is synced with the desired state, no changes to be made\n");
    await withTestDatabase(async ({ url }) => {
      const u = maria(url);
      const applied = cli(["migrate", "apply", "--url", u, "--dir", `file://${migrations}`]);
      expect(applied.code).toBe(0);
      expect(applied.stdout).toContain("4 sql statements");
      expect(cli(["schema", "diff", "--from", u, "--to", `file://${entities}`]).stdout).toBe(
        "Schemas are synced, no changes to be made.\n",
      );
      expect(cli(["schema", "diff", "--from", u, "--to", `file://${migrations}`]).stdout).toBe(
        "Schemas are synced, no changes to be made.\n",
      );
    });
  }, 90_000);
});
