import { describe, expect, test } from "bun:test";
import { DurationError, formatGoDuration, formatGoMilliseconds, parseGoDuration } from "../../src/go/duration.ts";

describe("formatGoDuration (time.Duration.String)", () => {
  const cases: [bigint | number, string][] = [
    [0n, "0s"],
    [532n, "532ns"],
    [960_465n, "960.465µs"],
    [1_000n, "1µs"],
    [6_895_124n, "6.895124ms"],
    [1_500_000_000n, "1.5s"],
    [123_500_000_000n, "2m3.5s"],
    [3_600_000_000_000n, "1h0m0s"],
    [-1_000_000n, "-1ms"],
    [90_061_000_000_001n, "25h1m1.000000001s"],
    [1, "1ns"],
  ];
  for (const [ns, want] of cases) test(want, () => expect(formatGoDuration(ns)).toBe(want));
});

describe("formatGoMilliseconds", () => {
  const cases: [number, string][] = [
    [0, "0s"],
    [0.0000004, "0s"],
    [0.0125, "12.5µs"],
    [1.234, "1.234ms"],
    [2100, "2.1s"],
    [61_000, "1m1s"],
    [3_723_000, "1h2m3s"],
  ];
  for (const [ms, want] of cases) test(`${ms}ms → ${want}`, () => expect(formatGoMilliseconds(ms)).toBe(want));
});

describe("parseGoDuration (time.ParseDuration, in milliseconds)", () => {
  const cases: [string, number][] = [
    ["10s", 10000],
    ["0", 0],
    ["500ms", 500],
    ["1m30s", 90000],
    ["1.5h", 5400000],
    ["2us", 0.002],
    ["3µs", 0.003],
    ["-1s", -1000],
    ["+2m", 120000],
  ];
  for (const [input, ms] of cases) test(input, () => expect(parseGoDuration(input)).toBe(ms));
  for (const input of ["", "10", "s", "1x", "1s2", "-", " 1s"]) {
    test(`rejects ${JSON.stringify(input)}`, () => {
      expect(() => parseGoDuration(input)).toThrow(DurationError);
      expect(() => parseGoDuration(input)).toThrow(`time: invalid duration ${JSON.stringify(input)}`);
    });
  }
});
