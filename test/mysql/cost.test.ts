/** The cost of each kind of ALTER per flavour, the pin clause each server accepts, and the texts pinning and pt-osc send. */
import { describe, expect, test } from "bun:test";
import { alterBody, pinClause, pinStatement, statementCost } from "../../src/mysql/cost.ts";
import { type Flavor, mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { parse } from "../../src/mysql/parse.ts";
import { findTable } from "../../src/schema/model.ts";
import { replay } from "./parse-helpers.ts";
import { BASE, CASES } from "./cost-cases.ts";

function costOf(sql: string, flavor: Flavor) {
  const schema = replay(BASE, flavor);
  const [c] = parse(sql, { flavor, schema });
  if (c?.kind !== "ModifyTable") throw new Error(`not an ALTER: ${sql}`);
  return statementCost(findTable(schema, c.table)!, c.changes, flavor)!;
}

describe("statement cost", () => {
  for (const flavor of [mariadb, mysql8])
    test.each(CASES.map((c) => [c.sql, c[flavor.name]] as const))(`${flavor.name}: %s`, (sql, [algorithm, lock]) => {
      const cost = costOf(sql, flavor);
      expect(cost.algorithm).toBe(algorithm);
      expect(cost.blocksWriters).toBe(lock === "SHARED");
      expect(cost.rebuild).toBe(algorithm === "INPLACE" || algorithm === "COPY");
    });

  test("the dearest change decides a statement of several", () => {
    const cost = costOf("ALTER TABLE t ADD COLUMN z int, MODIFY a bigint", mariadb);
    expect(cost.algorithm).toBe("COPY");
    expect(cost.changes.map((c) => c.algorithm)).toEqual(["INSTANT", "COPY"]);
  });
});

describe("pin clause", () => {
  const pin = (sql: string, flavor: Flavor) => pinClause(costOf(sql, flavor), flavor);

  test("INSTANT takes no LOCK clause (MySQL refuses LOCK=NONE beside it)", () => {
    expect(pin("ALTER TABLE t ADD COLUMN z int", mysql8)).toBe("ALGORITHM=INSTANT");
    expect(pin("ALTER TABLE t ADD COLUMN z int", mariadb)).toBe("ALGORITHM=INSTANT");
  });

  test("in place without rebuild is NOCOPY on MariaDB, INPLACE on MySQL (which has no NOCOPY)", () => {
    expect(pin("ALTER TABLE t ADD INDEX kb (b)", mariadb)).toBe("ALGORITHM=NOCOPY, LOCK=NONE");
    expect(pin("ALTER TABLE t ADD INDEX kb (b)", mysql8)).toBe("ALGORITHM=INPLACE, LOCK=NONE");
  });

  test("a rebuild that allows writers is pinned with LOCK=NONE; one that does not, by its algorithm only", () => {
    expect(pin("ALTER TABLE t MODIFY a int NOT NULL", mariadb)).toBe("ALGORITHM=INPLACE, LOCK=NONE");
    expect(pin("ALTER TABLE t ADD FULLTEXT INDEX fe (e)", mariadb)).toBe("ALGORITHM=INPLACE");
  });

  test("a copy is not pinned", () => {
    expect(pin("ALTER TABLE t MODIFY a bigint", mariadb)).toBeUndefined();
  });
});

describe("pinStatement", () => {
  test("appends after the last token, dropping the `;` and trailing comments", () => {
    expect(pinStatement("ALTER TABLE `t`\n  ADD COLUMN `x` int -- note\n;", "ALGORITHM=INSTANT")).toBe(
      "ALTER TABLE `t`\n  ADD COLUMN `x` int, ALGORITHM=INSTANT",
    );
  });

  test("CREATE INDEX takes the options space-separated", () => {
    expect(pinStatement("CREATE INDEX i ON t (a);", "ALGORITHM=NOCOPY, LOCK=NONE")).toBe(
      "CREATE INDEX i ON t (a) ALGORITHM=NOCOPY LOCK=NONE",
    );
  });

  test("a statement that says ALGORITHM or LOCK itself keeps its words", () => {
    expect(pinStatement("ALTER TABLE t ADD x int, ALGORITHM=COPY;", "ALGORITHM=INSTANT")).toBeUndefined();
    expect(pinStatement("ALTER TABLE t ADD x int, LOCK=SHARED;", "ALGORITHM=INSTANT")).toBeUndefined();
  });

  test("other statements are not pinned", () => {
    expect(pinStatement("CREATE TABLE x (a int);", "ALGORITHM=INSTANT")).toBeUndefined();
  });
});

describe("alterBody", () => {
  test("splits table and clauses; a qualified name gives the schema", () => {
    expect(alterBody("ALTER TABLE `db`.`t` ADD COLUMN x int, DROP y -- hi\n;")).toEqual({
      schema: "db",
      table: "t",
      clauses: "ADD COLUMN x int, DROP y",
    });
    expect(alterBody("alter online table t engine=InnoDB;")).toEqual({ table: "t", clauses: "engine=InnoDB" });
    expect(alterBody("CREATE INDEX i ON t (a)")).toBeUndefined();
  });
});
