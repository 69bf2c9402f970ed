/**
 * Fault scenarios over the lab: a run interrupted at a chosen point (a signal to the CLI, or the server killed), then
 * one plain re-run, which must converge to a clean apply's state with every statement executed exactly once.
 */
import { type FaultLab, STATEMENTS } from "./lab.ts";

/** Where a run is interrupted: while statement `stmt` runs on the server, or right after it was recorded. */
export interface KillPoint {
  readonly stmt: number;
  readonly phase: "running" | "after";
  readonly how: "SIGKILL" | "SIGINT" | "SIGTERM" | "SIGHUP" | "server-crash";
}

/** What one scenario ended with. */
export interface Outcome {
  readonly point: KillPoint;
  /** Whether the interruption hit the run (false: the run finished first). */
  readonly hit: boolean;
  readonly firstCode: number;
  readonly first: { stdout: string; stderr: string };
  readonly rerun: { code: number; stdout: string; stderr: string };
  readonly converged: boolean;
  /** Statements that reached the server more than once. */
  readonly sentTwice: readonly string[];
}

/** Runs one scenario in a fresh database and compares it with `reference` (a clean apply's state). */
export async function interruptAndRerun(
  lab: FaultLab,
  reference: unknown,
  point: KillPoint,
  name: string,
): Promise<Outcome> {
  const { db, log } = await lab.prepare(name);
  const child = lab.run(["migrate", "apply", "--url", lab.url(db)]);
  const stmt = STATEMENTS[point.stmt]!;
  const hit = await lab.until(
    child,
    point.phase === "running" ? () => lab.running(stmt) : async () => (await lab.appliedCount(db)) >= point.stmt + 1,
  );
  if (hit) {
    if (point.how === "server-crash") await lab.crashServer(log);
    else child.proc.kill(point.how);
  }
  const first = await child.done;
  const rerun = await lab.run(["migrate", "apply", "--url", lab.url(db)]).done;
  const state = await lab.state(db);
  const counts = lab.sentCounts(log);
  // A crashed server rolls back the statement it was running: sending it again is then required, not a repeat.
  const sentTwice = point.how === "server-crash" ? [] : [...counts].filter(([, n]) => n > 1).map(([s]) => s);
  const converged =
    rerun.code === 0 &&
    JSON.stringify(state) === JSON.stringify(reference) &&
    [...counts.values()].every((n) => n >= 1);
  return { point, hit, firstCode: first.code, first, rerun, converged, sentTwice };
}

/** The state of a clean, uninterrupted apply in its own database. */
export async function cleanReference(lab: FaultLab): Promise<unknown> {
  const { db } = await lab.prepare("reference");
  const r = await lab.run(["migrate", "apply", "--url", lab.url(db)]).done;
  if (r.code !== 0) throw new Error(`clean apply failed: ${r.stderr}`);
  return lab.state(db);
}
