import { expect, test } from "bun:test";
import { joinRepeated } from "../../src/cli/run.ts";
import { parseVars } from "../../src/project/settings.ts";

// citty keeps only the last value of a repeated string flag; run.ts joins every --var first.
const cases: [string[], string[]][] = [
  [
    ["--env", "e"],
    ["--env", "e"],
  ],
  [
    ["--var", "a=1"],
    ["--var", "a=1"],
  ],
  [
    ["--env", "e", "--var", "t=a", "--url", "u", "--var=t=b", "--var", "x=1"],
    ["--env", "e", "--var=t=a,t=b,x=1", "--url", "u"],
  ],
  [
    ["--var", "a=1", "--var", "a=2", "--", "--var", "z=9"],
    ["--var=a=1,a=2", "--", "--var", "z=9"],
  ],
];
for (const [argv, want] of cases) test(argv.join(" "), () => expect(joinRepeated(argv, "var")).toEqual(want));

test("the joined values read as Atlas reads --var: a name given twice is a list, others stay strings", () => {
  expect(parseVars(joinRepeated(["--var", "t=a", "--var", "n=1", "--var", "t=b"], "var")[0]!.slice(6))).toEqual({
    t: ["a", "b"],
    n: "1",
  });
});
