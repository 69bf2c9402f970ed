/**
 * The peer gate's comparison of views, triggers, events and routines: the same DDL loaded into two databases at
 * different moments compares equal (the definer, the database's own name and server-stamped times left out), and a
 * change in any of them is found.
 */
import { expect, test } from "bun:test";
import type { Connection } from "mysql2/promise";
import { withTestDatabase } from "../support/mariadb.ts";
import { compareObjects, differingObjects, showObjects } from "./server-objects.ts";

const DDL = [
  "CREATE TABLE t (id int NOT NULL PRIMARY KEY, n int)",
  "CREATE VIEW v AS SELECT id, n FROM t WHERE n > 0",
  "CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = COALESCE(NEW.n, 1)",
  "CREATE EVENT ev ON SCHEDULE EVERY 1 DAY COMMENT 'daily' DO DELETE FROM t WHERE n < 0",
  "CREATE PROCEDURE p(IN x int) SELECT x + 1",
  "CREATE FUNCTION f(x int) RETURNS int DETERMINISTIC RETURN x * 2",
];

async function load(conn: Connection, statements: readonly string[]): Promise<void> {
  for (const sql of statements) await conn.query(sql);
}

test("the same objects compare equal across databases and moments; a changed one is named", async () => {
  await withTestDatabase(async (a) => {
    await withTestDatabase(async (b) => {
      await load(a.conn, DDL);
      await Bun.sleep(1100);
      await load(b.conn, DDL);
      const left = await showObjects(a.conn);
      expect([...left.keys()].sort()).toEqual(["event ev", "function f", "procedure p", "trigger tr", "view v"]);
      expect([...left.values()].join("\n")).not.toContain("DEFINER=");
      expect([...left.values()].join("\n")).not.toContain(a.name);
      expect(compareObjects(left, await showObjects(b.conn))).toBe("");

      await b.conn.query("ALTER EVENT ev ON SCHEDULE EVERY 2 HOUR");
      await b.conn.query("DROP TRIGGER tr");
      await b.conn.query("CREATE OR REPLACE VIEW v AS SELECT id FROM t");
      const right = await showObjects(b.conn);
      expect(differingObjects(left, right)).toEqual(["event ev", "trigger tr", "view v"]);
      expect(compareObjects(left, right)).toStartWith("event ev differs:");
    });
  });
}, 30_000);
