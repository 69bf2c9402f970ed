import { describe, expect, test } from "bun:test";
import { HclError } from "../../src/hcl/errors.ts";
import { evaluate, newScope, type Value } from "../../src/hcl/eval.ts";
import { parseHcl } from "../../src/hcl/parser.ts";

const env: Record<string, string> = { HOME: "/home/u", EMPTY: "" };

/** Parses `x = <expr>` (plus optional leading declarations) and evaluates x with var.v = "V", local.l, data.t.n. */
function value(src: string): Value {
  const body = parseHcl(src, "t.hcl");
  const x = body.attrs.find((a) => a.name === "x")!;
  const locals = new Map(
    body.blocks.filter((b) => b.type === "locals").flatMap((b) => b.body.attrs.map((a) => [a.name, a] as const)),
  );
  const data = new Map(
    body.blocks.filter((b) => b.type === "data").map((b) => [`${b.labels[0]}.${b.labels[1]}`, b] as const),
  );
  const vars = new Map<string, Value>([
    ["v", "V"],
    ["list", ["a", "b"]],
    ["obj", { k: 1 }],
  ]);
  return evaluate(x.expr, newScope({ file: "t.hcl", vars, locals, data, getenv: (n) => env[n], envName: "dev" }));
}

describe("expressions", () => {
  const cases: [string, string, Value][] = [
    ["string", 'x = "hi"', "hi"],
    ["escapes", 'x = "a\\"b\\\\c\\n\\t\\u00e9"', 'a"b\\c\n\té'],
    ["escaped template introducers", 'x = "$${a} %%{b}"', "${a} %{b}"],
    ["integer", "x = 42", 42],
    ["negative float", "x = -1.5", -1.5],
    ["bools and null", "x = [true, false, null]", [true, false, null]],
    ["list across lines with trailing comma", 'x = [\n  "a",\n  "b",\n]', ["a", "b"]],
    ["object with = and :", 'x = { a = 1, "b c": "d"\n e = [] }', { a: 1, "b c": "d", e: [] }],
    ["var", "x = var.v", "V"],
    ["var index", "x = var.list[1]", "b"],
    ["var object attr", "x = var.obj.k", 1],
    ["interpolation", 'x = "pre-${var.v}-${42}-post"', "pre-V-42-post"],
    ["single interpolation keeps the value", 'x = "${var.list}"', ["a", "b"]],
    ["nested string in interpolation", 'x = "a${getenv("HOME")}b"', "a/home/ub"],
    ["getenv unset is empty", 'x = getenv("NOPE")', ""],
    ["local referring to a later local", 'locals {\n a = "${local.b}!"\n b = var.v\n}\nx = local.a', "V!"],
    [
      "data reference",
      'data "external_schema" "orm" {\n program = ["x"]\n}\nx = data.external_schema.orm.url',
      "data://external_schema/orm/url",
    ],
    ["bare identifier", "x = LINEAR_SKIP", "LINEAR_SKIP"],
    ["atlas.env", "x = atlas.env", "dev"],
    ["parentheses", "x = (var.v)", "V"],
    ["heredoc", "x = <<EOT\nline ${var.v}\n  two\nEOT\n", "line V\n  two\n"],
    ["indented heredoc", "x = <<-EOT\n    a\n      b\n    EOT\n", "a\n  b\n"],
    ["comments everywhere", '# c\n// c\n/* multi\nline */ x = /* in */ "v" # end\n', "v"],
  ];
  for (const [name, src, want] of cases) test(name, () => expect(value(src)).toEqual(want));
});

describe("bodies", () => {
  test("blocks with string and identifier labels, nested blocks, attributes", () => {
    const body = parseHcl('env "local" {\n  url = "u"\n  migration {\n    dir = "d"\n  }\n}\ndata x "y" {}\n', "t.hcl");
    expect(body.blocks.map((b) => [b.type, b.labels])).toEqual([
      ["env", ["local"]],
      ["data", ["x", "y"]],
    ]);
    expect(body.blocks[0]!.body.attrs.map((a) => a.name)).toEqual(["url"]);
    expect(body.blocks[0]!.body.blocks[0]!.type).toBe("migration");
    expect(body.blocks[0]!.pos).toEqual({ line: 1, col: 1 });
    expect(body.blocks[0]!.body.blocks[0]!.pos).toEqual({ line: 3, col: 3 });
  });
});

describe("errors carry file:line:col", () => {
  const cases: [string, string, string][] = [
    ["missing =", 'x "a"\n', 't.hcl:1:6: expected a block label or "{", found newline'],
    ["unterminated string", 'x = "abc\n', "t.hcl:1:5: unterminated string"],
    ["unterminated block", 'env "a" {\n  url = "u"\n', 't.hcl:3:1: expected "}", found end of file'],
    ["bad character", "x = @\n", 't.hcl:1:5: unexpected character "@"'],
    ["two attributes on a line", "x = 1 y = 2\n", 't.hcl:1:7: expected a newline after the attribute, found "y"'],
    ["duplicate attribute", "x = 1\nx = 2\n", 't.hcl:2:1: attribute "x" is defined twice'],
    ["bad escape", 'x = "\\q"\n', "t.hcl:1:6: invalid escape sequence \\q"],
    ["unterminated comment", "/* x\n", "t.hcl:1:1: unterminated block comment"],
    ["unterminated heredoc", "x = <<EOT\nabc\n", "t.hcl:1:5: unterminated heredoc, expected EOT"],
    ["error inside interpolation", 'x = "a ${var.} b"\n', 't.hcl:1:14: expected a name after ".", found end of file'],
    ["list missing comma", "x = [1 2]\n", 't.hcl:1:8: expected "," or "]", found "2"'],
  ];
  for (const [name, src, message] of cases) {
    test(name, () => {
      let err: unknown;
      try {
        parseHcl(src, "t.hcl");
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HclError);
      expect((err as HclError).message).toBe(message);
    });
  }
  const evalCases: [string, string, string][] = [
    ["undefined variable", "x = var.nope", 't.hcl:1:5: undefined variable "var.nope"'],
    ["unknown function", 'x = file("a")', 't.hcl:1:5: unknown function "file"'],
    ["unknown data source", "x = data.a.b.url", 't.hcl:1:5: undefined data source "data.a.b"'],
    ["interpolating a list", 'x = "a${var.list}"', "t.hcl:1:9: cannot interpolate a list into a string"],
    ["self-referencing local", "locals {\n a = local.a\n}\nx = local.a", 't.hcl:2:6: local "a" refers to itself'],
  ];
  for (const [name, src, message] of evalCases) test(name, () => expect(() => value(src)).toThrow(message));
});
