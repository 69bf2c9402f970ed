/**
 * Go's `time.ParseDuration` for the durations Atlas accepts in flags, atlas.hcl and URLs (`10s`, `1m30s`, `500ms`).
 */

const UNITS: Readonly<Record<string, number>> = { ns: 1e-6, us: 1e-3, "µs": 1e-3, "μs": 1e-3, ms: 1, s: 1000, m: 60_000, h: 3_600_000 };

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
