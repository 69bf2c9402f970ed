/**
 * Runs one piece of work per target, at most `parallel` at a time, in target order: after the first failure no new
 * target starts (unless `continueOnError`; the running ones finish), nor after a stop signal. Targets sharing an
 * `exclusiveKey` never overlap (apply and down: Atlas's apply lock is server-wide, so two targets of one server would
 * only wait on each other and time out). Each target's output is held and handed over whole when it ends.
 */
import { type Chunk, captured } from "../output-capture.ts";

/** One target: its place and label, its work, and how to read the version it stands at (when it has a database). */
export interface TargetWork {
  readonly index: number;
  readonly label: string;
  readonly exclusiveKey?: string;
  readonly run: () => Promise<void>;
  readonly version?: () => Promise<string | undefined>;
}

/** How a target ended. */
export type Outcome = "ok" | "failed" | "skipped";

/** One target's result: outcome, the error of a failed one, versions before and after, and how long its work took. */
export interface TargetResult {
  readonly index: number;
  readonly label: string;
  readonly outcome: Outcome;
  readonly error?: unknown;
  readonly from?: string;
  readonly to?: string;
  readonly ms?: number;
}

/** Options of runTargets. */
export interface RunTargetsOptions {
  readonly parallel: number;
  readonly continueOnError: boolean;
  /** Read the version again after the work (commands that change it). */
  readonly versionAfter: boolean;
  /** True once a signal asked the run to stop: no target starts after it. */
  readonly stopped: () => boolean;
  /** Called as each target ends (not for skipped ones), with its held output. */
  readonly finished: (result: TargetResult, chunks: readonly Chunk[]) => void;
}

/** A lock per key: `acquire` waits for the holders before it and returns the release. */
function keyedLocks(): (key: string | undefined) => Promise<() => void> {
  const tails = new Map<string, Promise<void>>();
  return async (key) => {
    if (key === undefined) return () => {};
    const before = tails.get(key) ?? Promise.resolve();
    let release!: () => void;
    const mine = new Promise<void>((r) => {
      release = r;
    });
    tails.set(
      key,
      before.then(() => mine),
    );
    await before;
    return release;
  };
}

/** Runs every target as the options say and returns their results in target order. */
export async function runTargets(targets: readonly TargetWork[], opts: RunTargetsOptions): Promise<TargetResult[]> {
  const results: TargetResult[] = [];
  const acquire = keyedLocks();
  let failed = false;
  let next = 0;
  const halted = () => (failed && !opts.continueOnError) || opts.stopped();
  const runOne = async (t: TargetWork): Promise<TargetResult> => {
    const skipped: TargetResult = { index: t.index, label: t.label, outcome: "skipped" };
    if (halted()) return skipped;
    const release = await acquire(t.exclusiveKey);
    try {
      if (halted()) return skipped;
      const from = await t.version?.();
      const start = performance.now();
      const { chunks, result } = await captured(t.run);
      const ms = performance.now() - start;
      const to = opts.versionAfter ? await t.version?.() : from;
      if (result.status === "rejected") failed = true;
      const done: TargetResult = {
        index: t.index,
        label: t.label,
        outcome: result.status === "fulfilled" ? "ok" : "failed",
        ...(result.status === "rejected" ? { error: result.reason } : {}),
        ...(from !== undefined ? { from } : {}),
        ...(to !== undefined ? { to } : {}),
        ms,
      };
      opts.finished(done, chunks);
      return done;
    } finally {
      release();
    }
  };
  const worker = async (): Promise<void> => {
    while (next < targets.length) {
      const t = targets[next++]!;
      results[t.index] = await runOne(t);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(opts.parallel, targets.length)) }, worker));
  return results;
}
