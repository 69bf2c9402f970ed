import { describe, expect, test } from "bun:test";
import { toByteString, trimLeftSpace, trimSpace } from "../../src/migrate/bytestring.ts";
import { Cursor } from "../../src/mysql/cursor.ts";
import { tokenize } from "../../src/mysql/lexer.ts";

/** Whether the first word of `sql` is the keyword, as the parsers ask it. */
const isKeyword = (sql: string, keyword: string) => new Cursor(tokenize(sql)).isWord(keyword);

describe("keyword matching", () => {
  test.each([
    ["table", "TABLE", true],
    ["TaBlE", "TABLE", true],
    ["TABLE", "TABLE", true],
    ["tabl", "TABLE", false],
    ["tables", "TABLE", false],
    ["tablf", "TABLE", false],
    ["max_rows", "MAX_ROWS", true],
    ["utf8mb4", "UTF8MB4", true],
    // Non-ASCII letters fold as String.prototype.toUpperCase folds them (ſ → S, ß → SS).
    ["ſet", "SET", true],
    ["straße", "STRASSE", true],
    ["ßet", "SET", false],
    ["tablé", "TABLE", false],
  ] as const)("%s is %s: %p", (word, keyword, same) => {
    expect(isKeyword(word, keyword)).toBe(same);
    expect(isKeyword(word, keyword)).toBe(word.toUpperCase() === keyword);
  });
});

describe("trimming Go white space off a byte string", () => {
  test.each([
    ["  \t\n\v\f\r x y \r\n", "x y"],
    ["x", "x"],
    ["", ""],
    [" \u00a0x\u00a0 ", "x"],
    ["\u3000x\u2028", "x"],
    ["\u00e9 ", "\u00e9"],
  ])("%j", (text, trimmed) => {
    const bytes = toByteString(text);
    expect(trimSpace(bytes)).toBe(toByteString(trimmed));
    expect(trimLeftSpace(bytes)).toBe(toByteString(text.replace(/^[\s\u0085]+/u, "")));
  });
});
