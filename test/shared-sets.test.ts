import { describe, expect, test } from "bun:test";
import { join } from "node:path";
import { inCi, SHARED_ROOT, sharedSetState } from "./support/shared.ts";

describe("the ../shared fixture sets: skipped outside this setup, required in CI", () => {
  const missing = join(SHARED_ROOT, "no-such-set");
  test("CI=true (and any value but empty, 0 or false) is CI", () => {
    expect([inCi({ CI: "true" }), inCi({ CI: "1" }), inCi({ CI: "yes" })]).toEqual([true, true, true]);
    expect([inCi({}), inCi({ CI: "" }), inCi({ CI: "0" }), inCi({ CI: "false" })]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
  test("a missing set fails in CI and is skipped elsewhere", () => {
    expect(sharedSetState(missing, { CI: "true" })).toBe("fail");
    expect(sharedSetState(missing, {})).toBe("skip");
  });
  test("a present set runs, in CI or not", () => {
    expect(sharedSetState(import.meta.dir, { CI: "true" })).toBe("present");
    expect(sharedSetState(import.meta.dir, {})).toBe("present");
  });
});
