/**
 * `stats-db migrate down [amount]`: verifies atlas.sum, connects, takes Atlas's apply lock, and reverts the last
 * applied file(s) with a plan computed from the live schema and the directory at the target version, after checks
 * that the database has not drifted from the directory and that nothing the plan drops or narrows holds data that
 * would be lost. Prints the report (text or JSON).
 */
import { defineCommand } from "citty";
import { forEachTarget, targetArgs } from "../targets/for-each-target.ts";
import { type DownEvent, type DownReport, migrateDown } from "../../migrate/down.ts";
import { downSummary } from "../run-summaries.ts";
import type { StopSignal } from "../interrupts.ts";
import { downJson, downProgress, formatDownText } from "../report/down.ts";
import { out } from "../output.ts";
import { requireDatabase } from "../connect.ts";
import { UsageError } from "../errors.ts";
import { boundSchema } from "../../project/live-source.ts";
import { directoryReplay } from "../../project/replay-dir.ts";
import { StatementWatch } from "../../migrate/apply/statement-watch.ts";
import { printWatchEvent } from "../apply-progress.ts";
import { printPlanCosts } from "../online-progress.ts";
import { statementCosts } from "../../migrate/apply/online/cost-step.ts";
import { tableSizes } from "../../mysql/cost.ts";
import { inspectWithFlavor } from "../../mysql/inspect.ts";
import { catchInterrupts } from "../interrupts.ts";
import { parseAmount, lockWaitTimeoutSeconds, withMigrationSession, writeReport } from "../migrate-command.ts";
import { isJsonFormat, migrateDbArgs, revisionsLocation } from "../migrate-args.ts";
import { lockTimeoutMs } from "../lock-timeout.ts";
import { dirArg, globalArgs } from "../options.ts";
import { resolveSettings } from "../../project/settings.ts";
import { verifyDir } from "../../project/sources.ts";
import { openDir } from "../../project/open-dir.ts";
import { TOOL_VERSION } from "../../project/version.ts";

/** Checks `--to-version` names a file of the directory: no other version can be reverted to. */
export function checkToVersion(version: string | undefined, versions: readonly string[]): void {
  if (version === undefined || versions.includes(version)) return;
  const hint =
    versions.length === 0
      ? "the directory has no migration files"
      : `the directory has versions ${versions[0]} to ${versions.at(-1)}`;
  throw new UsageError(`--to-version ${JSON.stringify(version)} is not the version of a migration file (${hint})`);
}

export default defineCommand({
  meta: { name: "down", description: "revert the last applied migration file(s), planned from the live schema" },
  args: {
    ...globalArgs,
    ...targetArgs,
    ...dirArg,
    ...migrateDbArgs,
    amount: { type: "positional", required: false, description: "revert this many files (default 1)" },
    "to-version": { type: "string", description: "revert every file applied after this version" },
    "dry-run": { type: "boolean", description: "run the checks and print the plan; change nothing" },
    "force-data-loss": {
      type: "boolean",
      description: "skip the checks that dropped tables and columns hold no data and narrowed columns lose none",
    },
    "allow-drift": {
      type: "boolean",
      description:
        "revert even when the database differs from the directory at its version (the drift is reverted too)",
    },
    "lock-timeout": { type: "string", description: "how long to wait for the apply lock (default 10s)" },
    "lock-wait-timeout": {
      type: "string",
      description: "bound on each statement's wait for a table lock (default 60s; 0 keeps the server's)",
    },
    "dev-url": { type: "string", description: "clean dev database to replay the directory on (default: in memory)" },
    "auto-approve": {
      type: "boolean",
      description: "with a for_each env: revert on every target without the confirmation question",
    },
  },
  run: forEachTarget({ name: "migrate down", changes: true, confirm: true }, async ({ args }) => {
    const amount = parseAmount(args.amount as string | undefined, "revert");
    if (amount !== undefined && args["to-version"] !== undefined)
      throw new UsageError("give either an amount or --to-version, not both");
    const json = isJsonFormat(args.format);
    const settings = resolveSettings(args);
    const migration = settings.project?.migration ?? {};
    const timeout = lockTimeoutMs(args["lock-timeout"], migration.lockTimeout);
    const dir = openDir(settings.dir);
    verifyDir(dir);
    checkToVersion(
      args["to-version"],
      dir.files().map((f) => f.version),
    );
    const database = requireDatabase(settings);
    const schema = boundSchema(database);
    const replay = directoryReplay(settings.devUrl);
    const session = {
      lockTimeoutMs: timeout,
      lockWaitTimeoutS: lockWaitTimeoutSeconds(args["lock-wait-timeout"], migration.lockWaitTimeout),
    };
    // Text output is written as the revert runs (a killed run leaves every line up to the kill); JSON at the end.
    let streamed = false;
    const log = (e: DownEvent): void => {
      if (json) return;
      if (e.kind === "reverting") {
        streamed = true;
        out(downProgress.header(e.report));
      } else if (e.kind === "revert-start") out(downProgress.stepStart(e.step));
      else if (e.kind === "revert-stmt") out(downProgress.statement(e.sql));
      else out(downProgress.stepEnd(e.result));
    };
    const audit = {
      command: "migrate down",
      schema: revisionsLocation({ args, settings }, schema).revisionsSchema,
      dryRun: args["dry-run"] === true,
      summarize: (r: { report: DownReport; stoppedBy: StopSignal | undefined }) =>
        downSummary(r.report, r.stoppedBy !== undefined),
    };
    const { report, stoppedBy } = await withMigrationSession(
      database,
      session,
      async ({ conn, control }) => {
        const watch = new StatementWatch({ conn, control, flavorName: conn.flavorName, schema, log: printWatchEvent });
        const interrupts = catchInterrupts(() => watch.cancel());
        try {
          const report = await migrateDown(conn, {
            dir,
            schema,
            ...revisionsLocation({ args, settings }, schema),
            dryRun: args["dry-run"] === true,
            forceDataLoss: args["force-data-loss"] === true,
            allowDrift: args["allow-drift"] === true,
            operatorVersion: `stats-db v${TOOL_VERSION}`,
            ...(amount !== undefined ? { amount } : {}),
            ...(args["to-version"] !== undefined ? { toVersion: args["to-version"] } : {}),
            replay,
            send: (sql) => watch.run(sql),
            stop: interrupts.signal,
            log,
          });
          // A dry run ran nothing: the live schema is where the revert starts, so each statement can be priced on it.
          if (report.dryRun && !report.failure) {
            const { schema: live, flavor } = await inspectWithFlavor(conn, schema);
            const texts = report.steps.flatMap((s) => s.step.statements.map((x) => x.sql));
            printPlanCosts(texts, statementCosts(live, texts, flavor, await tableSizes(conn, schema)));
          }
          return { report, stoppedBy: interrupts.received() };
        } finally {
          interrupts.dispose();
        }
      },
      audit,
    );
    writeReport(
      report,
      json,
      () => downJson(report),
      () => (streamed ? downProgress.rest(report) : formatDownText(report)),
      stoppedBy,
    );
  }),
});
