/**
 * migrate apply's online path on the real server: a blocking ALTER through pt-online-schema-change (revisions row
 * written after the cut-over), pinning, the dry run's command, a refused prerequisite, pt-osc killed mid-copy and the
 * re-run, and leftovers of a tool still at work (the statement stays in doubt).
 */
import { describe, expect, setDefaultTimeout, test } from "bun:test";
import { existsSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Connection, connect } from "../../src/db/connect.ts";
import type { ApplyRunEvent } from "../../src/migrate/apply.ts";
import { StatementInDoubtError } from "../../src/migrate/apply/errors.ts";
import { StatementWatch, type WatchEvent } from "../../src/migrate/apply/statement-watch.ts";
import { type OnlinePolicy, StatementPlanner } from "../../src/migrate/apply/online/planner.ts";
import { ptOsc } from "../../src/migrate/apply/online/pt-osc.ts";
import { displayCommand, startTool } from "../../src/migrate/apply/online/run-tool.ts";
import type { OnlineJob, OnlineToolSettings } from "../../src/migrate/apply/online/tool.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { applyDir, hashedDir } from "../support/library-apply.ts";
import { type TestDatabase, withTestDatabase } from "../support/mariadb.ts";

setDefaultTimeout(120_000);

const INIT =
  "CREATE TABLE `hits` (`id` bigint NOT NULL AUTO_INCREMENT, `day` date NOT NULL, `n` int NOT NULL, PRIMARY KEY (`id`));\n";
// The rows come from outside the migrations (the in-doubt replay of the directory takes schema statements only).
const FILL = "INSERT INTO `hits` (`day`, `n`) SELECT '2026-01-01' + INTERVAL (seq % 365) DAY, seq FROM seq_1_to_20000";
const WIDEN = "ALTER TABLE `hits` MODIFY `n` bigint NOT NULL;\n";

function policy(conn: Connection, extra: Partial<OnlinePolicy> = {}, settings: OnlineToolSettings = {}): OnlinePolicy {
  return {
    pin: false,
    all: false,
    minRows: 1000,
    tool: ptOsc(settings),
    credentials: { host: conn.target.host, port: conn.target.port, user: conn.target.user },
    ...extra,
  };
}

/** Applies the directory with a planner over `policy`; returns the report, every event and the texts sent natively. */
async function apply(
  conn: Connection,
  db: TestDatabase,
  files: Record<string, string>,
  p: OnlinePolicy,
  opts: { dryRun?: boolean; onEvent?: (e: ApplyRunEvent) => void } = {},
) {
  const events: ApplyRunEvent[] = [];
  const log = (e: ApplyRunEvent) => {
    events.push(e);
    opts.onEvent?.(e);
  };
  const dryRun = opts.dryRun ?? false;
  const planner = new StatementPlanner({ conn, flavor: mariadb, schemaName: db.name, policy: p, dryRun, log });
  const sent: string[] = [];
  const report = await applyDir(conn, db.name, hashedDir(files), {
    dryRun,
    planner,
    log,
    send: async (text) => {
      sent.push(text);
      await conn.exec(text);
    },
  });
  return { report, events, sent };
}

async function rows(db: TestDatabase, sql: string): Promise<Record<string, unknown>[]> {
  return (await db.conn.query(sql))[0] as Record<string, unknown>[];
}

const leftovers = (db: TestDatabase) =>
  rows(
    db,
    "SELECT TABLE_NAME AS name FROM information_schema.TABLES WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE '\\_%' " +
      "UNION ALL SELECT TRIGGER_NAME FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = DATABASE()",
  );
const typeOfN = async (db: TestDatabase) =>
  (
    await rows(
      db,
      "SELECT COLUMN_TYPE AS t FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME = 'hits' AND COLUMN_NAME = 'n'",
    )
  )[0]?.t;
const revision = async (db: TestDatabase, version: string) =>
  (await rows(db, `SELECT applied, total, error FROM atlas_schema_revisions WHERE version = '${version}'`))[0];

/** Applies the first file, fills the table and refreshes InnoDB's row estimate (what min_rows compares with). */
async function init(conn: Connection, db: TestDatabase): Promise<void> {
  expect((await apply(conn, db, { "001_init.sql": INIT }, policy(conn))).report.failure).toBeUndefined();
  await db.conn.query(FILL);
  await db.conn.query("ANALYZE TABLE hits");
}

async function withDb(fn: (db: TestDatabase, conn: Connection) => Promise<void>): Promise<void> {
  await withTestDatabase(async (db) => {
    const conn = await connect(db.url);
    try {
      await fn(db, conn);
    } finally {
      await conn.close();
    }
  });
}

describe("online schema change", () => {
  test("a blocking ALTER above min_rows runs through pt-osc; the row records it after the cut-over", async () => {
    await withDb(async (db, conn) => {
      await init(conn, db);
      const files = { "001_init.sql": INIT, "002_widen.sql": WIDEN };
      const { report, events, sent } = await apply(conn, db, files, policy(conn));
      expect(report.failure).toBeUndefined();
      expect(events.some((e) => e.kind === "online-start")).toBe(true);
      expect(events.some((e) => e.kind === "online-output" && /Swapped original and new tables OK/.test(e.line))).toBe(
        true,
      );
      expect(sent.some((s) => s.includes("MODIFY"))).toBe(false);
      expect(await typeOfN(db)).toMatch(/^bigint/);
      expect(await revision(db, "002")).toEqual({ applied: 1, total: 1, error: "" });
      expect(await leftovers(db)).toEqual([]);
      expect((await rows(db, "SELECT COUNT(*) AS c FROM hits"))[0]?.c).toBe(20000);
    });
  });

  test("below min_rows the statement runs natively; with pin, the text sent carries ALGORITHM/LOCK", async () => {
    await withDb(async (db, conn) => {
      await init(conn, db);
      const files = {
        "001_init.sql": INIT,
        "002_more.sql":
          "ALTER TABLE `hits` ADD COLUMN `note` varchar(20) NULL;\nCREATE INDEX `hits_day` ON `hits` (`day`);\n",
      };
      const { report, events, sent } = await apply(conn, db, files, policy(conn, { pin: true, minRows: 1_000_000 }));
      expect(report.failure).toBeUndefined();
      expect(events.some((e) => e.kind === "online-start")).toBe(false);
      expect(sent.slice(-2)).toEqual([
        "ALTER TABLE `hits` ADD COLUMN `note` varchar(20) NULL, ALGORITHM=INSTANT",
        "CREATE INDEX `hits_day` ON `hits` (`day`) ALGORITHM=NOCOPY LOCK=NONE",
      ]);
    });
  });

  test("a dry run plans the pt-osc command (no password in it) and runs nothing", async () => {
    await withDb(async (db, conn) => {
      await init(conn, db);
      const files = { "001_init.sql": INIT, "002_widen.sql": WIDEN };
      const { events } = await apply(conn, db, files, policy(conn), { dryRun: true });
      const stmt = events.find((e) => e.kind === "stmt" && e.file.version === "002");
      const plan = stmt?.kind === "stmt" ? stmt.plan : undefined;
      expect(plan?.cost).toMatchObject({ algorithm: "COPY", blocksWriters: true, size: { rows: expect.any(Number) } });
      expect(plan?.online?.reason).toMatch(/above min_rows 1000/);
      expect(plan?.online?.command).toBe(
        "pt-online-schema-change --alter 'MODIFY `n` bigint NOT NULL' --chunk-time 0.5 --max-load Threads_running=25 " +
          "--critical-load Threads_running=50 --set-vars lock_wait_timeout=5 --progress time,5 " +
          `--pid ${join(tmpdir(), `stats-db-pt-osc-${db.name}-hits.pid`)} --execute ` +
          `h=${conn.target.host},P=${conn.target.port},u=${conn.target.user},D=${db.name},t=hits`,
      );
      expect(await typeOfN(db)).toMatch(/^int/);
      expect(await revision(db, "002")).toBeUndefined();
    });
  });

  test("a table without a primary or unique key is refused before anything runs", async () => {
    await withDb(async (db, conn) => {
      const init = "CREATE TABLE `hits` (`day` date NOT NULL, `n` int NOT NULL);\n";
      const files = { "001_init.sql": init, "002_widen.sql": WIDEN };
      const { report } = await apply(conn, db, files, policy(conn, { all: true }));
      expect(report.failure?.message).toMatch(
        /has no primary key or unique index, which pt-online-schema-change needs/,
      );
      expect(await typeOfN(db)).toMatch(/^int/);
    });
  });

  test("pt-osc killed mid-copy: its triggers and table are removed, the row keeps the error, a re-run applies it", async () => {
    await withDb(async (db, conn) => {
      await init(conn, db);
      const files = { "001_init.sql": INIT, "002_widen.sql": WIDEN };
      const slow = { options: ["--chunk-size=200", "--chunk-time=0", "--sleep=0.05"] };
      let killed = false;
      let pid: number | undefined;
      const { report } = await apply(conn, db, files, policy(conn, {}, slow), {
        onEvent: (e) => {
          if (e.kind === "online-start") pid = e.pid;
          if (!killed && pid && e.kind === "online-output" && /Copying approximately/.test(e.line)) {
            killed = true;
            process.kill(pid, "SIGKILL");
          }
        },
      });
      expect(killed).toBe(true);
      expect(report.failure?.message).toMatch(
        /was stopped \(SIGKILL\) before its cut-over: table "hits" is unchanged; removed its trigger/,
      );
      expect(await leftovers(db)).toEqual([]);
      expect(await typeOfN(db)).toMatch(/^int/);
      expect((await revision(db, "002"))?.applied).toBe(0);
      expect((await revision(db, "002"))?.error).not.toBe("");
      const again = await apply(conn, db, files, policy(conn));
      expect(again.report.failure).toBeUndefined();
      expect(await typeOfN(db)).toMatch(/^bigint/);
      expect(await revision(db, "002")).toEqual({ applied: 1, total: 1, error: "" });
    });
  });

  test("leftovers of a tool still at work keep the statement in doubt; once it is gone they are removed and it runs", async () => {
    await withDb(async (db, conn) => {
      const files = { "001_init.sql": INIT, "002_widen.sql": WIDEN };
      await init(conn, db);
      await db.conn.query("CREATE TABLE `_hits_new` LIKE `hits`");
      await db.conn.query(
        `CREATE TRIGGER \`pt_osc_${db.name}_hits_ins\` AFTER INSERT ON hits FOR EACH ROW ` +
          "REPLACE INTO _hits_new (id, day, n) VALUES (NEW.id, NEW.day, NEW.n)",
      );
      const busy = await connect(db.url);
      const working = busy.exec("SELECT SLEEP(3), '_hits_new'");
      const first = await apply(conn, db, files, policy(conn));
      expect(first.report.failure).toBeInstanceOf(StatementInDoubtError);
      expect(first.report.failure?.message).toMatch(/still works on table "hits"/);
      await working;
      await busy.close();
      const second = await apply(conn, db, files, policy(conn));
      expect(second.report.failure).toBeUndefined();
      expect(second.events.some((e) => e.kind === "in-doubt-resolved")).toBe(true);
      expect(second.events.some((e) => e.kind === "online-cleanup")).toBe(true);
      expect(await leftovers(db)).toEqual([]);
      expect(await typeOfN(db)).toMatch(/^bigint/);
    });
  });
});

describe("a tool still running on this host", () => {
  test("its pid file with a live process keeps the statement in doubt, even while it sends nothing", async () => {
    await withDb(async (db, conn) => {
      await init(conn, db);
      await db.conn.query("CREATE TABLE `_hits_new` LIKE `hits`");
      const pidFile = ptOsc().pidFile({
        schema: db.name,
        table: "hits",
        clauses: "",
        before: { name: "hits" } as never,
      });
      writeFileSync(pidFile, `${process.pid}\n`);
      try {
        const files = { "001_init.sql": INIT, "002_widen.sql": WIDEN };
        const { report } = await apply(conn, db, files, policy(conn));
        expect(report.failure).toBeInstanceOf(StatementInDoubtError);
        expect(report.failure?.message).toContain(`still works on table "hits" (process ${process.pid})`);
      } finally {
        rmSync(pidFile, { force: true });
      }
    });
  });
});

describe("progress of a long native ALTER", () => {
  test("MariaDB's PROCESSLIST.PROGRESS reaches the watch's log while the copy runs", async () => {
    await withDb(async (db, conn) => {
      await db.conn.query(INIT);
      await db.conn.query(FILL.replace("20000", "300000"));
      const control = await connect(db.url);
      const events: WatchEvent[] = [];
      const watch = new StatementWatch({
        conn,
        control: { get: async () => control },
        flavorName: "mariadb",
        schema: db.name,
        log: (e) => events.push(e),
        noticeAfterMs: 100,
        pollMs: 100,
      });
      try {
        await watch.run("ALTER TABLE `hits` MODIFY `n` bigint NOT NULL, ALGORITHM=COPY");
      } finally {
        await control.close();
      }
      const progress = events.flatMap((e) => (e.kind === "progress" ? [e] : []));
      expect(progress.length).toBeGreaterThan(0);
      expect(progress.every((p) => p.percent > 0 && p.percent <= 100 && /^stage \d of \d$/.test(p.stage))).toBe(true);
    });
  });
});

describe("the tool's connection", () => {
  test("the password goes to a 0600 option file that exists only while the tool runs, never to the command line", async () => {
    const before = { name: "t", columns: [], indexes: [], foreignKeys: [], checks: [] };
    const job: OnlineJob = { schema: "s", table: "t", clauses: "ENGINE=InnoDB", before };
    let file = "";
    const tool = {
      ...ptOsc(),
      program: "sh",
      args: (_j: OnlineJob, _c: unknown, optionFile: string | undefined) => {
        file = optionFile ?? "";
        return ["-c", 'stat -c %a "$0"; cat "$0"', file];
      },
    };
    const lines: string[] = [];
    const run = startTool(tool, job, { host: "h", port: 1, user: "u", password: 'se"cret' }, (e) => {
      if (e.kind === "online-output") lines.push(e.line);
    });
    const exit = await run.done;
    expect(exit.code).toBe(0);
    expect(lines).toEqual(["600", "[client]", 'password="se\\"cret"']);
    expect(existsSync(file)).toBe(false);
    const shown = displayCommand(ptOsc(), job, { host: "h", port: 1, user: "u", password: "se-cret" });
    expect(shown).not.toContain("se-cret");
    expect(shown).toContain("--defaults-file=<option file, mode 0600, with the password>");
  });
});
