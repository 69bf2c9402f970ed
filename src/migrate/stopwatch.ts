/**
 * When a run (or a step of one) started and how long it took, as the reports print them.
 */
import process from "node:process";

/** The start, the end and the wall time in nanoseconds. */
export interface Timing {
  readonly start: Date;
  readonly end: Date;
  readonly durationNs: bigint;
}

/** Starts timing now; each call of the returned function gives the timing up to that moment. */
export function stopwatch(): () => Timing {
  const start = new Date();
  const t0 = process.hrtime.bigint();
  return () => ({ start, end: new Date(), durationNs: process.hrtime.bigint() - t0 });
}
