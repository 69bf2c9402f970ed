/**
 * The fault lab: a private MariaDB of its own (these tests change global settings and kill sessions), a migration
 * project whose statements take seconds on a filled table, the CLI run as a child process that can be killed, and
 * the checks every fault run ends with: the schema equals a clean apply's, every revision row is finished, and every
 * statement reached the server exactly once (counted in the server's general log).
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { type Connection, createConnection } from "mysql2/promise";
import { repoRoot } from "../cli/run-cli.ts";
import { PrivateServer } from "../support/private-server.ts";
import { writeProject } from "../support/project.ts";
import { findServerBinaries } from "../support/server-binaries.ts";

const main = join(repoRoot, "src", "cli", "main.ts");

/** Rows in the table the slow statements rebuild (FAULT_ROWS overrides; more rows, longer statements). */
export const ROWS = Number(process.env.FAULT_ROWS ?? 150_000);

/** The files after the first: 5 × 4 single-line statements, slow table rebuilds mixed with quick ones. */
export const FILES: Readonly<Record<string, string>> = Object.fromEntries([
  ["001_big.sql", "CREATE TABLE big (id int NOT NULL, v int NOT NULL, PRIMARY KEY (id));\n"],
  ...[2, 3, 4, 5, 6].map((n) => [
    `00${n}_step${n}.sql`,
    [
      `ALTER TABLE big ADD COLUMN c${n}a int NULL, ALGORITHM=COPY;`,
      `CREATE TABLE t${n} (id int NOT NULL, PRIMARY KEY (id));`,
      `ALTER TABLE big ADD INDEX i${n} (v, c${n}a);`,
      `ALTER TABLE big ADD COLUMN c${n}b varchar(20) NULL, ALGORITHM=COPY;`,
    ].join("\n") + "\n",
  ]),
]);

/** Every statement of the files after the first, in order, without its `;`. */
export const STATEMENTS: readonly string[] = Object.entries(FILES)
  .slice(1)
  .flatMap(([, text]) => text.trim().split("\n"))
  .map((s) => s.replace(/;$/, ""));

/** A CLI child process. */
export interface Child {
  readonly proc: ReturnType<typeof Bun.spawn>;
  readonly done: Promise<{ code: number; stdout: string; stderr: string }>;
}

/** The lab's server, an admin connection and a project folder. */
export class FaultLab {
  private constructor(
    readonly server: PrivateServer,
    private adminConn: Connection,
    readonly root: string,
  ) {}

  /** The admin connection (a new one after a crash). */
  get admin(): Connection {
    return this.adminConn;
  }

  /** Crashes the server (SIGKILL), starts it again, reconnects and keeps logging to `log`. */
  async crashServer(log: string): Promise<void> {
    await this.server.kill();
    await this.server.start();
    this.adminConn.destroy();
    this.adminConn = await createConnection({ uri: this.server.url });
    await this.logTo(log);
  }

  private async logTo(log: string): Promise<void> {
    await this.adminConn.query("SET GLOBAL log_output = 'FILE'");
    await this.adminConn.query("SET GLOBAL general_log = 0");
    await this.adminConn.query(`SET GLOBAL general_log_file = '${log}'`);
    await this.adminConn.query("SET GLOBAL general_log = 1");
  }

  static async start(): Promise<FaultLab> {
    const server = await PrivateServer.create(findServerBinaries());
    const admin = await createConnection({ uri: server.url });
    const root = writeProject(FILES);
    return new FaultLab(server, admin, root);
  }

  async stop(): Promise<void> {
    this.admin.destroy();
    await this.server.stop();
    rmSync(this.root, { recursive: true, force: true });
  }

  url(db: string): string {
    return `${this.server.url}/${db}`;
  }

  /** A new database holding `big` (file 1 applied by the CLI) filled with ROWS rows; the general log goes to a new file. */
  async prepare(name: string): Promise<{ db: string; log: string }> {
    const db = `fault_${name}_${Date.now() % 1e8}`;
    await this.admin.query(`CREATE DATABASE \`${db}\``);
    const first = await this.run(["migrate", "apply", "1", "--url", this.url(db)]).done;
    if (first.code !== 0) throw new Error(`preparing ${db}: ${first.stderr}`);
    await this.admin.query(`INSERT INTO \`${db}\`.big SELECT seq, seq FROM \`${db}\`.seq_1_to_${ROWS}`);
    const log = join(this.root, `${db}.log`);
    await this.logTo(log);
    return { db, log };
  }

  /** Starts the CLI from source in the project folder. */
  run(args: string[], env: Record<string, string> = {}): Child {
    const proc = Bun.spawn([process.execPath, main, ...args], {
      cwd: this.root,
      env: { ...process.env, NO_COLOR: "1", ...env },
      stdout: "pipe",
      stderr: "pipe",
      stdin: "ignore",
    });
    const done = Promise.all([new Response(proc.stdout).text(), new Response(proc.stderr).text(), proc.exited]).then(
      ([stdout, stderr, code]) => ({ code, stdout, stderr }),
    );
    return { proc, done };
  }

  /** Waits until `cond` holds (polled every 20 ms) or the child ends; true when it held. */
  async until(child: Child, cond: () => Promise<boolean>, timeoutMs = 120_000): Promise<boolean> {
    let ended = false;
    void child.done.then(() => (ended = true));
    const deadline = Date.now() + timeoutMs;
    while (!ended && Date.now() < deadline) {
      if (await cond()) return true;
      await Bun.sleep(20);
    }
    return false;
  }

  /** Whether a session of the server is running `stmt` right now. */
  async running(stmt: string): Promise<boolean> {
    const [rows] = await this.admin.query("SELECT COUNT(*) AS n FROM information_schema.PROCESSLIST WHERE INFO = ?", [
      stmt,
    ]);
    return Number((rows as { n: number }[])[0]?.n) > 0;
  }

  /** Statements recorded as applied in a database's revisions table (0 before it exists). */
  async appliedCount(db: string): Promise<number> {
    const [rows] = await this.admin
      .query(`SELECT COALESCE(SUM(applied), 0) AS n FROM \`${db}\`.atlas_schema_revisions WHERE version <> '001'`)
      .catch(() => [[{ n: 0 }]] as unknown as [unknown]);
    return Number((rows as { n: number }[])[0]?.n ?? 0);
  }

  /** The database's tables' DDL and its revision rows: what a converged run must equal. */
  async state(db: string): Promise<{ tables: string[]; revisions: unknown[] }> {
    const [names] = await this.admin.query(
      "SELECT TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_NAME NOT IN ('atlas_schema_revisions', 'stats_db_apply_journal', 'stats_db_run_log') ORDER BY 1",
      [db],
    );
    const tables: string[] = [];
    for (const { t } of names as { t: string }[]) {
      const [rows] = await this.admin.query(`SHOW CREATE TABLE \`${db}\`.\`${t}\``);
      tables.push(String((rows as Record<string, string>[])[0]!["Create Table"]));
    }
    const [revisions] = await this.admin.query(
      `SELECT version, applied, total, error, partial_hashes FROM \`${db}\`.atlas_schema_revisions ORDER BY version`,
    );
    return { tables, revisions: revisions as unknown[] };
  }

  /** How many times each statement reached the server according to a general log file. */
  sentCounts(log: string): Map<string, number> {
    const text = readFileSync(log, "utf8");
    const counts = new Map(STATEMENTS.map((s) => [s, 0]));
    for (const line of text.split("\n")) {
      const m = /\sQuery\t(.*)$/.exec(line);
      const stmt = m?.[1]?.replace(/;$/, "");
      if (stmt !== undefined && counts.has(stmt)) counts.set(stmt, counts.get(stmt)! + 1);
    }
    return counts;
  }
}
