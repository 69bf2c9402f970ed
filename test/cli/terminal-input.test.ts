/** Key decoding of the terminal prompts, and which answers approve. */
import { describe, expect, test } from "bun:test";
import { approves } from "../../src/cli/confirm.ts";
import { decodeKeys } from "../../src/cli/terminal-input.ts";

describe("decodeKeys", () => {
  test("text, erase, enter", () => {
    expect(decodeKeys("ab\x7fc\r")).toEqual([
      { kind: "text", text: "a" },
      { kind: "text", text: "b" },
      { kind: "erase" },
      { kind: "text", text: "c" },
      { kind: "enter" },
    ]);
  });
  test("Esc, Ctrl-C and Ctrl-D cancel; arrow keys and other control characters are dropped", () => {
    expect(decodeKeys("\x1b")).toEqual([{ kind: "cancel" }]);
    expect(decodeKeys("\x03")).toEqual([{ kind: "cancel" }]);
    expect(decodeKeys("\x04")).toEqual([{ kind: "cancel" }]);
    expect(decodeKeys("\x1b[B\x1b[1;5C\x1bOA\t\n")).toEqual([{ kind: "enter" }]);
  });
});

describe("approves", () => {
  test("only y and yes approve a plan", () => {
    expect(["y", "Y", "yes", " YES "].map((a) => approves(a, undefined))).toEqual([true, true, true, true]);
    expect(["", "n", "no", "yy", "ja", undefined].map((a) => approves(a, undefined))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
  test("only the exact name approves dropping a schema", () => {
    expect(approves("site_usage", "site_usage")).toBe(true);
    expect(["y", "yes", "SITE_USAGE", "site", "", undefined].map((a) => approves(a, "site_usage"))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});
