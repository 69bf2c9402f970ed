/**
 * The cost rules checked against MariaDB: each ALTER of cost-cases.ts runs with the algorithm the rules expect forced
 * (it must succeed), with the next cheaper one forced (the server must refuse: pinning stops a dearer plan), and with
 * the pin clause stats-db would append (the server must accept it).
 */
import { describe, expect, test } from "bun:test";
import type { Connection } from "mysql2/promise";
import { ALGORITHMS, pinClause, pinStatement, statementCost } from "../../src/mysql/cost.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { parse } from "../../src/mysql/parse.ts";
import { findTable } from "../../src/schema/model.ts";
import { withTestDatabase } from "../support/mariadb.ts";
import { replay } from "./parse-helpers.ts";
import { BASE, CASES } from "./cost-cases.ts";

async function fresh(conn: Connection): Promise<void> {
  await conn.query("DROP TABLE IF EXISTS t, p");
  for (const sql of BASE) await conn.query(sql);
  await conn.query("INSERT INTO p VALUES (0), (1)");
  await conn.query("INSERT INTO t (id, a, b, c, d, e) VALUES (1, 1, 'b', 'x', 0, 'text')");
}

async function runs(conn: Connection, sql: string): Promise<boolean> {
  await fresh(conn);
  try {
    await conn.query(sql);
    return true;
  } catch {
    return false;
  }
}

describe("cost rules on MariaDB", () => {
  test("each case: the expected algorithm runs, a cheaper one is refused, the pin clause is accepted", async () => {
    await withTestDatabase(async ({ conn }) => {
      const schema = replay(BASE, mariadb);
      const wrong: string[] = [];
      for (const c of CASES) {
        const [algorithm, lock] = c.mariadb;
        const forced = (clause: string) => pinStatement(c.sql, clause)!;
        if (!(await runs(conn, forced(`ALGORITHM=${algorithm}`)))) wrong.push(`${c.sql}: ${algorithm} refused`);
        const cheaper = ALGORITHMS[ALGORITHMS.indexOf(algorithm) - 1];
        if (cheaper && (await runs(conn, forced(`ALGORITHM=${cheaper}`)))) wrong.push(`${c.sql}: ${cheaper} runs`);
        if (
          algorithm !== "COPY" &&
          (await runs(conn, forced(`ALGORITHM=${algorithm}, LOCK=NONE`))) !== (lock === "NONE")
        )
          wrong.push(`${c.sql}: LOCK=NONE ${lock === "NONE" ? "refused" : "accepted"}`);
        const [change] = parse(c.sql, { flavor: mariadb, schema });
        if (change?.kind !== "ModifyTable") throw new Error(c.sql);
        const clause = pinClause(statementCost(findTable(schema, "t")!, change.changes, mariadb)!, mariadb);
        if (clause && !(await runs(conn, forced(clause)))) wrong.push(`${c.sql}: pin ${clause} refused`);
      }
      expect(wrong).toEqual([]);
    });
  }, 120_000);
});
