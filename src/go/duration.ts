/**
 * Go's `time.Duration`: its `String()`, the spelling of every duration in Atlas's output (`0s`, `532ns`,
 * `960.465µs`, `6.895124ms`, `1.5s`, `2m3.5s`, `1h0m0s`), and `time.ParseDuration` for the durations Atlas accepts
 * in flags, atlas.hcl and URLs (`10s`, `1m30s`, `500ms`).
 */

function fraction(value: bigint, unit: bigint, digits: number): string {
  const whole = value / unit;
  const rest = (value % unit).toString().padStart(digits, "0").replace(/0+$/, "");
  return rest === "" ? whole.toString() : `${whole}.${rest}`;
}

/** Formats nanoseconds as Go prints a `time.Duration`. */
export function formatGoDuration(nanoseconds: bigint | number): string {
  let ns = BigInt(nanoseconds);
  const sign = ns < 0n ? "-" : "";
  if (ns < 0n) ns = -ns;
  if (ns === 0n) return "0s";
  if (ns < 1_000n) return `${sign}${ns}ns`;
  if (ns < 1_000_000n) return `${sign}${fraction(ns, 1_000n, 3)}µs`;
  if (ns < 1_000_000_000n) return `${sign}${fraction(ns, 1_000_000n, 6)}ms`;
  const hours = ns / 3_600_000_000_000n;
  const minutes = (ns / 60_000_000_000n) % 60n;
  const seconds = fraction(ns % 60_000_000_000n, 1_000_000_000n, 9);
  if (hours > 0n) return `${sign}${hours}h${minutes}m${seconds}s`;
  if (minutes > 0n) return `${sign}${minutes}m${seconds}s`;
  return `${sign}${seconds}s`;
}

/** Formats a duration in (fractional) milliseconds as Go prints a `time.Duration`, rounded to the nanosecond. */
export function formatGoMilliseconds(ms: number): string {
  return formatGoDuration(Math.round(ms * 1e6));
}

const UNITS: Readonly<Record<string, number>> = {
  ns: 1e-6,
  us: 1e-3,
  µs: 1e-3,
  μs: 1e-3,
  ms: 1,
  s: 1000,
  m: 60_000,
  h: 3_600_000,
};

/** A duration string that Go's `time.ParseDuration` would reject. */
export class DurationError extends Error {
  constructor(readonly input: string) {
    super(`time: invalid duration ${JSON.stringify(input)}`);
    this.name = "DurationError";
  }
}

/** Parses a Go duration (`10s`, `1.5h`, `2m3s`, `-1s`, `0`) into milliseconds; throws DurationError. */
export function parseGoDuration(input: string): number {
  const m = /^([-+]?)(.*)$/s.exec(input)!;
  const body = m[2]!;
  if (body === "0") return 0;
  const part = /(\d+\.?\d*|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < body.length) {
    part.lastIndex = at;
    const p = part.exec(body);
    if (!p) throw new DurationError(input);
    total += Number(p[1]) * UNITS[p[2]!]!;
    at = part.lastIndex;
  }
  if (body === "") throw new DurationError(input);
  return m[1] === "-" ? -total : total;
}
