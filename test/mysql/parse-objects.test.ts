/**
 * Triggers, events and routines from migration text: the DELIMITER and BEGIN … END forms Atlas's splitter reads,
 * OR REPLACE / IF [NOT] EXISTS, ALTER EVENT and ALTER PROCEDURE, a dropped or renamed table taking its triggers
 * along, and plans that split back to the same objects.
 */
import { describe, expect, test } from "bun:test";
import { formatMigrationFile } from "../../src/migrate/dir/name.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { statementTables } from "../../src/mysql/parse.ts";
import { plan } from "../../src/mysql/plan.ts";
import { diff } from "../../src/schema/diff.ts";
import { schemasEqual } from "../../src/schema/equal.ts";
import { emptySchema } from "../../src/schema/model.ts";

const TABLE = "CREATE TABLE t (id int primary key, n int);\n";

describe("parsing trigger, event and routine statements", () => {
  test("DELIMITER blocks and BEGIN … END without DELIMITER replay to the same triggers", () => {
    const a = replaySql(
      `${TABLE}DELIMITER //\nCREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END//\nDELIMITER ;\n`,
      mariadb,
    );
    const b = replaySql(
      `${TABLE}CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END;\n`,
      mariadb,
    );
    expect(a.triggers).toEqual([
      { name: "tr", table: "t", timing: "BEFORE", event: "INSERT", body: "BEGIN SET NEW.n = 1; END" },
    ]);
    expect(b.triggers).toEqual(a.triggers);
  });

  test("a definer is kept; CURRENT_USER declares none", () => {
    const s = replaySql(
      `${TABLE}CREATE DEFINER = 'app'@'%' TRIGGER a AFTER DELETE ON t FOR EACH ROW SET @x = 1;
CREATE DEFINER = CURRENT_USER() TRIGGER b AFTER DELETE ON t FOR EACH ROW SET @x = 2;`,
      mariadb,
    );
    expect(s.triggers?.map((t) => t.definer)).toEqual(["app@%", undefined]);
  });

  test("OR REPLACE replaces, IF NOT EXISTS keeps, DROP … IF EXISTS of nothing is nothing", () => {
    const s = replaySql(
      `${TABLE}CREATE PROCEDURE p() SELECT 1;
CREATE OR REPLACE PROCEDURE p() SELECT 2;
CREATE PROCEDURE IF NOT EXISTS p() SELECT 3;
DROP FUNCTION IF EXISTS p;
CREATE FUNCTION p(x int) RETURNS int RETURN x;`,
      mariadb,
    );
    expect(s.routines?.map((r) => [r.kind, r.body])).toEqual([
      ["PROCEDURE", "SELECT 2"],
      ["FUNCTION", "RETURN x"],
    ]);
  });

  test("ALTER EVENT and ALTER PROCEDURE change the object in place", () => {
    const s = replaySql(
      `${TABLE}CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;
ALTER EVENT e ON SCHEDULE EVERY 2 HOUR STARTS '2030-01-01' DISABLE COMMENT 'c' RENAME TO e2;
CREATE PROCEDURE p(INOUT a int) SELECT a;
ALTER PROCEDURE p SQL SECURITY INVOKER COMMENT 'note';`,
      mariadb,
    );
    expect(s.events).toEqual([
      {
        name: "e2",
        schedule: { every: { value: "2", unit: "HOUR" }, starts: "2030-01-01 00:00:00" },
        preserve: false,
        status: "DISABLE",
        comment: "c",
        body: "DELETE FROM t",
      },
    ]);
    expect(s.routines?.[0]).toMatchObject({ security: "INVOKER", comment: "note", params: [{ mode: "INOUT" }] });
  });

  test("dropping a table drops its triggers; renaming it takes them along", () => {
    const base = `${TABLE}CREATE TABLE u (id int);
CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET @a = 1;
CREATE TRIGGER b BEFORE INSERT ON u FOR EACH ROW SET @b = 1;
`;
    expect(replaySql(`${base}DROP TABLE t;`, mariadb).triggers?.map((t) => t.name)).toEqual(["b"]);
    expect(replaySql(`${base}RENAME TABLE u TO v;`, mariadb).triggers?.find((t) => t.name === "b")?.table).toBe("v");
  });

  test("a trigger on a missing table, a second trigger of a name and dropping a missing event fail", () => {
    expect(() => replaySql("CREATE TRIGGER a BEFORE INSERT ON nope FOR EACH ROW SET @a = 1;", mariadb)).toThrow(
      /table "nope" does not exist/,
    );
    expect(() =>
      replaySql(
        `${TABLE}CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET @a = 1;
CREATE TRIGGER a AFTER INSERT ON t FOR EACH ROW SET @a = 1;`,
        mariadb,
      ),
    ).toThrow(/trigger "a" already exists/);
    expect(() => replaySql("DROP EVENT e;", mariadb)).toThrow(/event "e" does not exist/);
  });

  test("schedules: AT an expression is kept as written, literal times in server form", () => {
    const s = replaySql(
      `CREATE EVENT a ON SCHEDULE AT CURRENT_TIMESTAMP + INTERVAL 1 HOUR DO SELECT 1;
CREATE EVENT b ON SCHEDULE EVERY '1:30' HOUR_MINUTE ENDS '2031-1-2 3:04' ON COMPLETION PRESERVE DO SELECT 1;`,
      mariadb,
    );
    expect(s.events?.map((e) => e.schedule)).toEqual([
      { at: "CURRENT_TIMESTAMP + INTERVAL 1 HOUR" },
      { every: { value: "1:30", unit: "HOUR_MINUTE" }, ends: "2031-01-02 03:04:00" },
    ]);
  });

  test("a plan with a bare IF … END IF trigger body is written with a delimiter directive and reads back", () => {
    const desired = replaySql(
      `${TABLE}DELIMITER //\nCREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW IF NEW.n > 1 THEN SET NEW.n = 1; END IF//\n`,
      mariadb,
    );
    const file = formatMigrationFile(plan(diff(emptySchema, desired), mariadb));
    expect(file.startsWith("-- atlas:delimiter //\n\n")).toBe(true);
    expect(schemasEqual(replaySql(file, mariadb), desired)).toBe(true);
  });

  test("a plan with BEGIN … END bodies keeps the plain `;` form and reads back", () => {
    const desired = replaySql(
      `${TABLE}CREATE PROCEDURE p(IN a int, OUT b text) READS SQL DATA BEGIN IF a > 0 THEN SELECT 'x;y' INTO b; END IF; END;
CREATE TRIGGER tr AFTER INSERT ON t FOR EACH ROW BEGIN CALL p(NEW.n, @out); END;
CREATE EVENT e ON SCHEDULE EVERY 5 MINUTE DO BEGIN DELETE FROM t WHERE n < 0; DELETE FROM t WHERE n > 9; END;`,
      mariadb,
    );
    const file = formatMigrationFile(plan(diff(emptySchema, desired), mariadb));
    expect(file).not.toContain("atlas:delimiter");
    expect(schemasEqual(replaySql(file, mariadb), desired)).toBe(true);
    expect(diff(replaySql(file, mariadb), desired)).toEqual([]);
  });
});

test("the delimiter of a file is one no statement contains", () => {
  const desired = replaySql(
    `${TABLE}DELIMITER $$\nCREATE TRIGGER tr BEFORE UPDATE ON t FOR EACH ROW IF NEW.n > 1 THEN SET NEW.n = 1; -- see http://x\nEND IF$$\n`,
    mariadb,
  );
  const file = formatMigrationFile(plan(diff(emptySchema, desired), mariadb));
  expect(file.startsWith("-- atlas:delimiter $$\n\n")).toBe(true);
  expect(schemasEqual(replaySql(file, mariadb), desired)).toBe(true);
});

test("the table a CREATE TRIGGER locks is the one it names", () => {
  expect(statementTables("CREATE TRIGGER tr BEFORE INSERT ON `app`.`orders` FOR EACH ROW SET @a = 1")).toEqual([
    "orders",
  ]);
  expect(statementTables("CREATE PROCEDURE p() SELECT 1")).toEqual([]);
  expect(statementTables("DROP TRIGGER tr")).toEqual([]);
});

test("FOLLOWS and PRECEDES place a trigger in its group; a plan with them reads back", () => {
  const s = replaySql(
    `${TABLE}CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW SET @x = 1;
CREATE TRIGGER c BEFORE INSERT ON t FOR EACH ROW SET @x = 3;
CREATE TRIGGER b BEFORE INSERT ON t FOR EACH ROW FOLLOWS a SET @x = 2;
CREATE TRIGGER z BEFORE INSERT ON t FOR EACH ROW PRECEDES a SET @x = 0;`,
    mariadb,
  );
  expect(s.triggers?.map((t) => t.name)).toEqual(["z", "a", "b", "c"]);
  expect(s.triggers?.[2]?.body).toBe("SET @x = 2");
  expect(() =>
    replaySql(`${TABLE}CREATE TRIGGER a BEFORE INSERT ON t FOR EACH ROW FOLLOWS nope SET @x = 1;`, mariadb),
  ).toThrow(/trigger "nope" is not a BEFORE INSERT trigger of table "t"/);
});
