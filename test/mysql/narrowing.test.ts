import { describe, expect, test } from "bun:test";
import { lossCondition } from "../../src/mysql/queries/narrowing.ts";
import type { Column } from "../../src/schema/model.ts";

const c = (type: string, nullable = true): Column => ({ name: "c", type, nullable });

describe("lossCondition: the rows a column change would lose", () => {
  test.each([
    ["varchar(255)", "varchar(50)", "CHAR_LENGTH(`c`) > 50"],
    ["text", "varchar(20)", "CHAR_LENGTH(`c`) > 20"],
    ["varchar(100)", "tinytext", "LENGTH(`c`) > 255"],
    ["blob", "varbinary(16)", "LENGTH(`c`) > 16"],
    ["bigint", "int", "`c` < -2147483648 OR `c` > 2147483647"],
    ["int", "int unsigned", "`c` < 0 OR `c` > 4294967295"],
    ["decimal(10,2)", "int", "`c` < -2147483648 OR `c` > 2147483647 OR `c` <> FLOOR(`c`)"],
    ["decimal(12,4)", "decimal(6,2)", "ABS(`c`) >= 10000 OR `c` <> ROUND(`c`, 2)"],
    ["bigint", "decimal(5,0)", "ABS(`c`) >= 100000"],
    ["enum('a','b','c')", "enum('a','b')", "`c` NOT IN ('a', 'b')"],
    ["varchar(10)", "enum('x')", "`c` NOT IN ('x')"],
    ["set('a','b','c')", "set('a')", "FIND_IN_SET('b', `c`) > 0 OR FIND_IN_SET('c', `c`) > 0"],
    ["datetime(6)", "datetime(3)", "MICROSECOND(`c`) % 1000 <> 0"],
  ])("%s → %s", (from, to, where) => {
    expect(lossCondition(c(from), c(to))).toEqual({ where, exact: true });
  });

  test.each([
    ["varchar(50)", "varchar(255)"],
    ["varchar(50)", "text"],
    ["tinytext", "varchar(255)"],
    ["int", "bigint"],
    ["tinyint unsigned", "smallint"],
    ["int", "decimal(12,0)"],
    ["decimal(6,2)", "decimal(12,4)"],
    ["enum('a')", "enum('a','b')"],
    ["set('a')", "set('a','b')"],
    ["float", "double"],
    ["datetime", "datetime(6)"],
    ["json", "json"],
  ])("%s → %s: every value fits", (from, to) => {
    expect(lossCondition(c(from), c(to))).toBeUndefined();
  });

  test("types that cannot be compared: any non-NULL value; NOT NULL adds the NULLs", () => {
    expect(lossCondition(c("varchar(10)"), c("int"))).toEqual({ where: "`c` IS NOT NULL", exact: false });
    expect(lossCondition(c("int"), c("int", false))).toEqual({ where: "`c` IS NULL", exact: true });
    expect(lossCondition(c("varchar(9)"), c("varchar(5)", false))).toEqual({
      where: "CHAR_LENGTH(`c`) > 5 OR `c` IS NULL",
      exact: true,
    });
  });
});
