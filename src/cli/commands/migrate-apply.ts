/**
 * `stats-db migrate apply [amount]`: verifies atlas.sum, connects, takes Atlas's apply lock and runs the pending files,
 * printing Atlas's report (text or JSON).
 */
import process from "node:process";
import { defineCommand } from "citty";
import { flavorByName, mysql8 } from "../../mysql/flavor.ts";
import { migrateApply } from "../../migrate/apply.ts";
import { parseExecOrder } from "../../migrate/apply-pending.ts";
import { applyJson, formatApplyText } from "../../migrate/apply-report.ts";
import type { TxMode } from "../../migrate/directives.ts";
import type { ApplyEvent } from "../../migrate/executor.ts";
import { requireUrl } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { isJsonFormat, lockTimeoutMs, migrateDbArgs, revisionsLocation, withApplyLock, writeReport } from "../migrate-command.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../settings.ts";
import { openDir, verifyDir } from "../sources.ts";
import { TOOL_VERSION } from "../version.ts";

/** Reads the `[amount]` argument as Atlas does. */
export function parseAmount(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^[+-]?\d+$/.test(value)) throw new UsageError(`invalid amount argument "${value}" (invalid syntax). Omit the argument or pass a valid integer instead`);
  const n = Number(value);
  if (n < 1) throw new UsageError(`cannot apply '${n}' migration files`);
  return n;
}

function txModeOf(value: string | undefined): TxMode {
  const v = value ?? "file";
  if (v === "file" || v === "all" || v === "none") return v;
  throw new UsageError(`unknown tx-mode "${v}": use file, all or none`);
}

// One line per statement on stderr, only for a person watching a terminal.
function progress(event: ApplyEvent): void {
  if (event.kind !== "stmt") return;
  const first = event.text.split("\n")[0]!;
  process.stderr.write(`\r\x1b[K  ${event.file.version} [${event.index + 1}/${event.total}] ${first.length > 80 ? first.slice(0, 77) + "..." : first}`);
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
    const timeout = lockTimeoutMs(args["lock-timeout"], migration.lockTimeout);
    const dir = openDir(settings.dir);
    verifyDir(dir);
    const { report, context } = await withApplyLock(requireUrl(settings), timeout, async (conn) => {
      const baseline = args.baseline ?? migration.baseline;
      const report = await migrateApply(conn, {
        dir, flavor: flavorByName(conn.flavorName) ?? mysql8, ...revisionsLocation(args["revisions-schema"], migration.revisionsSchema, conn.target.schema),
        dryRun: args["dry-run"] === true, allowDirty: args["allow-dirty"] === true,
        ...(conn.target.schema !== undefined ? { urlSchema: conn.target.schema } : {}), ...(baseline ? { baseline } : {}),
        ...(args["to-version"] ? { toVersion: args["to-version"] } : {}), ...(amount !== undefined ? { amount } : {}),
        txMode, execOrder, operatorVersion: `stats-db v${TOOL_VERSION}`, ...(process.stderr.isTTY && !json ? { log: progress } : {}),
      });
      return { report, context: { driver: conn.flavorName, url: conn.url, dir: settings.dir, dryRun: args["dry-run"] === true } };
    });
    if (process.stderr.isTTY && !json) process.stderr.write("\r\x1b[K");
    writeReport(report, json, () => applyJson(report, context), () => formatApplyText(report));
  },
});
