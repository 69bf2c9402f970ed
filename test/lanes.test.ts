import { describe, expect, test } from "bun:test";
import { FULL_LANE, filesOf, UNIT_LANE } from "./lanes.ts";
import { fullLaneOnly, LANE_ENV } from "./support/lane.ts";

describe("the test lanes", () => {
  // What `bun test` runs: every *.test / *_test / *.spec / *_spec file of the repository (node_modules aside).
  const all = filesOf(["**/*{.test,_test,.spec,_spec}.{ts,tsx,js,jsx,mjs,cjs}"]).filter(
    (f) => !f.startsWith("node_modules/"),
  );
  const unit = filesOf(UNIT_LANE);
  const full = filesOf(FULL_LANE);

  test("every test file is in the unit lane or the full lane", () => {
    expect(all.filter((f) => !unit.includes(f) && !full.includes(f))).toEqual([]);
  });

  test("no test file is in both lanes", () => {
    expect(unit.filter((f) => full.includes(f))).toEqual([]);
  });

  test("every glob of the lists matches a test file", () => {
    expect([...UNIT_LANE, ...FULL_LANE].filter((g) => filesOf([g]).length === 0)).toEqual([]);
    expect([...unit, ...full].every((f) => f.endsWith(".test.ts"))).toBe(true);
  });

  test("in the unit lane, what only the full lane may do throws", () => {
    const saved = process.env[LANE_ENV];
    try {
      process.env[LANE_ENV] = "unit";
      expect(() => fullLaneOnly("the test database")).toThrow(
        "the test database is not available in the unit lane: list this test file in FULL_LANE in test/lanes.ts",
      );
      process.env[LANE_ENV] = "full";
      expect(() => fullLaneOnly("the test database")).not.toThrow();
    } finally {
      if (saved === undefined) delete process.env[LANE_ENV];
      else process.env[LANE_ENV] = saved;
    }
  });
});
