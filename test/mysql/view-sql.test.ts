/**
 * The normal form of a view's SELECT: what a person writes and what MariaDB 10.11 and MySQL 8 store (captured
 * `information_schema.VIEWS.VIEW_DEFINITION` rows) give the same text, and different views stay different.
 */
import { describe, expect, test } from "bun:test";
import { viewsFromRows } from "../../src/mysql/inspect/views.ts";
import { canonicalQuery } from "../../src/mysql/view-sql.ts";

const same: [string, string, string][] = [
  [
    "single table: qualified names and aliases (MariaDB)",
    "SELECT id, name FROM users WHERE active = 1 and id > 3 or name != 'x'",
    "select `db`.`users`.`id` AS `id`,`db`.`users`.`name` AS `name` from `db`.`users` where `db`.`users`.`active` = 1 and `db`.`users`.`id` > 3 or `db`.`users`.`name` <> 'x'",
  ],
  [
    "count(*), auto aliases, CAST charset, comma join (MariaDB)",
    "select count(*), u.name, 1+1, CAST(u.id AS CHAR) c from users u, p where u.id = p.uid group by u.name order by 2",
    "select count(0) AS `count(*)`,`u`.`name` AS `name`,1 + 1 AS `1+1`,cast(`u`.`id` as char charset utf8mb3) AS `c` from `db`.`users` `u` join `db`.`p` where `u`.`id` = `db`.`p`.`uid` group by `u`.`name` order by 2",
  ],
  [
    "parenthesised joins, on(…), EXISTS with limit 1 (MariaDB)",
    "select users.id, p.uid from users join p on (users.id = p.uid) left join users u2 on u2.id=p.id where exists (select 1 from p x where x.id = users.id)",
    "select `db`.`users`.`id` AS `id`,`db`.`p`.`uid` AS `uid` from ((`db`.`users` join `db`.`p` on(`db`.`users`.`id` = `db`.`p`.`uid`)) left join `db`.`users` `u2` on(`u2`.`id` = `db`.`p`.`id`)) where exists(select 1 from `db`.`p` `x` where `x`.`id` = `db`.`users`.`id` limit 1)",
  ],
  [
    "MySQL 8: introducers, parenthesised WHERE, AS before a table alias, INNER/OUTER",
    "SELECT t.a AS x FROM users AS t INNER JOIN p ON t.id = p.uid LEFT OUTER JOIN q ON q.id = t.id WHERE t.kind = 'x'",
    "select `t`.`a` AS `x` from ((`db`.`users` `t` join `db`.`p` on((`t`.`id` = `db`.`p`.`uid`))) left join `db`.`q` on((`db`.`q`.`id` = `t`.`id`))) where (`t`.`kind` = _utf8mb4'x')",
  ],
  ["substr spellings", "select substring(min(202006) from 1 for 4) AS `c`", "select substr(min(202006),1,4) AS `c`"],
  [
    "syntax words inside functions: a TIMESTAMPDIFF unit, a window frame (MariaDB)",
    "SELECT TIMESTAMPDIFF(second, a, b) s, day, SUM(x) OVER (PARTITION BY day ORDER BY id ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) r FROM t",
    "select timestampdiff(SECOND,`db`.`t`.`a`,`db`.`t`.`b`) AS `s`,`db`.`t`.`day` AS `day`,sum(`db`.`t`.`x`) over ( partition by `db`.`t`.`day` order by `db`.`t`.`id` rows between  unbounded  preceding  and  current row ) AS `r` from `db`.`t`",
  ],
  [
    "LIMIT … OFFSET",
    "SELECT id FROM users ORDER BY id ASC LIMIT 10 OFFSET 5",
    "select `id` from `users` order by `id` limit 5,10",
  ],
  [
    "UNION ALL",
    "SELECT id FROM a UNION ALL SELECT id FROM b",
    "select `a`.`id` AS `id` from `db`.`a` union all select `b`.`id` AS `id` from `db`.`b`",
  ],
];

describe("the same view however written", () => {
  for (const [name, written, stored] of same)
    test(name, () => {
      expect(canonicalQuery(written, { schema: "db" }).sql).toBe(canonicalQuery(stored, { schema: "db" }).sql);
    });
});

const different: [string, string, string][] = [
  ["another column", "SELECT id FROM users", "SELECT name FROM users"],
  ["another table in a join", "SELECT a.id FROM a JOIN b ON a.id = b.id", "SELECT b.id FROM a JOIN b ON a.id = b.id"],
  ["an alias that renames", "SELECT id AS ident FROM users", "SELECT id FROM users"],
  ["another schema", "SELECT id FROM other.users", "SELECT id FROM users"],
  ["a literal's case", "SELECT id FROM users WHERE name = 'A'", "SELECT id FROM users WHERE name = 'a'"],
  [
    "parentheses that group an OR",
    "SELECT a FROM t WHERE (a = 1 OR b = 2) AND c = 3",
    "SELECT a FROM t WHERE a = 1 OR b = 2 AND c = 3",
  ],
  ["parentheses in arithmetic", "SELECT (a + b) * 2 FROM t", "SELECT a + b * 2 FROM t"],
];

describe("the normal form is a fixed point (a planned view parses back to itself)", () => {
  for (const [name, written] of same)
    test(name, () => {
      const once = canonicalQuery(written, { schema: "db" }).sql;
      expect(canonicalQuery(once, { schema: "db" }).sql).toBe(once);
    });
});

test("syntax words stay words, and a column named like a unit stays a name", () => {
  expect(canonicalQuery("SELECT TIMESTAMPDIFF(DAY, a, b), day FROM t").sql).toBe(
    "select timestampdiff(DAY, `a`, `b`), `day` from `t`",
  );
});

test("a reserved word the normal form would quote as a name keeps the SELECT as written", () => {
  expect(canonicalQuery("SELECT CONVERT(a, CHAR) FROM t").sql).toBe("SELECT CONVERT ( a , CHAR ) FROM t");
  expect(canonicalQuery("SELECT CAST(a AS SIGNED INTEGER) FROM t").sql).toBe(
    "SELECT CAST ( a AS SIGNED INTEGER ) FROM t",
  );
});

test("a FROM clause the normal form does not know is kept token by token", () => {
  expect(canonicalQuery("SELECT id FROM users USE INDEX (ix) WHERE id > 1").sql).toBe(
    "SELECT id FROM users USE INDEX ( ix ) WHERE id > 1",
  );
});

describe("different views stay different", () => {
  for (const [name, a, b] of different)
    test(name, () => {
      expect(canonicalQuery(a, { schema: "db" }).sql).not.toBe(canonicalQuery(b, { schema: "db" }).sql);
    });
});

test("the normal form keeps a select alias where ORDER BY would read it instead of the column", () => {
  const q = canonicalQuery("select `t`.`b` AS `a`, `t`.`a` AS `b` from `t` order by `t`.`a`", { schema: "db" }).sql;
  expect(q).toBe("select `b` as `a`, `a` as `b` from `t` order by `t`.`a`");
});

test("reads lists the tables and views of the schema, subqueries and derived tables included", () => {
  expect(
    canonicalQuery(
      "SELECT x.id FROM (SELECT id FROM a) x WHERE x.id IN (SELECT id FROM db.b) AND EXISTS (SELECT 1 FROM other.c)",
      { schema: "db" },
    ).reads,
  ).toEqual(["a", "b"]);
});

describe("SELECT * as the server expands it", () => {
  const columns: Record<string, string[]> = { users: ["id", "name"], p: ["id", "uid"] };
  const scope = { schema: "db", columnsOf: (t: string) => columns[t] };
  test("one table, a qualified star in a join", () => {
    expect(canonicalQuery("SELECT * FROM users WHERE id > 1", scope).sql).toBe(
      canonicalQuery(
        "select `db`.`users`.`id` AS `id`,`db`.`users`.`name` AS `name` from `db`.`users` where `db`.`users`.`id` > 1",
        scope,
      ).sql,
    );
    expect(canonicalQuery("SELECT u.*, p.uid FROM users u JOIN p ON p.uid = u.id", scope).sql).toBe(
      "select `u`.`id`, `u`.`name`, `p`.`uid` from `users` `u` join `p` on `p`.`uid` = `u`.`id`",
    );
  });
  test("a star over a table whose columns are unknown stays", () => {
    expect(canonicalQuery("SELECT * FROM other_view", scope).sql).toBe("select * from `other_view`");
  });
});

describe("views from captured information_schema rows", () => {
  test("MariaDB 10.11 (ALGORITHM column, definer, check option)", () => {
    const [v] = viewsFromRows(
      [
        {
          TABLE_NAME: "v4",
          VIEW_DEFINITION: "select `v1`.`id` AS `id` from `db`.`v1`",
          CHECK_OPTION: "LOCAL",
          SECURITY_TYPE: "INVOKER",
          DEFINER: "root@127.0.0.1",
          ALGORITHM: "MERGE",
        },
      ],
      "db",
    );
    expect(v).toEqual({
      name: "v4",
      definition: "select `id` from `v1`",
      algorithm: "MERGE",
      security: "INVOKER",
      checkOption: "LOCAL",
      reportedDefiner: "root@127.0.0.1",
      reads: ["v1"],
    });
  });

  test("MySQL 8 (no ALGORITHM column; defaults left out)", () => {
    const [v] = viewsFromRows(
      [
        {
          TABLE_NAME: "active_users",
          VIEW_DEFINITION:
            "select `db`.`users`.`id` AS `id`,`db`.`users`.`name` AS `name` from `db`.`users` where (`db`.`users`.`active` = 1)",
          CHECK_OPTION: "NONE",
          SECURITY_TYPE: "DEFINER",
          DEFINER: "app@%",
        },
      ],
      "db",
    );
    expect(v).toEqual({
      name: "active_users",
      definition: "select `id`, `name` from `users` where `active` = 1",
      reportedDefiner: "app@%",
      reads: ["users"],
    });
  });
});
