import { describe, expect, test } from "bun:test";
import {
  addDirective,
  checkpointTag,
  DirectiveError,
  effectiveTxMode,
  fileComments,
  fileDelimiter,
  fileDirectives,
  fileTxMode,
  isSumIgnored,
  nolintOf,
  stmtDirectives,
  type TxMode,
} from "../../src/migrate/dir/directives.ts";
import { splitStatements } from "../../src/migrate/split.ts";

const header: { name: string; text: string; comments: string[] }[] = [
  {
    name: "header followed by a blank line",
    text: "-- atlas:txmode none\n# two\n\nSELECT 1;",
    comments: ["-- atlas:txmode none", "# two"],
  },
  {
    name: "blank line with spaces and tabs",
    text: "-- atlas:txmode none\n \t\nSELECT 1;",
    comments: ["-- atlas:txmode none"],
  },
  { name: "header attached to the first statement", text: "-- atlas:txmode none\nSELECT 1;", comments: [] },
  { name: "CRLF file fails the blank-line test", text: "-- atlas:txmode none\r\n\r\nSELECT 1;", comments: [] },
  {
    name: "comments-only file without final newline",
    text: "-- atlas:checkpoint\n-- more",
    comments: ["-- atlas:checkpoint", "-- more"],
  },
  { name: "comments-only file with final newline", text: "-- atlas:nolint\n", comments: ["-- atlas:nolint"] },
  { name: "an indented comment is not a header", text: " -- atlas:txmode none\n\nSELECT 1;", comments: [] },
  { name: "block comments are not header lines", text: "/* atlas:txmode none */\n\nSELECT 1;", comments: [] },
];

describe("fileComments", () => {
  test.each(header)("$name", (c) => expect(fileComments(c.text)).toEqual(c.comments));
});

describe("fileDirectives", () => {
  test("any prefix before atlas: counts; arguments are the rest of the line", () => {
    expect(fileDirectives("# atlas:nolint DS103 MF101\n--atlas:nolint\n\nDROP TABLE t;", "nolint")).toEqual([
      "DS103 MF101",
      "",
    ]);
  });
  test("other names do not match", () => {
    expect(fileDirectives("-- atlas:nolint\n\nSELECT 1;", "txmode")).toEqual([]);
  });
});

const txModes: { name: string; text: string; mode?: "file" | "none"; error?: string }[] = [
  { name: "none", text: "-- atlas:txmode none\n\nSELECT 1;", mode: "none" },
  { name: "file", text: "-- atlas:txmode file\n\nSELECT 1;", mode: "file" },
  { name: "absent", text: "SELECT 1;" },
  { name: "not a file directive without the blank line", text: "-- atlas:txmode none\nSELECT 1;" },
  {
    name: "all",
    text: "-- atlas:txmode all\n\n",
    error: 'txmode "all" is not allowed in file directive "1_a.sql". Use "file" instead',
  },
  {
    name: "unknown",
    text: "-- atlas:txmode statement\n\n",
    error: 'unknown txmode "statement" found in file directive "1_a.sql"',
  },
  { name: "missing value", text: "-- atlas:txmode\n\n", error: 'unknown txmode "" found in file directive "1_a.sql"' },
  {
    name: "several",
    text: "-- atlas:txmode none\n-- atlas:txmode file\n\n",
    error: 'multiple txmode values found in file "1_a.sql": ["none" "file"]',
  },
];

describe("fileTxMode", () => {
  test.each(txModes)("$name", (c) => {
    if (c.error === undefined) {
      expect(fileTxMode("1_a.sql", c.text)).toBe(c.mode);
      return;
    }
    expect(() => fileTxMode("1_a.sql", c.text)).toThrow(new DirectiveError("1_a.sql", c.error));
  });
});

const effective: { global: TxMode; text: string; want?: TxMode; error?: string }[] = [
  { global: "file", text: "-- atlas:txmode none\n\n", want: "none" },
  { global: "none", text: "-- atlas:txmode file\n\n", want: "file" },
  { global: "all", text: "SELECT 1;", want: "all" },
  {
    global: "all",
    text: "-- atlas:txmode none\n\n",
    error: 'cannot set txmode directive to "none" in "1_a.sql" when txmode "all" is set globally',
  },
];

describe("effectiveTxMode", () => {
  test.each(effective)("global $global", (c) => {
    if (c.error === undefined) expect(effectiveTxMode(c.global, "1_a.sql", c.text)).toBe(c.want as TxMode);
    else expect(() => effectiveTxMode(c.global, "1_a.sql", c.text)).toThrow(c.error);
  });
});

const stmtCases: { name: string; sql: string; want: string[] }[] = [
  { name: "-- prefix", sql: "-- atlas:nolint DS103\nDROP TABLE t;", want: ["DS103"] },
  { name: "--prefix without space", sql: "--atlas:nolint\nDROP TABLE t;", want: [""] },
  { name: "# prefix", sql: "# atlas:nolint\nDROP TABLE t;", want: [] },
  { name: "#prefix", sql: "#atlas:nolint\nDROP TABLE t;", want: [""] },
  { name: "/* prefix exactly", sql: "/*atlas:nolint DS103*/\nDROP TABLE t;", want: ["DS103"] },
  { name: "/* with a space is not a directive", sql: "/* atlas:nolint */\nDROP TABLE t;", want: [] },
  { name: "detached comment", sql: "-- atlas:nolint\n\nDROP TABLE t;", want: [] },
];

describe("stmtDirectives", () => {
  test.each(stmtCases)("$name", (c) => {
    const [stmt] = splitStatements(c.sql);
    expect(stmt && stmtDirectives(stmt, "nolint")).toEqual(c.want);
  });
});

describe("other directives", () => {
  test("nolintOf", () => {
    expect(nolintOf(["DS103 MF101"])).toEqual({ all: false, names: ["DS103", "MF101"] });
    expect(nolintOf(["", "DS103"])).toEqual({ all: true, names: ["DS103"] });
    expect(nolintOf([])).toEqual({ all: false, names: [] });
  });
  test("checkpointTag", () => {
    expect(checkpointTag("-- atlas:checkpoint v1\n\nCREATE TABLE t (a int);")).toBe("v1");
    expect(checkpointTag("-- atlas:checkpoint\n\nCREATE TABLE t (a int);")).toBe("");
    expect(checkpointTag("CREATE TABLE t (a int);")).toBeUndefined();
  });
  test("isSumIgnored", () => {
    expect(isSumIgnored("-- atlas:sum ignore\nSELECT 1;")).toBe(true);
    expect(isSumIgnored(new TextEncoder().encode("atlas:sum ignore"))).toBe(true);
    expect(isSumIgnored("-- atlas:sum ignore please\n")).toBe(false);
    expect(isSumIgnored("SELECT 1;\n-- atlas:sum ignore\n")).toBe(false);
  });
  test("fileDelimiter", () => {
    expect(fileDelimiter("-- atlas:delimiter \\n---\\n\n\nSELECT 1\n---\n")).toBe("\n---\n");
    expect(fileDelimiter("-- atlas:delimiter //\nSELECT 1//")).toBe("//");
    expect(fileDelimiter("--atlas:delimiter //\nSELECT 1//")).toBeUndefined();
    expect(fileDelimiter("SELECT 1;\n-- atlas:delimiter //\n")).toBeUndefined();
  });
  test("addDirective", () => {
    expect(addDirective("CREATE TABLE t (a int);\n", "checkpoint", ["v1"])).toBe(
      "-- atlas:checkpoint v1\n\nCREATE TABLE t (a int);\n",
    );
    expect(addDirective("-- atlas:nolint\n\nDROP TABLE t;\n", "checkpoint")).toBe(
      "-- atlas:checkpoint\n-- atlas:nolint\n\nDROP TABLE t;\n",
    );
  });
});
