import { describe, expect, test } from "bun:test";
import { canonicalExpr } from "../../src/mysql/expr.ts";

const cases: [string, string][] = [
  ["a>0", "`a` > 0"],
  ["((`a` > 0))", "`a` > 0"],
  ["(a > 0) AND (b < 1)", "(`a` > 0) and (`b` < 1)"],
  ["CONCAT(first,' ',\"last\")", "concat(`first`, ' ', 'last')"],
  ["-1 + - b", "-1 + -`b`"],
  ["a - -1", "`a` - -1"],
  ["x IN (1,2 , 3)", "`x` in (1, 2, 3)"],
  ["x NOT IN ('a')", "`x` not in ('a')"],
  ["JSON_VALID(`j`)", "json_valid(`j`)"],
  ["CAST(a AS CHAR(10))", "cast(`a` as char(10))"],
  ["a IS NOT NULL", "`a` is not null"],
  ["NOT (a)", "not (`a`)"],
  ["date_add(d, INTERVAL 1 DAY)", "date_add(`d`, interval 1 day)"],
  ["EXTRACT(YEAR FROM d)", "extract(year from `d`)"],
  ["_utf8mb4'a' = name", "'a' = `name`"],
  ["CASE WHEN a=1 THEN 'x' ELSE NULL END", "case when `a` = 1 then 'x' else null end"],
  ["t.a + 1", "`t`.`a` + 1"],
  ["COUNT(*)", "count(*)"],
  ["j->>'$.name'", "`j` ->> '$.name'"],
  ["a like 'x\\_%'", "`a` like 'x\\\\_%'"],
  ["s = 'it''s'", "`s` = 'it''s'"],
  ["price * qty", "`price` * `qty`"],
  ["a collate utf8mb4_bin = 'x'", "`a` collate utf8mb4_bin = 'x'"],
  ["current_timestamp", "current_timestamp"],
  ["b'101' | 0x0F", "b'101' | 0x0f"],
];

describe("canonicalExpr", () => {
  for (const [input, want] of cases) test(`${input} → ${want}`, () => expect(canonicalExpr(input)).toBe(want));
  test("idempotent", () => {
    for (const [input] of cases) {
      const once = canonicalExpr(input);
      expect(canonicalExpr(once)).toBe(once);
    }
  });
  test("formatting does not matter", () => {
    expect(canonicalExpr("A+B  *  (C)")).toBe(canonicalExpr("`A` + `B` * (`C`)"));
  });
});
