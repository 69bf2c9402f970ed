import { describe, expect, test } from "bun:test";
import { SplitError, splitStatements } from "../../src/migrate/split.ts";

interface Case {
  name: string;
  input: string;
  texts: string[];
  pos?: number[];
  comments?: string[][];
}

const cases: Case[] = [
  {
    name: "keeps the default delimiter",
    input: "CREATE TABLE t (a int);\nDROP TABLE t;\n",
    texts: ["CREATE TABLE t (a int);", "DROP TABLE t;"],
    pos: [0, 24],
  },
  {
    name: "a ; inside a block comment does not split",
    input: "SELECT 1 /* ; */ + 1;",
    texts: ["SELECT 1 /* ; */ + 1;"],
  },
  {
    name: "a ; inside a line comment in a statement does not split",
    input: "SELECT 1 -- x;\n+ 1;",
    texts: ["SELECT 1 -- x;\n+ 1;"],
  },
  {
    name: "a leading line comment with ; is the statement's comment",
    input: "SELECT 1; -- x;\nSELECT 2;",
    texts: ["SELECT 1;", "SELECT 2;"],
    pos: [0, 16],
    comments: [[], ["-- x;\n"]],
  },
  { name: "hash comments", input: "# c;\nSELECT 1;", texts: ["SELECT 1;"], comments: [["# c;\n"]] },
  { name: "-- needs no space after it", input: "--c\nSELECT 1;", texts: ["SELECT 1;"], comments: [["--c\n"]] },
  {
    name: "a blank line detaches the comment group",
    input: "-- header\n\nSELECT 1;",
    texts: ["SELECT 1;"],
    comments: [[]],
  },
  {
    name: "a block comment group followed by a blank line is detached",
    input: "/* a */\n\nSELECT 1;",
    texts: ["SELECT 1;"],
    comments: [[]],
  },
  {
    name: "an attached comment group",
    input: "-- a\n/* b */\nSELECT 1;",
    texts: ["SELECT 1;"],
    comments: [["-- a\n", "/* b */"]],
  },
  {
    name: "a last-line comment without newline becomes a statement",
    input: "SELECT 1;\n-- trailing",
    texts: ["SELECT 1;", "-- trailing"],
  },
  { name: "trailing comments with a newline produce nothing", input: "SELECT 1;\n-- trailing\n", texts: ["SELECT 1;"] },
  { name: "backslash-escaped quote", input: "SELECT 'a\\'b;c';SELECT 2;", texts: ["SELECT 'a\\'b;c';", "SELECT 2;"] },
  {
    name: "escaped backslash before the closing quote",
    input: "SELECT '\\\\';SELECT \"\\\\\";",
    texts: ["SELECT '\\\\';", 'SELECT "\\\\";'],
  },
  { name: "doubled quote", input: "SELECT 'it''s;';", texts: ["SELECT 'it''s;';"] },
  { name: "backtick identifiers", input: "SELECT `a;b` FROM t;", texts: ["SELECT `a;b` FROM t;"] },
  {
    name: "; inside parentheses does not split",
    input: "CREATE TABLE t (a int DEFAULT (1;2));",
    texts: ["CREATE TABLE t (a int DEFAULT (1;2));"],
  },
  { name: "no final delimiter", input: "SELECT 1;\nSELECT 2", texts: ["SELECT 1;", "SELECT 2"] },
  {
    name: "byte offsets count UTF-8 bytes",
    input: "SELECT 'é';\nSELECT 2;",
    texts: ["SELECT 'é';", "SELECT 2;"],
    pos: [0, 13],
  },
  {
    name: "BEGIN … END block",
    input: "CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;\nSELECT 3;",
    texts: ["CREATE PROCEDURE p() BEGIN SELECT 1; SELECT 2; END;", "SELECT 3;"],
  },
  {
    name: "BEGIN; is a transaction, not a block",
    input: "BEGIN;\nINSERT INTO t VALUES (1);\nCOMMIT;",
    texts: ["BEGIN;", "INSERT INTO t VALUES (1);", "COMMIT;"],
  },
  {
    name: "an unterminated BEGIN block is plain text",
    input: "BEGIN WORK; SELECT 1;",
    texts: ["BEGIN WORK;", "SELECT 1;"],
  },
  {
    name: "atlas:delimiter strips the delimiter; positions skip the directive line",
    input: "-- atlas:delimiter //\n\nSELECT 1//\nSELECT 2//",
    texts: ["SELECT 1", "SELECT 2"],
    pos: [1, 12],
  },
  {
    name: "DELIMITER command, then back to ;",
    input: "DELIMITER $$\nSELECT 1$$\nDELIMITER ;\nSELECT 2;",
    texts: ["SELECT 1", "SELECT 2;"],
  },
  { name: "DELIMITER without a space is a statement", input: "DELIMITERX;", texts: ["DELIMITERX;"] },
  { name: "quoted DELIMITER argument", input: "DELIMITER 'a''b'\nSELECT 1a'b", texts: ["SELECT 1"] },
  {
    name: "nested BEGIN blocks",
    input:
      "CREATE PROCEDURE p()\nBEGIN\n  BEGIN\n    SELECT 1;\n  END;\n  IF 1 THEN SELECT 2; END IF;\nEND;\nSELECT 3;",
    texts: [
      "CREATE PROCEDURE p()\nBEGIN\n  BEGIN\n    SELECT 1;\n  END;\n  IF 1 THEN SELECT 2; END IF;\nEND;",
      "SELECT 3;",
    ],
  },
  {
    name: "BEGIN inside a word is not a block",
    input: "SELECT xBEGIN FROM t; SELECT 2;",
    texts: ["SELECT xBEGIN FROM t;", "SELECT 2;"],
  },
  { name: "a byte-order mark is not space (as in Go)", input: "\uFEFFSELECT 1;", texts: ["\uFEFFSELECT 1;"] },
  {
    name: "Unicode spaces are trimmed (Go's unicode.IsSpace)",
    input: "\u00A0\u2003SELECT 1;\u3000",
    texts: ["SELECT 1;"],
    pos: [5],
  },
  { name: "empty input", input: "", texts: [] },
  { name: "only spaces and comments", input: "  \n-- x\n/* y */\n", texts: [] },
];

describe("splitStatements", () => {
  test.each(cases)("$name", (c) => {
    const stmts = splitStatements(c.input);
    expect(stmts.map((s) => s.text)).toEqual(c.texts);
    if (c.pos) expect(stmts.map((s) => s.pos)).toEqual(c.pos);
    if (c.comments) expect(stmts.map((s) => [...s.comments])).toEqual(c.comments);
  });
});

const errors: { name: string; input: string; message: string; line?: number; col?: number }[] = [
  { name: "unclosed paren", input: "CREATE TABLE t (a int;", message: "1:16: unclosed '('", line: 1, col: 16 },
  {
    name: "unclosed paren on a later line",
    input: "SELECT 1;\n  SELECT (\n1",
    message: "2:10: unclosed '('",
    line: 2,
    col: 10,
  },
  { name: "unexpected )", input: "SELECT 1);", message: "1:9: unexpected ')'", line: 1, col: 9 },
  {
    name: "unclosed single quote",
    input: "SELECT 1;\nSELECT 'abc",
    message: "2:8: unclosed quote '\\''",
    line: 2,
    col: 8,
  },
  { name: "unclosed double quote", input: 'SELECT "x', message: "1:8: unclosed quote '\"'", line: 1, col: 8 },
  { name: "unclosed backtick", input: "SELECT `x", message: "1:8: unclosed quote '`'", line: 1, col: 8 },
  {
    name: "escaped closing quote leaves it open",
    input: "SELECT 'a\\'",
    message: "1:8: unclosed quote '\\''",
    line: 1,
    col: 8,
  },
  {
    name: "unclosed quote inside a BEGIN block is reported at the outer scan",
    input: "CREATE PROCEDURE p() BEGIN SELECT 'x; END;",
    message: "1:35: unclosed quote '\\''",
    line: 1,
    col: 35,
  },
  { name: "column counts bytes", input: "SELECT 'é', (", message: "1:14: unclosed '('", line: 1, col: 14 },
  {
    name: "atlas:delimiter with nothing after it",
    input: "-- atlas:delimiter //",
    message: '1:0: no input found after delimiter "//"',
    line: 1,
    col: 0,
  },
  { name: "empty atlas:delimiter", input: "-- atlas:delimiter\nSELECT 1;", message: "empty delimiter" },
  { name: "empty DELIMITER command", input: "DELIMITER \nSELECT 1;", message: "empty delimiter" },
];

describe("splitStatements on raw bytes", () => {
  test("invalid UTF-8 is scanned byte by byte like Go", () => {
    const bytes = new Uint8Array([0x53, 0x45, 0x4c, 0x20, 0xff, 0x3b, 0x0a, 0x53, 0x3b]);
    const stmts = splitStatements(bytes);
    expect(stmts.map((s) => s.pos)).toEqual([0, 7]);
    expect(stmts.map((s) => s.text)).toEqual(["SEL \uFFFD;", "S;"]);
  });
});

describe("splitStatements errors", () => {
  test.each(errors)("$name", (c) => {
    let error: unknown;
    try {
      splitStatements(c.input);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SplitError);
    const e = error as SplitError;
    expect(e.message).toBe(c.message);
    expect(e.line).toBe(c.line);
    expect(e.col).toBe(c.col);
  });
});
