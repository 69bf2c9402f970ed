/**
 * pt-online-schema-change (Percona Toolkit, Debian's `percona-toolkit`) as an online tool: it creates `_<table>_new`
 * with the new definition, copies the rows in chunks while triggers carry concurrent writes over, then swaps the two
 * tables in one RENAME (the cut-over) and drops the old one. Defaults: chunks of 0.5 s, pause above 25 running
 * threads, abort above 50, metadata-lock waits bounded to 5 s, progress every 5 s.
 */
import { spawnSync } from "node:child_process";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { goQuote } from "../../../go/quote.ts";
import {
  ACCOUNT_PRIVILEGES_QUERY,
  likePrefix,
  REFERENCING_KEYS_QUERY,
  TABLE_TRIGGERS_QUERY,
  tablesNamedQuery,
  TRIGGERS_LIKE_QUERY,
} from "../../../mysql/queries/online-tool.ts";
import { OnlinePrerequisiteError } from "./errors.ts";
import type { OnlineJob, OnlineResidue, OnlineTool, OnlineToolEvent, OnlineToolSettings } from "./tool.ts";

/** The privileges pt-online-schema-change needs on the schema (PROCESS, globally, to look for replicas). */
const NEEDED = ["ALTER", "CREATE", "DROP", "INSERT", "UPDATE", "DELETE", "SELECT", "TRIGGER", "PROCESS"];

const PROGRESS = /^Copying `[^`]*`\.`[^`]*`:\s+(\d+)% (\S+) remain/;

function hasOption(options: readonly string[], name: string): boolean {
  return options.some((o) => o === name || o.startsWith(`${name}=`));
}

// pt-osc's DSN separates its parts with commas and has no escape for them.
function dsnValue(v: string): string {
  if (/[,=]/.test(v))
    throw new OnlinePrerequisiteError(`pt-online-schema-change cannot take ${goQuote(v)} in a DSN (a comma or "=")`);
  return v;
}

// Whether the program answers `--version` (it is installed and runs).
function ptOscInstalled(program = "pt-online-schema-change"): boolean {
  const r = spawnSync(program, ["--version"], { stdio: "ignore" });
  return r.status === 0;
}

/** pt-online-schema-change with `settings` (absent ones take the defaults above). */
export function ptOsc(settings: OnlineToolSettings = {}): OnlineTool {
  const options = settings.options ?? [];
  const pidFile = (job: OnlineJob) => join(tmpdir(), `stats-db-pt-osc-${job.schema}-${job.table}.pid`);
  return {
    name: "pt-osc",
    program: "pt-online-schema-change",
    args(job, credentials, optionFile) {
      const dsn = [
        ...(credentials.socketPath
          ? [`S=${dsnValue(credentials.socketPath)}`]
          : [`h=${dsnValue(credentials.host)}`, `P=${credentials.port}`]),
        `u=${dsnValue(credentials.user)}`,
        `D=${dsnValue(job.schema)}`,
        `t=${dsnValue(job.table)}`,
      ].join(",");
      return [
        ...(optionFile !== undefined ? [`--defaults-file=${optionFile}`] : []),
        "--alter",
        job.clauses,
        "--chunk-time",
        String(settings.chunkTime ?? 0.5),
        "--max-load",
        settings.maxLoad ?? "Threads_running=25",
        "--critical-load",
        settings.criticalLoad ?? "Threads_running=50",
        "--set-vars",
        `lock_wait_timeout=${settings.lockWaitTimeout ?? 5}`,
        "--progress",
        "time,5",
        "--pid",
        pidFile(job),
        ...options,
        "--execute",
        dsn,
      ];
    },
    async refusal(conn, job) {
      if (!ptOscInstalled())
        return "pt-online-schema-change is not installed: install percona-toolkit (apt-get install percona-toolkit)";
      const t = job.before;
      if (!t.primaryKey && !t.indexes.some((i) => i.unique))
        return `table ${goQuote(job.table)} has no primary key or unique index, which pt-online-schema-change needs: add one first`;
      // Its own triggers left by an interrupted run are removed before it starts (online-run.ts): not a conflict.
      const own = `pt_osc_${job.schema}_${job.table}_`;
      const triggers = (await conn.query(TABLE_TRIGGERS_QUERY, [job.schema, job.table])).filter(
        (r) => !String(r.name).startsWith(own),
      );
      if (triggers.length > 0 && !hasOption(options, "--preserve-triggers"))
        return `table ${goQuote(job.table)} has triggers (${triggers.map((r) => goQuote(String(r.name))).join(", ")}): add "--preserve-triggers" to online { options } or run the statement natively`;
      const refs = await conn.query(REFERENCING_KEYS_QUERY, [job.schema, job.table]);
      if (refs.length > 0 && !hasOption(options, "--alter-foreign-keys-method"))
        return `foreign keys of other tables reference ${goQuote(job.table)} (${refs.map((r) => `${r.child}.${r.name}`).join(", ")}): add "--alter-foreign-keys-method=auto" to online { options } or run the statement natively`;
      const held = new Set((await conn.query(ACCOUNT_PRIVILEGES_QUERY, [job.schema])).map((r) => String(r.p)));
      const missing = held.has("ALL PRIVILEGES") ? [] : NEEDED.filter((p) => !held.has(p));
      if (missing.length > 0)
        return `the account lacks ${missing.join(", ")} on ${goQuote(job.schema)}, which pt-online-schema-change needs: grant them or run the statement natively`;
      return undefined;
    },
    async residue(conn, job): Promise<OnlineResidue> {
      const prefix = `pt_osc_${job.schema}_${job.table}_`;
      const triggers = await conn.query(TRIGGERS_LIKE_QUERY, [job.schema, likePrefix(prefix)]);
      const names = [1, 2, 3].flatMap((n) => ["new", "old"].map((s) => `${"_".repeat(n)}${job.table}_${s}`));
      const tables = (await conn.query(tablesNamedQuery(names.length), [job.schema, ...names])).map((r) =>
        String(r.name),
      );
      return {
        triggers: triggers.map((r) => String(r.name)),
        shadow: tables.filter((n) => n.endsWith("_new")),
        old: tables.filter((n) => n.endsWith("_old")),
      };
    },
    pidFile,
    activityPattern(job) {
      return `%${likePrefix(`_${job.table}_new`).slice(0, -1)}%`;
    },
    readLine(job, line): OnlineToolEvent {
      const m = PROGRESS.exec(line.trim());
      return m
        ? { kind: "online-progress", table: job.table, percent: Number(m[1]), eta: m[2]! }
        : { kind: "online-output", table: job.table, line };
    },
  };
}
