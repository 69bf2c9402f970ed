import { describe, expect, test } from "bun:test";
import { hclType, parseSqlValues, type HclType } from "../../src/hcl/column-type.ts";
import { numberLiteral, plainNumber } from "../../src/hcl/column-default.ts";

describe("hclType", () => {
  const cases: [string, HclType][] = [
    ["int", { type: "int" }],
    ["bigint unsigned", { type: "bigint", unsigned: true }],
    ["tinyint unsigned zerofill", { type: "tinyint", unsigned: true }],
    ["bool", { type: "bool" }],
    ["decimal(10,2)", { type: "decimal(10,2)", unsigned: false }],
    ["decimal(10,0) unsigned", { type: "decimal(10)", unsigned: true }],
    ["float", { type: "float" }],
    ["double unsigned", { type: "double", unsigned: true }],
    ["double(10,4)", { type: "double(10)", unsigned: false }],
    ["varchar(255)", { type: "varchar(255)" }],
    ["bit(1)", { type: "bit(1)" }],
    ["timestamp(3)", { type: "timestamp(3)" }],
    ["timestamp", { type: "timestamp" }],
    ["year", { type: "year" }],
    ["enum('a','b')", { type: 'enum("a","b")' }],
    ["set('x,y','it''s')", { type: 'set("x,y","it\'s")' }],
    ["inet6", { type: "inet6" }],
    ["uuid", { type: 'sql("uuid")' }],
    ["enum('broken", { type: `sql("enum('broken")` }],
  ];
  for (const [input, want] of cases) test(input, () => expect(hclType(input)).toEqual(want));
});

describe("parseSqlValues", () => {
  const cases: [string, string[] | undefined][] = [
    ["'a','b'", ["a", "b"]],
    ["'it''s','back\\\\slash','nl\\n'", ["it's", "back\\slash", "nl\n"]],
    ["''", [""]],
    ["'a',", undefined],
    ["a", undefined],
    ["'a'x", undefined],
  ];
  for (const [input, want] of cases) test(input, () => expect(parseSqlValues(input)).toEqual(want));
});

describe("numeric default text", () => {
  const cases: [string, string | undefined][] = [
    ["007", "7"],
    ["-5", "-5"],
    ["+3", "3"],
    ["1.50", "1.5"],
    ["0.00", "0"],
    ["18446744073709551615", "18446744073709551615"],
    ["1e-7", "0.0000001"],
    ["1.5e21", "1500000000000000000000"],
    ["abc", undefined],
  ];
  for (const [input, want] of cases) test(input, () => expect(numberLiteral(input)).toBe(want));
  test("plainNumber never uses an exponent", () => expect(plainNumber(1.25e-10)).toBe("0.000000000125"));
});
