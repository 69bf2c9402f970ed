import { describe, expect, test } from "bun:test";
import { decodeLastRune, decodeRune, isSpace, RUNE_ERROR } from "../../src/go/utf8.ts";
import { toByteString } from "../../src/migrate/bytestring.ts";

const bytes = (...b: number[]) => toByteString(new Uint8Array(b));

describe("decodeRune (utf8.DecodeRuneInString)", () => {
  const cases: [string, string, number, number][] = [
    ["ASCII", bytes(0x41), 0x41, 1],
    ["two bytes", toByteString("é"), 0xe9, 2],
    ["three bytes", toByteString("€"), 0x20ac, 3],
    ["four bytes", toByteString("😀"), 0x1f600, 4],
    ["a lone continuation byte", bytes(0x80), RUNE_ERROR, 1],
    ["an overlong encoding", bytes(0xc0, 0x80), RUNE_ERROR, 1],
    ["a surrogate", bytes(0xed, 0xa0, 0x80), RUNE_ERROR, 1],
    ["a truncated sequence", bytes(0xe2, 0x82), RUNE_ERROR, 1],
    ["past U+10FFFF", bytes(0xf4, 0x90, 0x80, 0x80), RUNE_ERROR, 1],
  ];
  for (const [name, s, r, w] of cases) test(name, () => expect(decodeRune(s, 0)).toEqual({ r, w }));
  test("does not read at or past end", () =>
    expect(decodeRune(toByteString("é"), 0, 1)).toEqual({ r: RUNE_ERROR, w: 1 }));
});

describe("decodeLastRune (utf8.DecodeLastRuneInString)", () => {
  test("the last rune and its width", () => expect(decodeLastRune(toByteString("a€"), 4)).toEqual({ r: 0x20ac, w: 3 }));
  test("a dangling continuation byte is one RuneError byte", () =>
    expect(decodeLastRune(bytes(0x61, 0x82), 2)).toEqual({ r: RUNE_ERROR, w: 1 }));
});

describe("isSpace (unicode.IsSpace)", () => {
  test("spaces", () =>
    expect([0x09, 0x0a, 0x0d, 0x20, 0x85, 0xa0, 0x1680, 0x2000, 0x2028, 0x3000].every(isSpace)).toBe(true));
  test("not spaces", () => expect([0x41, 0x00, 0x200b, 0xfeff].some(isSpace)).toBe(false));
});
