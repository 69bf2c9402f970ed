/**
 * The fast, deterministic subset of the fault tests (the randomised loops are `bun run test:faults`): a killed or
 * interrupted apply converges on a plain re-run with every statement executed once; a blocked statement gives up
 * within the bounded wait and names its blocker; a lock connection can outlive the server's wait_timeout.
 */
import { afterAll, beforeAll, describe, expect, setDefaultTimeout, test } from "bun:test";
import { createConnection } from "mysql2/promise";
import { FaultLab, STATEMENTS } from "./lab.ts";
import { cleanReference, interruptAndRerun, type KillPoint } from "./scenarios.ts";

setDefaultTimeout(240_000);

let lab: FaultLab;
let reference: unknown;

beforeAll(async () => {
  lab = await FaultLab.start();
  reference = await cleanReference(lab);
}, 240_000);

afterAll(async () => {
  await lab?.stop();
});

describe("an interrupted apply converges on a re-run, every statement sent once", () => {
  const points: KillPoint[] = [
    { stmt: 0, phase: "running", how: "SIGKILL" },
    { stmt: 6, phase: "after", how: "SIGKILL" },
    { stmt: 8, phase: "running", how: "SIGINT" },
    { stmt: 12, phase: "running", how: "SIGHUP" },
  ];
  for (const point of points) {
    test(`${point.how} ${point.phase === "running" ? "while" : "after"} statement ${point.stmt + 1} ${point.phase === "running" ? "runs" : "is recorded"}`, async () => {
      const o = await interruptAndRerun(lab, reference, point, `t${point.stmt}`);
      expect(o.hit).toBe(true);
      expect({
        sentTwice: o.sentTwice,
        rerun: o.rerun.code,
        stderr: o.rerun.stderr.includes("Error") ? o.rerun.stderr : "",
      }).toEqual({ sentTwice: [], rerun: 0, stderr: "" });
      expect(o.converged).toBe(true);
      if (point.how === "SIGINT" || point.how === "SIGHUP") {
        // Graceful: the running statement finished and was recorded, the report so far was printed, exit 128 + signal.
        expect(o.firstCode).toBe(point.how === "SIGINT" ? 130 : 129);
        expect(o.first.stderr).toContain(`${point.how} received: stopping after the running statement`);
        expect(o.first.stdout).toContain(`-> ${STATEMENTS[point.stmt]}`);
        expect(o.first.stdout).toContain("-------------------------");
        expect(o.rerun.stderr).not.toContain("in doubt");
      }
      if (point.how === "SIGKILL" && point.phase === "running") {
        // The killed client's statement was still running on the server: the re-run waited for it, then decided it took effect.
        expect(o.rerun.stderr).toContain("was in doubt: the live schema shows its effect; recorded as applied");
      }
    });
  }
});

test("a table held by another session: the statement gives up within --lock-wait-timeout, names the blocker, and a re-run converges", async () => {
  const { db } = await lab.prepare("mdl");
  const other = await createConnection({ uri: lab.url(db) });
  const [[{ id }]] = (await other.query("SELECT CONNECTION_ID() AS id")) as unknown as [[{ id: number }]];
  await other.query("BEGIN");
  await other.query("SELECT * FROM big LIMIT 1");
  const started = Date.now();
  const blocked = await lab.run(["migrate", "apply", "--url", lab.url(db), "--lock-wait-timeout", "3s"]).done;
  const took = Date.now() - started;
  expect(blocked.code).toBe(1);
  expect(took).toBeLessThan(60_000);
  expect(blocked.stderr).toMatch(
    new RegExp(
      `Lock wait timeout exceeded.*blocked by connection ${id} \\(root@[^,]+, transaction open \\d+s, idle \\d+s\\)`,
    ),
  );
  const [revs] = await lab.admin.query(`SELECT error FROM \`${db}\`.atlas_schema_revisions WHERE version = '002'`);
  expect(String((revs as { error: string }[])[0]?.error)).toContain(`blocked by connection ${id}`);
  await other.query("COMMIT");
  other.destroy();
  const rerun = await lab.run(["migrate", "apply", "--url", lab.url(db)]).done;
  expect([rerun.code, rerun.stderr]).toEqual([0, ""]);
  expect(await lab.state(db)).toEqual(reference as never);
});

test("a lock-wait notice names the blocker while the statement waits", async () => {
  const { db } = await lab.prepare("notice");
  const other = await createConnection({ uri: lab.url(db) });
  await other.query("BEGIN");
  await other.query("SELECT * FROM big LIMIT 1");
  const child = lab.run(["migrate", "apply", "--url", lab.url(db), "--lock-wait-timeout", "30s"]);
  await Bun.sleep(4500);
  await other.query("COMMIT");
  other.destroy();
  const r = await child.done;
  expect(r.code).toBe(0);
  expect(r.stderr).toMatch(
    /\.\. waiting \d+s \(Waiting for table metadata lock\) for: ALTER TABLE big ADD COLUMN c2a int NULL, ALGORITHM=COPY;?\n {6}blocked by connection \d+/,
  );
  // Repeated only when the blockers change or every 15 s: one notice for one blocker over 4.5 s.
  expect(r.stderr.match(/\.\. waiting/g)).toHaveLength(1);
});

test("the server's wait_timeout shorter than the run: one run at a time, no statement twice", async () => {
  const { db, log } = await lab.prepare("idle");
  await lab.admin.query("SET GLOBAL wait_timeout = 2");
  try {
    const first = lab.run(["migrate", "apply", "--url", lab.url(db)]);
    await lab.until(first, async () => (await lab.appliedCount(db)) >= 3);
    await Bun.sleep(2500);
    const second = await lab.run(["migrate", "apply", "--url", lab.url(db), "--lock-timeout", "60s"]).done;
    const done = await first.done;
    expect(done.code).toBe(0);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("No migration files to execute");
  } finally {
    await lab.admin.query("SET GLOBAL wait_timeout = 28800");
  }
  expect(await lab.state(db)).toEqual(reference as never);
  expect([...lab.sentCounts(log).values()].every((n) => n === 1)).toBe(true);
});

test("the statement session killed from outside: the run stops in doubt, the re-run finds no effect and runs it again", async () => {
  const { db, log } = await lab.prepare("killconn");
  const stmt = STATEMENTS[4]!;
  const child = lab.run(["migrate", "apply", "--url", lab.url(db)]);
  expect(await lab.until(child, () => lab.running(stmt))).toBe(true);
  const [[{ id }]] = (await lab.admin.query("SELECT ID AS id FROM information_schema.PROCESSLIST WHERE INFO = ?", [
    stmt,
  ])) as unknown as [[{ id: number }]];
  await lab.admin.query(`KILL CONNECTION ${id}`);
  const first = await child.done;
  expect(first.code).toBe(1);
  expect(first.stderr).toContain('the server may still complete it: run "stats-db migrate apply" again');
  const rerun = await lab.run(["migrate", "apply", "--url", lab.url(db)]).done;
  expect([rerun.code, rerun.stderr]).toEqual([
    0,
    "statement 1 of version 003 was in doubt: the live schema shows no effect of it: it runs again\n",
  ]);
  expect(await lab.state(db)).toEqual(reference as never);
  // Sent twice, but the killed execution never took effect; every other statement exactly once.
  expect([...lab.sentCounts(log)].filter(([, n]) => n !== 1)).toEqual([[stmt, 2]]);
});
