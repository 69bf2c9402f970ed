import { describe, expect, test } from "bun:test";
import type { Chunk } from "../../src/cli/output-capture.ts";
import { err, out } from "../../src/cli/output.ts";
import { runTargets, type TargetResult, type TargetWork } from "../../src/cli/targets/run-targets.ts";
import { summaryText } from "../../src/cli/targets/summary.ts";
import { ReportedError } from "../../src/cli/errors.ts";

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Targets whose work writes a line before and after a pause, fails when listed, and records the overlap. */
function fleet(n: number, opts: { fail?: number[]; key?: (i: number) => string | undefined } = {}) {
  let running = 0;
  let most = 0;
  const started: number[] = [];
  const work: TargetWork[] = Array.from({ length: n }, (_, index) => ({
    index,
    label: `db_${index}`,
    ...(opts.key?.(index) !== undefined ? { exclusiveKey: opts.key(index)! } : {}),
    run: async () => {
      started.push(index);
      most = Math.max(most, ++running);
      out(`start ${index}\n`);
      if (opts.fail?.includes(index)) {
        running--;
        throw new Error(`target ${index} broke\nsecond line`);
      }
      await tick(15);
      err(`end ${index}\n`);
      running--;
    },
    version: async () => `v${index}`,
  }));
  return { work, started, most: () => most };
}

async function run(work: readonly TargetWork[], parallel: number, continueOnError = false) {
  const printed: [number, readonly Chunk[]][] = [];
  const results = await runTargets(work, {
    parallel,
    continueOnError,
    versionAfter: true,
    stopped: () => false,
    finished: (r, chunks) => printed.push([r.index, chunks]),
  });
  return { results, printed };
}

const outcomes = (rs: readonly TargetResult[]) => rs.map((r) => r.outcome);

describe("the multi-target runner", () => {
  test("parallel 1 runs the targets one after another, in order; each one's output is held whole", async () => {
    const f = fleet(3);
    const { results, printed } = await run(f.work, 1);
    expect(outcomes(results)).toEqual(["ok", "ok", "ok"]);
    expect(f.most()).toBe(1);
    expect(printed).toEqual(
      [0, 1, 2].map((i) => [
        i,
        [
          { fd: 1, text: `start ${i}\n` },
          { fd: 2, text: `end ${i}\n` },
        ],
      ]),
    );
    expect(results[1]).toMatchObject({ from: "v1", to: "v1" });
  });

  test("parallel 2 overlaps two targets; interleaved work still gives each target only its own lines", async () => {
    const f = fleet(4);
    const { printed } = await run(f.work, 2);
    expect(f.most()).toBe(2);
    for (const [i, chunks] of printed) expect(chunks.map((c) => c.text)).toEqual([`start ${i}\n`, `end ${i}\n`]);
  });

  test("after a failure no new target starts (target 0, running, finishes); --continue-on-error runs them all", async () => {
    const stop = fleet(4, { fail: [1] });
    const stopped = await run(stop.work, 2);
    expect(outcomes(stopped.results)).toEqual(["ok", "failed", "skipped", "skipped"]);
    expect(stop.started).toEqual([0, 1]);
    const goOn = fleet(4, { fail: [1] });
    expect(outcomes((await run(goOn.work, 2, true)).results)).toEqual(["ok", "failed", "ok", "ok"]);
  });

  test("targets sharing an exclusive key (one server) never overlap, whatever --parallel says", async () => {
    const f = fleet(4, { key: () => "db:3306" });
    await run(f.work, 4);
    expect(f.most()).toBe(1);
    const mixed = fleet(4, { key: (i) => (i % 2 ? "a:3306" : "b:3306") });
    await run(mixed.work, 4);
    expect(mixed.most()).toBe(2);
  });

  test("the summary: one row per target, versions, outcome, the first line of a failure", async () => {
    const { results } = await run(fleet(3, { fail: [1] }).work, 1);
    const text = summaryText("migrate apply", results, true);
    expect(text.replace(/\d+\.\d\ds/g, "N.NNs")).toBe(
      [
        "=== migrate apply: 3 targets, 1 ok, 1 failed, 1 skipped ===",
        "TARGET  FROM → TO  OUTCOME  DURATION  ERROR",
        "db_0    v0 → v0    ok       N.NNs",
        "db_1    v1 → v1    failed   N.NNs     Error: target 1 broke",
        "db_2               skipped",
        "",
      ].join("\n"),
    );
    const drift = summaryText(
      "migrate drift",
      [{ index: 0, label: "db", outcome: "failed", error: new ReportedError("drift found"), from: "v9", ms: 5 }],
      false,
    );
    expect(drift).toContain("db      v9       failed   0.01s     drift found\n");
  });
});
