/**
 * Go's `time.Duration.String()` for a duration in milliseconds, as Atlas prints lint timings (`1.234ms`, `12.5µs`, `2.1s`).
 */

function trimmed(whole: number, frac: number, digits: number): string {
  const f = frac === 0 ? "" : "." + String(frac).padStart(digits, "0").replace(/0+$/, "");
  return `${whole}${f}`;
}

/** Formats a millisecond duration the way Go formats a `time.Duration` (nanosecond precision). */
export function goDuration(ms: number): string {
  const ns = Math.round(ms * 1e6);
  if (ns === 0) return "0s";
  if (ns < 1e3) return `${ns}ns`;
  if (ns < 1e6) return `${trimmed(Math.floor(ns / 1e3), ns % 1e3, 3)}µs`;
  if (ns < 1e9) return `${trimmed(Math.floor(ns / 1e6), ns % 1e6, 6)}ms`;
  const s = Math.floor(ns / 1e9);
  const sec = `${trimmed(s % 60, ns % 1e9, 9)}s`;
  if (s < 60) return sec;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m}m${sec}` : `${Math.floor(m / 60)}h${m % 60}m${sec}`;
}
