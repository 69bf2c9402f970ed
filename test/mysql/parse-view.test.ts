/**
 * Parsing view statements: CREATE [OR REPLACE] VIEW with options, ALTER VIEW, DROP VIEW, and their errors.
 */
import { describe, expect, test } from "bun:test";
import { mariadb } from "../../src/mysql/flavor.ts";
import { parse, SchemaStateError } from "../../src/mysql/parse.ts";
import { replay } from "./parse-helpers.ts";

const base = ["CREATE TABLE users (id int PRIMARY KEY, name varchar(10), active tinyint)"];

describe("view statements", () => {
  test("CREATE VIEW with every option gives a canonical view", () => {
    const s = replay([
      ...base,
      "CREATE ALGORITHM=MERGE DEFINER=`app`@`%` SQL SECURITY INVOKER VIEW `v` AS SELECT id FROM users WHERE active = 1 WITH LOCAL CHECK OPTION",
    ]);
    expect(s.views).toEqual([
      {
        name: "v",
        definition: "select `id` from `users` where `active` = 1",
        algorithm: "MERGE",
        security: "INVOKER",
        checkOption: "LOCAL",
        definer: "app@%",
        reads: ["users"],
      },
    ]);
  });

  test("defaults are left out; WITH CHECK OPTION is CASCADED", () => {
    const s = replay([
      ...base,
      "CREATE ALGORITHM=UNDEFINED DEFINER=CURRENT_USER SQL SECURITY DEFINER VIEW v AS SELECT id FROM users WITH CHECK OPTION",
    ]);
    expect(s.views).toEqual([
      { name: "v", definition: "select `id` from `users`", checkOption: "CASCADED", reads: ["users"] },
    ]);
  });

  test("CREATE OR REPLACE and ALTER VIEW replace; DROP VIEW removes", () => {
    const s = replay([...base, "CREATE VIEW v AS SELECT id FROM users"]);
    const replaced = parse("CREATE OR REPLACE VIEW v AS SELECT name FROM users", { flavor: mariadb, schema: s });
    expect(replaced.map((c) => c.kind)).toEqual(["ModifyView"]);
    const altered = parse("ALTER SQL SECURITY INVOKER VIEW v AS SELECT name FROM users", {
      flavor: mariadb,
      schema: s,
    });
    expect(altered).toEqual([
      {
        kind: "ModifyView",
        from: s.views![0]!,
        to: { name: "v", definition: "select `name` from `users`", security: "INVOKER", reads: ["users"] },
      },
    ]);
    expect(
      replay([...base, "CREATE VIEW v AS SELECT id FROM users", "DROP VIEW IF EXISTS v, w"]).views,
    ).toBeUndefined();
  });

  test("SELECT * is expanded with the columns of the table before the statement", () => {
    expect(replay([...base, "CREATE VIEW v AS SELECT * FROM users"]).views?.[0]?.definition).toBe(
      "select `id`, `name`, `active` from `users`",
    );
  });

  test("a column list becomes the aliases of the first SELECT, as the server stores it", () => {
    const s = replay([...base, "CREATE VIEW v (a, b) AS SELECT id, name FROM users UNION SELECT 1, 'x'"]);
    expect(s.views?.[0]?.definition).toBe("select `id` as `a`, `name` as `b` from `users` union select 1, 'x'");
    expect(() => replay([...base, "CREATE VIEW v (a) AS SELECT id, name FROM users"])).toThrow(
      "the view names 1 columns but its SELECT has 2",
    );
  });

  test("a view that exists, or a missing one, is a schema-state error", () => {
    const s = replay([...base, "CREATE VIEW v AS SELECT id FROM users"]);
    expect(() => parse("CREATE VIEW v AS SELECT 1", { flavor: mariadb, schema: s })).toThrow(SchemaStateError);
    expect(() => parse("CREATE VIEW users AS SELECT 1", { flavor: mariadb, schema: s })).toThrow(SchemaStateError);
    expect(() => parse("DROP VIEW w", { flavor: mariadb, schema: s })).toThrow('view "w" does not exist');
    expect(() => parse("ALTER VIEW w AS SELECT 1", { flavor: mariadb, schema: s })).toThrow(SchemaStateError);
    expect(parse("CREATE VIEW IF NOT EXISTS v AS SELECT 2", { flavor: mariadb, schema: s })).toEqual([]);
  });
});
