import { describe, expect, test } from "bun:test";
import { collectionKind } from "../../src/hcl/collections.ts";
import { evaluate, newScope, type Value } from "../../src/hcl/eval.ts";
import { HclError } from "../../src/hcl/errors.ts";
import { parseExpression } from "../../src/hcl/parser.ts";

function value(src: string): Value {
  const scope = newScope({
    file: "f.hcl",
    vars: new Map(),
    locals: new Map(),
    data: new Map(),
    getenv: () => undefined,
  });
  return evaluate(parseExpression(src, "f.hcl", { line: 1, col: 1 }), scope);
}

describe("Atlas's standard functions in atlas.hcl", () => {
  const cases: [string, Value][] = [
    ['toset(["b", "a", "b"])', ["a", "b"]],
    ["toset([10, 9, 10])", [9, 10]],
    ['toset(["a", 1])', ["1", "a"]],
    ['tolist(["b", "a"])', ["b", "a"]],
    ['concat(["a"], ["b", "c"])', ["a", "b", "c"]],
    ['urlsetpath("mysql://u:p@h:3306/old?x=1", "db_a")', "mysql://u:p@h:3306/db_a?x=1"],
    ['urlsetpath("mysql://h:3306", "/db a")', "mysql://h:3306/db%20a"],
    ['urlqueryset("mysql://h/db?a=1#f", "tls", "true")', "mysql://h/db?a=1&tls=true#f"],
    ['urlescape("a b&c")', "a+b%26c"],
  ];
  for (const [src, want] of cases) test(src, () => expect(value(src)).toEqual(want));

  test("toset makes a set, tolist a list, a literal stays a tuple (what for_each accepts depends on it)", () => {
    expect(collectionKind(value('toset(["a"])') as Value[])).toBe("set");
    expect(collectionKind(value('tolist(["a"])') as Value[])).toBe("list");
    expect(collectionKind(value('["a"]') as Value[])).toBe("tuple");
  });

  const errors: [string, string][] = [
    ['toset("a")', "f.hcl:1:1: toset: cannot convert string to a collection"],
    ['toset([["a"]])', "f.hcl:1:1: toset: only strings, numbers and bools are supported as elements"],
    ['urlsetpath("not a url", "x")', "f.hcl:1:1: urlsetpath: not a URL with a scheme and a host"],
    ['urlsetpath("mysql://h")', "f.hcl:1:1: urlsetpath takes 2 string arguments"],
    ['nosuch("x")', 'f.hcl:1:1: unknown function "nosuch"'],
  ];
  for (const [src, message] of errors)
    test(`refused: ${src}`, () => {
      expect(() => value(src)).toThrow(HclError);
      expect(() => value(src)).toThrow(message);
    });
});
