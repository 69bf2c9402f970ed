/**
 * `stats-db migrate apply [amount]`: verifies atlas.sum, connects, takes Atlas's apply lock and runs the pending files,
 * printing Atlas's report (text or JSON).
 */
import process from "node:process";
import { type ArgsDef, defineCommand } from "citty";
import { type Connection, connect } from "../../db/connect.ts";
import { DurationError, parseGoDuration } from "../../db/duration.ts";
import { flavorByName, mysql8 } from "../../mysql/flavor.ts";
import { migrateApply, revisionsSchemaOf } from "../../migrate/apply.ts";
import { parseExecOrder } from "../../migrate/apply-pending.ts";
import { applyJson, formatApplyText } from "../../migrate/apply-report.ts";
import type { TxMode } from "../../migrate/directives.ts";
import type { ApplyEvent } from "../../migrate/executor.ts";
import { acquireLock, APPLY_LOCK } from "../../migrate/lock.ts";
import { openDatabase, requireUrl } from "../connect.ts";
import { ReportedError, UsageError } from "../errors.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../settings.ts";
import { openDir, verifyDir } from "../sources.ts";
import { TOOL_VERSION } from "../version.ts";

/** `--url`, `--revisions-schema`, `--format`. */
export const migrateDbArgs = {
  url: { type: "string", alias: "u", description: "database URL (mysql://user:pass@host:3306/schema)" },
  "revisions-schema": { type: "string", description: "schema holding atlas_schema_revisions" },
  format: { type: "string", description: "json (or Atlas's '{{ json . }}') for machine-readable output" },
} as const satisfies ArgsDef;

/** Whether `--format` asks for JSON; any other template is refused (only Atlas's json template is supported). */
export function isJsonFormat(format: string | undefined): boolean {
  if (format === undefined) return false;
  if (format === "json" || /^\{\{\s*json\s+\.\s*\}\}$/.test(format.trim())) return true;
  throw new UsageError(`unsupported --format "${format}": use json or '{{ json . }}'`);
}

/** Reads the `[amount]` argument as Atlas does. */
export function parseAmount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw new Error(`invalid amount argument "${value}" (invalid syntax). Omit the argument or pass a valid integer instead`);
  const n = Number(value);
  if (n < 1) throw new Error(`cannot apply '${n}' migration files`);
  return n;
}

function txModeOf(value: string | undefined): TxMode {
  const v = value ?? "file";
  if (v === "file" || v === "all" || v === "none") return v;
  throw new UsageError(`unknown tx-mode "${v}": use file, all or none`);
}

/** Reads `--lock-timeout` (a Go duration such as `10s`) as milliseconds; a bad value is a usage error. */
export function lockTimeoutMs(value: string): number {
  try {
    return parseGoDuration(value);
  } catch (e) {
    if (e instanceof DurationError) throw new UsageError(`invalid --lock-timeout: ${e.message}`);
    throw e;
  }
}

// One line per statement on stderr, only for a person watching a terminal.
function progress(event: ApplyEvent): void {
  if (event.kind !== "stmt") return;
  const first = event.text.split("\n")[0]!;
  process.stderr.write(`\r\x1b[K  ${event.file.version} [${event.index + 1}/${event.total}] ${first.length > 80 ? first.slice(0, 77) + "..." : first}`);
}

async function closeAll(conns: (Connection | undefined)[]): Promise<void> {
  await Promise.all(conns.map((c) => c?.close()));
}

export default defineCommand({
  meta: { name: "apply", description: "apply pending migration files to a database (Atlas-compatible revisions)" },
  args: {
    ...globalArgs,
    ...dirArg,
    ...migrateDbArgs,
    amount: { type: "positional", required: false, description: "apply at most this many files" },
    "dry-run": { type: "boolean", description: "print the plan without executing it" },
    "lock-timeout": { type: "string", description: "how long to wait for the apply lock (default 10s)" },
    baseline: { type: "string", description: "version to mark as applied on a database without revisions" },
    "allow-dirty": { type: "boolean", description: "allow a first apply on a database that has tables" },
    "to-version": { type: "string", description: "apply pending files up to and including this version" },
    "tx-mode": { type: "string", description: "file (default), all or none" },
    "exec-order": { type: "string", description: "linear (default), linear-skip or non-linear" },
  },
  async run({ args }) {
    const amount = parseAmount(args.amount as string | undefined);
    const json = isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const migration = settings.project?.migration ?? {};
    const txMode = txModeOf(args["tx-mode"]);
    const execOrder = parseExecOrder(args["exec-order"] ?? migration.execOrder ?? "linear");
    const timeout = lockTimeoutMs(args["lock-timeout"] ?? migration.lockTimeout ?? "10s");
    const dir = openDir(settings.dir);
    verifyDir(dir);
    const url = requireUrl(settings.url);
    const { conn, options } = await openDatabase(url);
    let lockConn: Connection | undefined;
    try {
      lockConn = await connect(url, options);
      const lock = await acquireLock(lockConn, APPLY_LOCK, timeout);
      const explicit = args["revisions-schema"] ?? migration.revisionsSchema;
      const baseline = args.baseline ?? migration.baseline;
      const report = await migrateApply(conn, {
        dir, flavor: flavorByName(conn.flavorName) ?? mysql8, revisionsSchema: revisionsSchemaOf(explicit, conn.target.schema),
        revisionsSchemaExplicit: explicit !== undefined, dryRun: args["dry-run"] === true, allowDirty: args["allow-dirty"] === true,
        ...(conn.target.schema !== undefined ? { urlSchema: conn.target.schema } : {}), ...(baseline ? { baseline } : {}),
        ...(args["to-version"] ? { toVersion: args["to-version"] } : {}), ...(amount !== undefined ? { amount } : {}),
        txMode, execOrder, operatorVersion: `stats-db v${TOOL_VERSION}`, ...(process.stderr.isTTY && !json ? { log: progress } : {}),
      }).finally(() => lock.release().catch(() => undefined));
      if (process.stderr.isTTY && !json) process.stderr.write("\r\x1b[K");
      const context = { driver: conn.flavorName, url: conn.url, dir: settings.dir };
      process.stdout.write(json ? JSON.stringify(applyJson(report, context)) + "\n" : formatApplyText(report));
      if (report.failure && json) throw new ReportedError(report.failure.message);
      if (report.failure) throw report.failure;
    } finally {
      await closeAll([lockConn, conn]);
    }
  },
});
