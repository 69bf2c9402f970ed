/**
 * Runs a migrate command on every target of a `for_each` env (`atlas.hcl`): wraps the command's single-target body,
 * which runs once per target with that target's settings, its output held and printed whole under a header; then a
 * summary table; exit non-zero when a target failed (the first failed target's own exit code). An env without
 * `for_each` runs the body once, exactly as before.
 */
import process from "node:process";
import type { ArgsDef } from "citty";
import type { ProjectEnv } from "../../config/atlas-hcl.ts";
import { redactDatabaseUrl } from "../../db/url.ts";
import { appliedVersion } from "../../project/applied-version.ts";
import { databaseTarget } from "../../project/connect.ts";
import { DirChecksumError } from "../../project/errors.ts";
import { type CommonFlags, PROJECT_ENV } from "../../project/settings.ts";
import { needsTargets, readTargets } from "../../project/targets.ts";
import { InterruptedError, ReportedError, renderError, UsageError } from "../errors.ts";
import { namedRevisionsSchema } from "../migrate-args.ts";
import { err, out } from "../output.ts";
import { formatChecksumReport } from "../report/checksum.ts";
import { confirmTargets } from "./confirm-targets.ts";
import { runTargets, type TargetResult, type TargetWork } from "./run-targets.ts";
import { summaryText, targetHeader } from "./summary.ts";

/** `--parallel` and `--continue-on-error`: how a `for_each` env's targets run. */
export const targetArgs = {
  parallel: { type: "string", description: "with a for_each env: run this many targets at a time (default 1)" },
  "continue-on-error": {
    type: "boolean",
    description: "with a for_each env: start the remaining targets after one fails",
  },
} as const satisfies ArgsDef;

/** What the runner needs to know about a command. */
export interface TargetCommand {
  /** `migrate apply`, as the summary names it. */
  readonly name: string;
  /** Whether it changes the database: versions read before and after, one target per server at a time. */
  readonly changes: boolean;
  /** Whether it asks once before it starts on several targets (down, unless a dry run or --auto-approve). */
  readonly confirm?: boolean;
  /** Flags that name one target's file (apply's `--out`, `--plan`): refused with several targets. */
  readonly oneTargetFlags?: readonly string[];
  /** The output format an env sets when --format is not given (lint's `log`). */
  readonly formatOf?: (env: ProjectEnv) => string | undefined;
}

/** The flags the runner reads. */
type TargetFlags = CommonFlags & {
  readonly parallel?: string;
  readonly "continue-on-error"?: boolean;
  readonly "auto-approve"?: boolean;
  readonly "dry-run"?: boolean;
  readonly "revisions-schema"?: string;
  readonly format?: string;
  readonly debug?: boolean;
};

function parallelOf(v: string | undefined): number {
  if (v === undefined) return 1;
  if (!/^\d+$/.test(v) || Number(v) < 1)
    throw new UsageError(`--parallel needs a whole number of at least 1, got "${v}"`);
  return Number(v);
}

function labelOf(env: ProjectEnv): string {
  return env.url ? redactDatabaseUrl(env.url) : `${env.name}[${env.target?.key}]`;
}

// The server a URL names: targets on one server share Atlas's server-wide apply lock.
function serverOf(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const t = databaseTarget(url);
    return t.socketPath ?? `${t.host}:${t.port}`;
  } catch {
    return url;
  }
}

/** Stops starting targets on SIGINT, SIGTERM or SIGHUP (a running command handles the signal itself). */
function watchSignals(): { signal: () => InterruptedError["signal"] | undefined; dispose: () => void } {
  let received: InterruptedError["signal"] | undefined;
  const names = ["SIGINT", "SIGTERM", "SIGHUP"] as const;
  const handlers = names.map((name) => {
    const h = () => {
      received ??= name;
    };
    process.on(name, h);
    return [name, h] as const;
  });
  return {
    signal: () => received,
    dispose: () => {
      for (const [n, h] of handlers) process.off(n, h);
    },
  };
}

async function runAll<C extends { readonly args: TargetFlags }>(
  command: TargetCommand,
  ctx: C,
  body: (ctx: C) => Promise<void>,
  targets: readonly ProjectEnv[],
): Promise<void> {
  const { args } = ctx;
  const parallel = parallelOf(args.parallel);
  if ((args as { url?: string }).url !== undefined)
    throw new UsageError(`--url names one database: env "${args.env}" has ${targets.length} targets (drop --url)`);
  for (const flag of command.oneTargetFlags ?? [])
    if ((args as Record<string, unknown>)[flag] !== undefined)
      throw new UsageError(
        `--${flag} holds one target's plan: env "${args.env}" has ${targets.length} targets (use an env with one url)`,
      );
  const labels = targets.map(labelOf);
  if (command.confirm && args["dry-run"] !== true) await confirmTargets(command.name, labels, args["auto-approve"]);
  // Machine-readable reports keep stdout to themselves: headers and summary go to stderr then.
  const formatted = args.format !== undefined || targets.some((t) => command.formatOf?.(t) !== undefined);
  const print = formatted ? err : out;
  const signals = watchSignals();
  const work: TargetWork[] = targets.map((env, index) => {
    const url = env.url;
    return {
      index,
      label: labels[index]!,
      ...(command.changes && serverOf(url) ? { exclusiveKey: serverOf(url)! } : {}),
      run: () => body({ ...ctx, args: { ...args, [PROJECT_ENV]: env } }),
      ...(url
        ? { version: () => appliedVersion(url, namedRevisionsSchema({ args, settings: { project: env } })) }
        : {}),
    };
  });
  let results: TargetResult[];
  try {
    results = await runTargets(work, {
      parallel,
      continueOnError: args["continue-on-error"] === true,
      versionAfter: command.changes,
      stopped: () => signals.signal() !== undefined,
      finished: (r, chunks) => {
        print(targetHeader(r, targets.length));
        for (const c of chunks) (c.fd === 1 ? out : err)(c.text);
        if (r.outcome !== "failed") return;
        if (r.error instanceof DirChecksumError) out(formatChecksumReport(r.error.sumError));
        err(renderError(r.error, args.debug === true));
      },
    });
  } finally {
    signals.dispose();
  }
  print(summaryText(command.name, results, command.changes));
  const failure = results.find((r) => r.outcome === "failed");
  if (failure) throw new ReportedError(`${command.name} failed on ${failure.label}`, await exitCode(failure.error));
  const signal = signals.signal();
  if (signal) throw new InterruptedError(signal, "the targets not started were skipped");
}

async function exitCode(e: unknown): Promise<number> {
  return (await import("../exit-codes.ts")).exitCodeOf(e);
}

/**
 * Wraps a command's `run`: with `--env` naming a `for_each` env (or one reading a `data "sql"` source), runs `body`
 * once per target; else runs it once, as it always did.
 */
export function forEachTarget<C extends { readonly args: TargetFlags }>(
  command: TargetCommand,
  body: (ctx: C) => Promise<void>,
): (ctx: C) => Promise<void> {
  return async (ctx) => {
    if (!needsTargets(ctx.args)) return body(ctx);
    const targets = await readTargets(ctx.args);
    if (targets.length === 1 && targets[0]!.target === undefined)
      return body({ ...ctx, args: { ...ctx.args, [PROJECT_ENV]: targets[0]! } });
    return runAll(command, ctx, body, targets);
  };
}
