/**
 * Trigger, function, procedure and event blocks in `schema inspect` HCL: after the tables, before the schema block,
 * each kind by name, bodies as quoted strings.
 */
import { expect, test } from "bun:test";
import { schemaToHcl } from "../../src/hcl/write-schema.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";

test("object blocks follow the tables", () => {
  const s = replaySql(
    `CREATE TABLE t (id int primary key);
CREATE TRIGGER tr AFTER DELETE ON t FOR EACH ROW BEGIN SET @n = "x"; END;
CREATE PROCEDURE p(OUT x int) SQL SECURITY INVOKER COMMENT 'c' SELECT 1 INTO x;
CREATE FUNCTION f(a int unsigned) RETURNS bigint DETERMINISTIC READS SQL DATA RETURN a;
CREATE EVENT e ON SCHEDULE AT '2030-01-01' ON COMPLETION PRESERVE DISABLE DO DELETE FROM t;`,
    mariadb,
  );
  const hcl = schemaToHcl(s, mariadb, "app");
  expect(hcl.slice(hcl.indexOf('function "f"'))).toBe(`function "f" {
  schema        = schema.app
  return        = bigint
  deterministic = true
  data_access   = "READS SQL DATA"
  as            = "RETURN a"
  arg "a" {
    type     = int
    unsigned = true
  }
}
procedure "p" {
  schema   = schema.app
  security = INVOKER
  comment  = "c"
  as       = "SELECT 1 INTO x"
  arg "x" {
    type = int
    mode = OUT
  }
}
event "e" {
  schema   = schema.app
  at       = "2030-01-01 00:00:00"
  preserve = true
  status   = "DISABLE"
  as       = "DELETE FROM t"
}
trigger "tr" {
  on = table.t
  as = "BEGIN SET @n = \\"x\\"; END"
  after {
    delete = true
  }
}
schema "app" {
  charset = "utf8mb4"
  collate = "utf8mb4_general_ci"
}
`);
});
