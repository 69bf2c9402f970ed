/**
 * `stats-db migrate apply [amount]`: verifies atlas.sum, connects, takes Atlas's apply lock and runs the pending files,
 * printing Atlas's report as it runs (text) or at the end (JSON). A signal stops the run after the running statement.
 */
import { defineCommand } from "citty";
import { forEachTarget, targetArgs } from "../targets/for-each-target.ts";
import { flavorByName, mysql8 } from "../../mysql/flavor.ts";
import type { ApplyOptions } from "../../migrate/apply.ts";
import { parseExecOrder } from "../../migrate/apply/pending.ts";
import { applyFooter, applyJson } from "../report/apply.ts";
import type { TxMode } from "../../migrate/dir/directives.ts";
import { StatementWatch } from "../../migrate/apply/statement-watch.ts";
import { printApplyEvent } from "../apply-progress.ts";
import { applySummary } from "../run-summaries.ts";
import { requireDatabase } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { catchInterrupts } from "../interrupts.ts";
import { parseAmount, lockWaitTimeoutSeconds, withMigrationSession, writeReport } from "../migrate-command.ts";
import { isJsonFormat, migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { lockTimeoutMs } from "../lock-timeout.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { StatementPlanner } from "../../migrate/apply/online/planner.ts";
import { cachedReplay } from "../../project/replay-dir.ts";
import { onlineArgs, onlineFlags, onlinePolicy } from "../online-policy.ts";
import { verifyDir } from "../../project/sources.ts";
import { openDir } from "../../project/open-dir.ts";
import { TOOL_VERSION } from "../../project/version.ts";
import { applyWithPlans, planMode, releasePlanArgs } from "../release-plan.ts";
import { out } from "../output.ts";

function txModeOf(value: string | undefined): TxMode {
  const v = value ?? "file";
  if (v === "file" || v === "all" || v === "none") return v;
  throw new UsageError(`unknown tx-mode "${v}": use file, all or none`);
}

export default defineCommand({
  meta: { name: "apply", description: "apply pending migration files to a database (Atlas-compatible revisions)" },
  args: {
    ...globalArgs,
    ...targetArgs,
    ...dirArg,
    ...migrateDbArgs,
    ...onlineArgs,
    ...releasePlanArgs,
    format: { type: "string", description: "json (or Atlas's '{{ json . }}'); markdown: the release plan (--dry-run)" },
    amount: { type: "positional", required: false, description: "apply at most this many files" },
    "dry-run": { type: "boolean", description: "print the plan without executing it" },
    "lock-timeout": { type: "string", description: "how long to wait for the apply lock (default 10s)" },
    "lock-wait-timeout": {
      type: "string",
      description: "bound on each statement's wait for a table lock (default 60s; 0 keeps the server's)",
    },
    baseline: { type: "string", description: "version to mark as applied on a database without revisions" },
    "allow-dirty": { type: "boolean", description: "allow a first apply on a database that has tables" },
    "to-version": { type: "string", description: "apply pending files up to and including this version" },
    "tx-mode": { type: "string", description: "file (default), all or none" },
    "exec-order": { type: "string", description: "linear (default), linear-skip or non-linear" },
    "allow-drift": {
      type: "boolean",
      description: "apply even when the database differs from the directory at its applied version",
    },
  },
  run: forEachTarget({ name: "migrate apply", changes: true, oneTargetFlags: ["out", "plan"] }, async ({ args }) => {
    const amount = parseAmount(args.amount as string | undefined, "apply");
    const plans = planMode(args, amount);
    const json = !plans.markdown && isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const migration = settings.project?.migration ?? {};
    const txMode = txModeOf(args["tx-mode"]);
    const execOrder = parseExecOrder(args["exec-order"] ?? migration.execOrder ?? "linear");
    const timeout = lockTimeoutMs(args["lock-timeout"], migration.lockTimeout);
    const session = {
      lockTimeoutMs: timeout,
      lockWaitTimeoutS: lockWaitTimeoutSeconds(args["lock-wait-timeout"], migration.lockWaitTimeout),
    };
    // The run log records a plan's file hash as the run's plan hash.
    const planHashOf = plans.apply ? { planHash: plans.apply.read.hash } : {};
    const dir = openDir(settings.dir);
    verifyDir(dir);
    const log = (e: Parameters<typeof printApplyEvent>[0]) =>
      printApplyEvent(e, !json && !plans.markdown, args["dry-run"] === true);
    const { report, markdown, context, stoppedBy } = await withMigrationSession(
      requireDatabase(settings),
      session,
      async ({ conn, lock, control, options }) => {
        const dryRun = args["dry-run"] === true;
        const flavor = flavorByName(conn.flavorName) ?? mysql8;
        const plannerFor = (dryRun: boolean) =>
          new StatementPlanner({
            conn,
            flavor,
            ...(conn.target.schema !== undefined ? { schemaName: conn.target.schema } : {}),
            policy: onlinePolicy(settings.project?.online, onlineFlags(args), conn.target, options),
            dryRun,
            log,
          });
        const planner = plannerFor(dryRun);
        const watch = new StatementWatch({
          conn,
          control,
          flavorName: conn.flavorName,
          ...(conn.target.schema !== undefined ? { schema: conn.target.schema } : {}),
          log,
        });
        const interrupts = catchInterrupts(async () => planner.cancel() || (await watch.cancel()));
        try {
          const baseline = args.baseline ?? migration.baseline;
          const base: ApplyOptions = {
            dir,
            flavor,
            ...revisionsLocation({ args, settings }, conn.target.schema),
            dryRun: args["dry-run"] === true,
            allowDirty: args["allow-dirty"] === true,
            allowDrift: args["allow-drift"] === true,
            ...(conn.target.schema !== undefined ? { urlSchema: conn.target.schema } : {}),
            ...(baseline ? { baseline } : {}),
            ...(args["to-version"] ? { toVersion: args["to-version"] } : {}),
            ...(amount !== undefined ? { amount } : {}),
            txMode,
            execOrder,
            operatorVersion: `stats-db v${TOOL_VERSION}`,
            log,
            send: (text) => watch.run(text),
            planner,
            stop: interrupts.signal,
            beforeFile: () => lock.verify(),
            inDoubtWaitMs: timeout,
            replay: cachedReplay,
          };
          const { report, markdown } = await applyWithPlans({
            conn,
            options: base,
            mode: plans,
            planner,
            dryPlanner: () => plannerFor(true),
          });
          return {
            report,
            markdown,
            context: { driver: conn.flavorName, url: conn.url, dir: settings.dir, dryRun: args["dry-run"] === true },
            stoppedBy: interrupts.received(),
          };
        } finally {
          interrupts.dispose();
        }
      },
      {
        command: "migrate apply",
        schema: revisionsLocation({ args, settings }, requireDatabase(settings).schema).revisionsSchema,
        dryRun: args["dry-run"] === true,
        summarize: (r) => ({ ...applySummary(r.report, r.stoppedBy !== undefined), ...planHashOf }),
        onError: () => planHashOf,
      },
    );
    // The header, files and statements were printed as they ran; the footer ends the text report.
    const text = () => (report.pending.length === 0 ? "No migration files to execute\n" : applyFooter(report));
    if (markdown !== undefined) return out(markdown);
    writeReport(report, json, () => applyJson(report, context), text, stoppedBy);
  }),
});
