/**
 * `migrate down` over triggers, events and routines: reverting a file that created them drops them; reverting a file
 * that dropped or changed them creates them again as the directory had them before.
 */
import { expect, test } from "bun:test";
import { inspect } from "../../src/mysql/inspect.ts";
import { diff } from "../../src/schema/diff.ts";
import { replayFiles } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { applyDir, downDir, hashedDir } from "../support/library-apply.ts";
import { withTestConnection } from "../support/mariadb.ts";

const FILES: Record<string, string> = {
  "1_init.sql": "CREATE TABLE `t` (`id` int NOT NULL, `n` int NULL, PRIMARY KEY (`id`));\n",
  "2_objects.sql": `CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW BEGIN SET NEW.n = 1; END;
CREATE PROCEDURE p(IN a int) BEGIN SELECT a; END;
CREATE EVENT e ON SCHEDULE EVERY 1 DAY DO DELETE FROM t WHERE n < 0;
`,
  "3_change.sql": `DROP TRIGGER tr;
CREATE TRIGGER tr BEFORE INSERT ON t FOR EACH ROW SET NEW.n = 2;
DROP PROCEDURE p;
ALTER EVENT e ON SCHEDULE EVERY 2 HOUR COMMENT 'often';
`,
};

/** The schema the first `n` files build, replayed offline. */
const replayed = (n: number) =>
  replayFiles(
    Object.entries(FILES)
      .slice(0, n)
      .map(([name, text]) => ({ name, text })),
    mariadb,
  );

test("down reverts creates and re-creates what a later file dropped or changed", async () => {
  const dir = hashedDir(FILES);
  await withTestConnection(async (conn, name) => {
    await applyDir(conn, name, dir);
    const one = await downDir(conn, name, dir, { amount: 1 });
    expect(one.failure).toBeUndefined();
    expect(diff(await inspect(conn, name), replayed(2))).toEqual([]);
    const live = await inspect(conn, name);
    expect(live.routines?.map((r) => r.name)).toEqual(["p"]);
    expect(live.triggers?.[0]?.body).toBe("BEGIN SET NEW.n = 1; END");

    const two = await downDir(conn, name, dir, { amount: 1 });
    expect(two.failure).toBeUndefined();
    const after = await inspect(conn, name);
    expect([after.triggers, after.events, after.routines]).toEqual([undefined, undefined, undefined]);
    expect(diff(after, replayed(1))).toEqual([]);
  });
}, 60_000);
