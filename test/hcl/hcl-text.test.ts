import { describe, expect, test } from "bun:test";
import { hclString, isRefIdent, refText, sqlCall } from "../../src/hcl/hcl-text.ts";

describe("hclString (hclwrite escaping)", () => {
  const cases: [string, string][] = [
    ["plain", '"plain"'],
    ['a "q" \\ b', '"a \\"q\\" \\\\ b"'],
    ["line\nnext\r\ttab", '"line\\nnext\\r\\ttab"'],
    ["${var} %{if} $x %y", '"$${var} %%{if} $x %y"'],
    ["bell\x07 nul\0", '"bell\\u0007 nul\\u0000"'],
    ["ünïcode — ✓", '"ünïcode — ✓"'],
    ["nbsp\u00a0", '"nbsp\\u00a0"'],
    ["", '""'],
  ];
  for (const [input, want] of cases) test(JSON.stringify(input), () => expect(hclString(input)).toBe(want));
});

describe("sqlCall", () => {
  test("sqlCall wraps in sql()", () => expect(sqlCall("b'1'")).toBe(`sql("b'1'")`));
});

describe("references", () => {
  const cases: [string, boolean][] = [
    ["id", true],
    ["_x", true],
    ["a-b", true],
    ["a b", false],
    ["1x", false],
    ["123", true],
    ["é", true],
    ["", false],
  ];
  for (const [name, want] of cases)
    test(`isRefIdent(${JSON.stringify(name)})`, () => expect(isRefIdent(name)).toBe(want));
  test("refText quotes what is not an identifier", () => {
    expect(
      refText([
        ["table", "order items"],
        ["column", "id"],
      ]),
    ).toBe('table["order items"].column.id');
    expect(refText([["schema", "app"]])).toBe("schema.app");
  });
});
