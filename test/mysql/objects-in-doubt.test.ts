/**
 * An in-doubt trigger, event or routine statement is decided from the live objects: the live schema showing the
 * statement's effect means it ran, showing the state before means it runs again.
 */
import { expect, test } from "bun:test";
import { schemaVerdict } from "../../src/migrate/apply/in-doubt.ts";
import { replaySteps } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";

const steps = [
  ...replaySteps(
    `CREATE TABLE t (id int primary key);
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET @a = 1;
CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t;
ALTER EVENT e COMMENT 'c';
CREATE PROCEDURE p() SELECT 1;
DROP PROCEDURE p;`,
    mariadb,
  ),
];

test.each([1, 2, 3, 4, 5])("statement %i: applied when the live schema is the state after it", (i) => {
  const step = steps[i]!;
  expect(schemaVerdict(step.after, step)).toEqual({ applied: true });
  expect(schemaVerdict(step.before, step)).toEqual({ applied: false });
});
