import { describe, expect, test } from "bun:test";
import { normalizeType, UnknownTypeError } from "../../src/mysql/types.ts";

const cases: [string, string][] = [
  ["INT(11)", "int"],
  ["integer", "int"],
  ["int(10) unsigned", "int unsigned"],
  ["INT UNSIGNED ZEROFILL", "int unsigned zerofill"],
  ["int zerofill", "int unsigned zerofill"],
  ["bigint(20) signed", "bigint"],
  ["int8", "bigint"],
  ["middleint", "mediumint"],
  ["tinyint(1)", "bool"],
  ["tinyint(1) unsigned", "tinyint(1) unsigned"],
  ["tinyint(4)", "tinyint"],
  ["tinyint(3) unsigned", "tinyint unsigned"],
  ["tinyint(2)", "tinyint(2)"],
  ["int(10)", "int(10)"],
  ["int(10) unsigned", "int unsigned"],
  ["INT(11)", "int"],
  ["bigint(20) unsigned", "bigint unsigned"],
  ["smallint(5) zerofill", "smallint unsigned zerofill"],
  ["mediumint(3) zerofill", "mediumint(3) unsigned zerofill"],
  ["BOOLEAN", "bool"],
  ["bool", "bool"],
  ["decimal", "decimal(10,0)"],
  ["decimal(8)", "decimal(8,0)"],
  ["NUMERIC(8,2)", "decimal(8,2)"],
  ["dec(5,1) unsigned", "decimal(5,1) unsigned"],
  ["fixed(4,2)", "decimal(4,2)"],
  ["float", "float"],
  ["float(10)", "float"],
  ["float(25)", "double"],
  ["float(7,3)", "float(7,3)"],
  ["real", "double"],
  ["double precision", "double"],
  ["double(10,2)", "double(10,2)"],
  ["bit", "bit(1)"],
  ["bit(8)", "bit(8)"],
  ["char", "char(1)"],
  ["character(3)", "char(3)"],
  ["national char(2)", "char(2)"],
  ["nchar", "char(1)"],
  ["varchar(255)", "varchar(255)"],
  ["character varying(9)", "varchar(9)"],
  ["nvarchar(4)", "varchar(4)"],
  ["binary", "binary(1)"],
  ["varbinary(16)", "varbinary(16)"],
  ["TEXT", "text"],
  ["longtext", "longtext"],
  ["blob", "blob"],
  ["MEDIUMBLOB", "mediumblob"],
  ["date", "date"],
  ["time(0)", "time"],
  ["time(3)", "time(3)"],
  ["datetime(6)", "datetime(6)"],
  ["timestamp", "timestamp"],
  ["year(4)", "year"],
  ["json", "json"],
  ["POINT", "point"],
  ["geomcollection", "geometrycollection"],
  ["enum('a', \"b\")", "enum('a','b')"],
  ["SET('x','it''s')", "set('x','it''s')"],
  ["enum('back\\\\slash')", "enum('back\\\\slash')"],
];

describe("normalizeType", () => {
  for (const [input, want] of cases) test(`${input} → ${want}`, () => expect(normalizeType(input)).toBe(want));
  test("idempotent on every canonical output", () => {
    for (const [, want] of cases) expect(normalizeType(want)).toBe(want);
  });
  test("unknown types are an error", () => expect(() => normalizeType("wibble")).toThrow(UnknownTypeError));
  test("varchar needs a length", () => expect(() => normalizeType("varchar")).toThrow(UnknownTypeError));
});
