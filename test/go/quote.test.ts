import { describe, expect, test } from "bun:test";
import { goQuote, goQuoteBytes, isPrint, unicodeEscape } from "../../src/go/quote.ts";
import { fromByteString, toByteString } from "../../src/migrate/bytestring.ts";

// Expected values are what Go's strconv.Quote (fmt's %q) prints for the same string.
const cases: [string, string][] = [
  ["users", '"users"'],
  ["CURRENT_TIMESTAMP", '"CURRENT_TIMESTAMP"'],
  ["", '""'],
  ['a"b', '"a\\"b"'],
  ["a\\b", '"a\\\\b"'],
  ['a "q" \\', '"a \\"q\\" \\\\"'],
  ["tab\there\nnew", '"tab\\there\\nnew"'],
  ["\x07\b\f\n\r\t\v", '"\\a\\b\\f\\n\\r\\t\\v"'],
  ["\x00\x01\x1f\x7f", '"\\x00\\x01\\x1f\\x7f"'],
  ["${x} %{y}", '"${x} %{y}"'],
  ["日本", '"日本"'],
  ["สถานะ", '"สถานะ"'],
  ["ünïcode — ✓ 😀", '"ünïcode — ✓ 😀"'],
  ["\u2028", '"\\u2028"'],
  ["nbsp\u00a0", '"nbsp\\u00a0"'],
  ["\u0085\u200b\ufeff", '"\\u0085\\u200b\\ufeff"'],
  ["\ue000", '"\\ue000"'],
  ["\u{e0001}", '"\\U000e0001"'],
  ["\ufffd", '"\ufffd"'],
];

describe("goQuote (Go's %q of text)", () => {
  for (const [input, want] of cases) test(JSON.stringify(input), () => expect(goQuote(input)).toBe(want));
  test("a lone surrogate quotes as the U+FFFD its UTF-8 encoding holds", () => {
    expect(goQuote("a\ud800b")).toBe('"a\ufffdb"');
    expect(goQuote("\udc00")).toBe('"\ufffd"');
  });
});

describe("goQuoteBytes (Go's %q of a byte string)", () => {
  for (const [input, want] of cases) {
    test(`agrees with goQuote: ${JSON.stringify(input)}`, () =>
      expect(fromByteString(goQuoteBytes(toByteString(input)))).toBe(want));
  }
  test("invalid UTF-8 bytes become \\xNN, valid runes stay as their bytes", () => {
    expect(goQuoteBytes(toByteString(new Uint8Array([0x61, 0xff, 0xc3, 0xa9, 0xe2, 0x82])))).toBe(
      '"a\\xffé\\xe2\\x82"'.replace("é", "\xc3\xa9"),
    );
  });
});

describe("isPrint and unicodeEscape", () => {
  test("isPrint is Go's unicode.IsPrint", () => {
    expect(["a", " ", "é", "—", "✓", "😀", "\u0301"].every(isPrint)).toBe(true);
    expect(["\t", "\u00a0", "\u2028", "\u200b", "\ue000"].some(isPrint)).toBe(false);
  });
  test("unicodeEscape uses \\u below U+10000 and \\U above", () => {
    expect(unicodeEscape(0x7)).toBe("\\u0007");
    expect(unicodeEscape(0x1f600)).toBe("\\U0001f600");
  });
});
