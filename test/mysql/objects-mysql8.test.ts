/**
 * Objects from MySQL 8's information_schema (no MySQL server here): rows shaped as MySQL 8 documents them (DATETIME
 * cells as Date, `int` without a display width, REPLICA_SIDE_DISABLED, a DTD_IDENTIFIER with a charset) read into the
 * same model as the replay of the DDL that made them.
 */
import { expect, test } from "bun:test";
import { replaySql } from "../../src/migrate/replay.ts";
import { mysql8 } from "../../src/mysql/flavor.ts";
import { eventFromRow, routineFromRow, triggerFromRow } from "../../src/mysql/inspect/objects.ts";
import { diff } from "../../src/schema/diff.ts";
import type { Schema } from "../../src/schema/model.ts";

const DDL = `CREATE TABLE t (id int primary key, n int);
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 1;
CREATE EVENT e ON SCHEDULE EVERY '1:30' HOUR_MINUTE STARTS '2030-01-01 10:00:00' DISABLE ON SLAVE DO DELETE FROM t;
CREATE FUNCTION f(a varchar(10) CHARSET utf8mb4) RETURNS int DETERMINISTIC RETURN LENGTH(a);`;

test("MySQL 8 rows read as the replayed DDL", () => {
  const triggers = [
    triggerFromRow({
      TRIGGER_NAME: "tr",
      EVENT_MANIPULATION: "INSERT",
      EVENT_OBJECT_TABLE: "t",
      ACTION_TIMING: "BEFORE",
      ACTION_STATEMENT: "SET NEW.n = 1",
      DEFINER: "root@localhost",
    }),
  ];
  const events = [
    eventFromRow({
      EVENT_NAME: "e",
      DEFINER: "root@localhost",
      EVENT_DEFINITION: "DELETE FROM t",
      EVENT_TYPE: "RECURRING",
      EXECUTE_AT: null,
      INTERVAL_VALUE: "'1:30'",
      INTERVAL_FIELD: "HOUR_MINUTE",
      STARTS: new Date(Date.UTC(2030, 0, 1, 10, 0, 0)),
      ENDS: null,
      STATUS: "REPLICA_SIDE_DISABLED",
      ON_COMPLETION: "NOT PRESERVE",
      EVENT_COMMENT: "",
      CREATED: new Date(Date.UTC(2026, 0, 1)),
      LAST_ALTERED: new Date(Date.UTC(2026, 0, 1)),
    }),
  ];
  const params = new Map([
    ["FUNCTION f", [{ PARAMETER_MODE: "IN", PARAMETER_NAME: "a", DTD_IDENTIFIER: "varchar(10) CHARSET utf8mb4" }]],
  ]);
  const routines = [
    routineFromRow(
      {
        ROUTINE_NAME: "f",
        ROUTINE_TYPE: "FUNCTION",
        DTD_IDENTIFIER: "int",
        ROUTINE_DEFINITION: "RETURN LENGTH(a)",
        IS_DETERMINISTIC: "YES",
        SQL_DATA_ACCESS: "CONTAINS SQL",
        SECURITY_TYPE: "DEFINER",
        ROUTINE_COMMENT: "",
        DEFINER: "root@localhost",
      },
      params,
    ),
  ];
  const replayed = replaySql(DDL, mysql8);
  const live: Schema = { ...replayed, triggers, events, routines };
  expect(routines[0]!.params).toEqual([{ name: "a", type: "varchar(10)", mode: "IN" }]);
  expect(events[0]!.status).toBe("DISABLE ON SLAVE");
  expect(diff(live, replayed)).toEqual([]);
  expect(diff(replayed, live)).toEqual([]);
});
