/** The env's `online { … }` block: every attribute read with its type, absent without a block, errors at their line. */
import { describe, expect, test } from "bun:test";
import { loadProject } from "../../src/config/atlas-hcl.ts";

const load = (text: string, env = "prod") => loadProject(text, { env, file: "atlas.hcl", getenv: () => undefined });

describe("online block", () => {
  test("every attribute, in the selected env", () => {
    const env = load(`env "prod" {
  online {
    pin               = true
    tool              = "pt-osc"
    min_rows          = 1000000
    min_bytes         = 1073741824
    chunk_time        = 0.25
    max_load          = "Threads_running=40"
    critical_load     = "Threads_running=80"
    lock_wait_timeout = 3
    options           = ["--alter-foreign-keys-method=auto", "--preserve-triggers"]
  }
}
`);
    expect(env.online).toEqual({
      pin: true,
      tool: "pt-osc",
      minRows: 1000000,
      minBytes: 1073741824,
      chunkTime: 0.25,
      maxLoad: "Threads_running=40",
      criticalLoad: "Threads_running=80",
      lockWaitTimeout: 3,
      options: ["--alter-foreign-keys-method=auto", "--preserve-triggers"],
    });
  });

  test("absent without a block, and only the selected env's counts", () => {
    const text = 'env "prod" {\n}\nenv "big" {\n  online {\n    pin = true\n  }\n}\n';
    expect(load(text).online).toBeUndefined();
    expect(load(text, "big").online).toEqual({ pin: true });
  });

  test("a wrong type, an unknown tool or an unknown attribute is an error at its line", () => {
    const cases: [string, string][] = [
      ["pin = 1", 'atlas.hcl:3:5: online: "pin" must be true or false, not a number'],
      ["min_rows = -1", 'atlas.hcl:3:5: online: "min_rows" must be a whole number (0 or more), not a number'],
      ["chunk_time = 0", 'atlas.hcl:3:5: online: "chunk_time" must be a number of seconds above 0, not a number'],
      ['tool = "ghost"', 'atlas.hcl:3:5: online: unknown tool "ghost" (expected one of: pt-osc, gh-ost)'],
      ['options = "--x"', 'atlas.hcl:3:5: online: "options" must be a list of strings, not a string'],
      ["max_row = 5", 'atlas.hcl:3:5: unknown attribute "max_row" in env "prod" > online'],
    ];
    for (const [attr, message] of cases)
      expect(() => load(`env "prod" {\n  online {\n    ${attr}\n  }\n}\n`)).toThrow(message);
  });
});
