/**
 * Triggers, events and routines on a real server: a directory's statements (DELIMITER and BEGIN … END forms) replay
 * to what the server shows when they run; a plan from entities-like models runs and inspects back to no difference;
 * a changed body, schedule or characteristic reads as a change and its plan converges; the server-filled STARTS and
 * the definer are no drift.
 */
import { describe, expect, test } from "bun:test";
import { splitStatements } from "../../src/migrate/split.ts";
import { formatMigrationFile } from "../../src/migrate/dir/name.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { inspect } from "../../src/mysql/inspect.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { schemasEqual } from "../../src/schema/equal.ts";
import { emptySchema, type Schema } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { queryableOf } from "./inspect-queryable.ts";

const DIRECTORY = `CREATE TABLE t (id int primary key, n int);
CREATE TABLE audit (id int auto_increment primary key, note varchar(100));
DELIMITER //
CREATE TRIGGER tr1 BEFORE INSERT ON t FOR EACH ROW
BEGIN
  -- bump
  SET NEW.n = NEW.n   + 1;
END//
CREATE FUNCTION f1(a INT, b varchar(10) charset utf8mb4) RETURNS int DETERMINISTIC COMMENT 'hi'
RETURN a   + 1//
CREATE PROCEDURE p1(IN a INT, OUT b text) MODIFIES SQL DATA SQL SECURITY INVOKER
BEGIN SELECT 1 INTO b; END//
CREATE EVENT e1 ON SCHEDULE EVERY 1 HOUR COMMENT 'x' DO DELETE FROM t WHERE id < 0//
CREATE EVENT e2 ON SCHEDULE AT '2035-01-01 00:00:00' ON COMPLETION PRESERVE DISABLE DO DELETE FROM t//
CREATE EVENT e3 ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 10:00:00' ENDS '2031-01-01' DO DELETE FROM t//
DELIMITER ;
CREATE TRIGGER tr2 AFTER UPDATE ON t FOR EACH ROW BEGIN
  IF NEW.n > 1 THEN
    INSERT INTO audit (note) VALUES ('big; very');
  END IF;
END;
CREATE PROCEDURE p2() BEGIN SELECT 1; BEGIN SELECT 2; END; END;
CREATE TRIGGER tr3 BEFORE DELETE ON audit FOR EACH ROW SET @deleted = OLD.id;
`;

/** Runs every statement of migration-file text, the way migrate apply splits it. */
async function run(conn: import("mysql2/promise").Connection, text: string): Promise<void> {
  for (const s of splitStatements(text)) await conn.query(s.text);
}

describe("triggers, events and routines on MariaDB", () => {
  test("a replayed directory equals the database it builds", async () => {
    await withTestDatabase(async ({ conn, name }) => {
      await run(conn, DIRECTORY);
      const live = await inspect(queryableOf(conn), name);
      const replayed = replaySql(DIRECTORY, mariadb);
      expect(live.triggers?.map((t) => t.name).sort()).toEqual(["tr1", "tr2", "tr3"]);
      expect(live.events?.map((e) => e.name)).toEqual(["e1", "e2", "e3"]);
      expect(live.routines?.map((r) => r.name)).toEqual(["f1", "p1", "p2"]);
      expect(schemasEqual(live, replayed)).toBe(true);
      expect(diff(live, replayed)).toEqual([]);
      expect(diff(replayed, live)).toEqual([]);
    });
  });

  test("a plan written as a migration file splits back, runs, and inspects to no difference", async () => {
    const desired = replaySql(DIRECTORY, mariadb);
    const file = formatMigrationFile(plan(diff(emptySchema, desired), mariadb));
    expect(schemasEqual(replaySql(file, mariadb), desired)).toBe(true);
    await withTestDatabase(async ({ conn, name }) => {
      await run(conn, file);
      const live = await inspect(queryableOf(conn), name);
      expect(diff(live, desired)).toEqual([]);
    });
  });

  test("changed objects plan DROP + CREATE (ALTER EVENT for events) and converge", async () => {
    const changed = `${DIRECTORY.replace("NEW.n   + 1", "NEW.n + 2")
      .replace("RETURN a   + 1", "RETURN a + 10")
      .replace("EVERY 1 HOUR COMMENT 'x'", "EVERY 2 HOUR COMMENT 'y'")
      .replace("SQL SECURITY INVOKER", "SQL SECURITY DEFINER")}
DROP PROCEDURE p2;
DROP TABLE audit;
CREATE EVENT e4 ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;`;
    const desired = replaySql(changed, mariadb);
    expect(desired.triggers?.map((t) => t.name)).toEqual(["tr1", "tr2"]);
    await withTestDatabase(async ({ conn, name }) => {
      await run(conn, DIRECTORY);
      const before = await inspect(queryableOf(conn), name);
      const changes = diff(before, desired);
      expect(changes.map((c) => c.kind).sort()).toEqual(
        [
          "AddEvent",
          "AddRoutine",
          "AddRoutine",
          "AddTrigger",
          "DropRoutine",
          "DropRoutine",
          "DropRoutine",
          "DropTable",
          "DropTrigger",
          "ModifyEvent",
        ].sort(),
      );
      const statements = plan(changes, mariadb, { current: before });
      expect(statements.some((s) => s.sql.startsWith("ALTER EVENT `e1`"))).toBe(true);
      expect(statements.some((s) => s.sql.startsWith("DROP TRIGGER `tr3`"))).toBe(false);
      await run(conn, formatMigrationFile(statements));
      expect(diff(await inspect(queryableOf(conn), name), desired)).toEqual([]);
    });
  });

  test("the session's own definer and a server-filled STARTS are no drift; another definer is kept", async () => {
    const desired: Schema = replaySql(DIRECTORY, mariadb);
    await withTestDatabase(async ({ conn, name }) => {
      await run(conn, DIRECTORY);
      await conn.query("CREATE DEFINER = 'nobody'@'localhost' TRIGGER tr4 AFTER DELETE ON t FOR EACH ROW SET @d = 1");
      const live = await inspect(queryableOf(conn), name);
      const e1 = live.events!.find((e) => e.name === "e1")!;
      const e3 = live.events!.find((e) => e.name === "e3")!;
      expect(e1.schedule).toEqual({ every: { value: "1", unit: "HOUR" } });
      expect("every" in e3.schedule && e3.schedule.starts).toBe("2030-01-01 10:00:00");
      expect(live.triggers!.find((t) => t.name === "tr1")!.definer).toBeUndefined();
      expect(live.triggers!.find((t) => t.name === "tr4")!.definer).toBe("nobody@localhost");
      const withTr4 = replaySql(
        "CREATE DEFINER = 'nobody'@'localhost' TRIGGER tr4 AFTER DELETE ON t FOR EACH ROW SET @d = 1;",
        mariadb,
        desired,
      );
      expect(diff(live, withTr4)).toEqual([]);
      const other = {
        ...withTr4,
        triggers: withTr4.triggers!.map((t) => (t.name === "tr4" ? { ...t, definer: "other@localhost" } : t)),
      };
      const changes = diff(live, other);
      expect(changes.map((c) => c.kind)).toEqual(["DropTrigger", "AddTrigger"]);
      expect(plan(changes, mariadb)[1]!.sql).toStartWith("CREATE DEFINER=`other`@`localhost` TRIGGER `tr4`");
    });
  });
  test("triggers of one group: FOLLOWS/PRECEDES replay as the server orders them, and a reordering plan converges", async () => {
    const ordered = `CREATE TABLE t (id int primary key, n int);
CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET @x = 1;
CREATE TRIGGER c BEFORE INSERT ON t FOR EACH ROW SET @x = 3;
CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW FOLLOWS a SET @x = 2;
CREATE TRIGGER z BEFORE INSERT ON t FOR EACH ROW PRECEDES a SET @x = 0;
`;
    const replayed = replaySql(ordered, mariadb);
    const reordered: Schema = { ...replayed, triggers: [...replayed.triggers!].reverse() };
    await withTestDatabase(async ({ conn, name }) => {
      await run(conn, ordered);
      const live = await inspect(queryableOf(conn), name);
      expect(live.triggers?.map((t) => t.name)).toEqual(["z", "a", "b", "c"]);
      expect(schemasEqual(live, replayed)).toBe(true);
      expect(diff(live, replayed)).toEqual([]);
      await run(conn, formatMigrationFile(plan(diff(live, reordered), mariadb, { current: live })));
      const after = await inspect(queryableOf(conn), name);
      expect(after.triggers?.map((t) => t.name)).toEqual(["c", "b", "a", "z"]);
      expect(diff(after, reordered)).toEqual([]);
    });
  });
});
