/**
 * Blocker lookup on captured rows (MySQL 8's performance_schema path cannot run here) and the table names of DDL.
 */
import { expect, test } from "bun:test";
import type { Queryable, Row } from "../../src/db/types.ts";
import { describeBlocker, findBlockers } from "../../src/mysql/blockers.ts";
import { statementTables } from "../../src/mysql/parse.ts";

/** Answers by the first matching fragment of the SQL; records what it was asked. */
function answering(table: [string, Row[]][], asked: string[] = []): Queryable {
  return {
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      asked.push(sql);
      const hit = table.find(([frag]) => sql.includes(frag));
      if (!hit) throw new Error(`unexpected query: ${sql}`);
      return hit[1] as T[];
    },
    async exec(): Promise<void> {},
  };
}

const trx: Row[] = [
  { id: 7, user: "app", host: "10.0.0.5:5123", command: "Sleep", time: 40, state: "", info: null, trx_seconds: 42 },
  {
    id: 3,
    user: "migrator",
    host: "bastion:1",
    command: "Query",
    time: 1,
    state: "",
    info: "ALTER TABLE big ...",
    trx_seconds: 1,
  },
];

test("MySQL 8: metadata-lock holders from performance_schema, with their open transactions", async () => {
  const asked: string[] = [];
  const conn = answering(
    [
      ["INNODB_TRX", trx],
      ["performance_schema.metadata_locks", [{ id: 7 }, { id: 3 }]],
      [
        "WHERE `ID` IN",
        [{ id: 7, user: "app", host: "10.0.0.5:5123", command: "Sleep", time: 40, state: "", info: null }],
      ],
    ],
    asked,
  );
  const found = await findBlockers(conn, { flavorName: "mysql", schema: "site_usage", tables: ["big"], exclude: [3] });
  expect(found.map(describeBlocker)).toEqual(["connection 7 (app@10.0.0.5:5123, transaction open 42s, idle 40s)"]);
  expect(asked.some((q) => q.includes("performance_schema.metadata_locks") && q.includes("IN (?)"))).toBe(true);
});

test("MySQL 8 with performance_schema refused: the open transactions of other sessions", async () => {
  const conn: Queryable = {
    async query<T extends Row = Row>(sql: string): Promise<T[]> {
      if (sql.includes("performance_schema")) throw new Error("SELECT command denied");
      return (sql.includes("INNODB_TRX") ? trx : []) as T[];
    },
    async exec(): Promise<void> {},
  };
  const found = await findBlockers(conn, { flavorName: "mysql", schema: "s", tables: ["big"], exclude: [3] });
  expect(found.map((b) => b.id)).toEqual([7]);
});

test("MariaDB without the METADATA_LOCK_INFO plugin: the open transactions", async () => {
  const conn = answering([
    ["INNODB_TRX", trx],
    ["METADATA_LOCK_INFO'", [{ n: 0 }]],
  ]);
  const found = await findBlockers(conn, { flavorName: "mariadb", schema: "s", tables: ["big"], exclude: [] });
  expect(found.map(describeBlocker)).toEqual([
    "connection 7 (app@10.0.0.5:5123, transaction open 42s, idle 40s)",
    "connection 3 (migrator@bastion:1, transaction open 1s, running for 1s: ALTER TABLE big ...)",
  ]);
});

test("the tables a DDL statement names", () => {
  expect(statementTables("ALTER TABLE `s`.`big` ADD COLUMN c int")).toEqual(["big"]);
  expect(statementTables("CREATE TABLE IF NOT EXISTS t2 (id int)")).toEqual(["t2"]);
  expect(statementTables("CREATE UNIQUE INDEX i ON big (v)")).toEqual(["big"]);
  expect(statementTables("DROP TABLE IF EXISTS a, b")).toEqual(["a", "b"]);
  expect(statementTables("RENAME TABLE a TO b, c TO d")).toEqual(["a", "b", "c", "d"]);
  expect(statementTables("UPDATE big SET v = 1")).toEqual([]);
  expect(statementTables("ALTER TABLE `unterminated")).toEqual([]);
});
