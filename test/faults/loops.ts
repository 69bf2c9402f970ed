/**
 * `bun run test:faults`: the long fault loops. Every kill point of the lab's 20 statements, with SIGKILL while the
 * statement runs and right after it is recorded, then SIGINT/SIGTERM/SIGHUP and server crashes at random statements;
 * each followed by one plain re-run. Prints runs, converged and statements sent twice per loop, and a last line
 * `faults: N passed, N failed`; exits 1 on any failure. FAULT_SEED fixes the random points, FAULT_QUICK=1 runs a
 * sample of the SIGKILL points.
 */
import { FaultLab, STATEMENTS } from "./lab.ts";
import { cleanReference, interruptAndRerun, type KillPoint, type Outcome } from "./scenarios.ts";

const initialSeed = Number(process.env.FAULT_SEED ?? Date.now() % 100_000);
let seed = initialSeed;
const random = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2 ** 31;
  return seed % n;
};

const quick = process.env.FAULT_QUICK === "1";
const indexes = STATEMENTS.map((_, i) => i).filter((i) => !quick || i % 3 === 0);
const loops: [string, KillPoint[]][] = [
  [
    "SIGKILL while running",
    indexes
      .filter((i) => STATEMENTS[i]!.includes("ALGORITHM=COPY") || STATEMENTS[i]!.includes("INDEX"))
      .map((stmt) => ({ stmt, phase: "running", how: "SIGKILL" })),
  ],
  ["SIGKILL after recorded", indexes.map((stmt) => ({ stmt, phase: "after", how: "SIGKILL" }))],
  [
    "signals",
    (["SIGINT", "SIGTERM", "SIGHUP", "SIGINT", "SIGTERM", "SIGHUP"] as const).map((how) => ({
      stmt: random(STATEMENTS.length),
      phase: random(2) ? "running" : "after",
      how,
    })),
  ],
  ["server crash", [0, 1, 2].map(() => ({ stmt: random(STATEMENTS.length), phase: "running", how: "server-crash" }))],
];

console.log(`fault loops: seed ${initialSeed}, ${STATEMENTS.length} statements`);
const lab = await FaultLab.start();
let passed = 0;
let failed = 0;
try {
  const reference = await cleanReference(lab);
  for (const [name, points] of loops) {
    const outcomes: Outcome[] = [];
    for (const [i, point] of points.entries()) {
      const o = await interruptAndRerun(lab, reference, point, `${name.replace(/\W+/g, "")}${i}`);
      outcomes.push(o);
      const ok = o.converged && o.sentTwice.length === 0;
      if (ok) passed++;
      else {
        failed++;
        console.log(
          `  FAILED ${JSON.stringify(point)}: first exit ${o.firstCode}, re-run exit ${o.rerun.code}: ${o.rerun.stderr.trim()} sent twice: ${o.sentTwice.join(" | ")}`,
        );
      }
    }
    const converged = outcomes.filter((o) => o.converged).length;
    const twice = outcomes.reduce((n, o) => n + o.sentTwice.length, 0);
    const hits = outcomes.filter((o) => o.hit).length;
    console.log(
      `${name}: ${outcomes.length} runs (${hits} interrupted mid-run), ${converged} converged, ${twice} statements sent twice`,
    );
  }
} finally {
  await lab.stop();
}
console.log(`faults: ${passed} passed, ${failed} failed`);
process.exitCode = failed === 0 ? 0 : 1;
