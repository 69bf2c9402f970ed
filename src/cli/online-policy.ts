/**
 * The online policy of an apply run, from the env's `online { … }` block and the flags: `--pin` / `--no-pin`,
 * `--online` (every blocking ALTER through the tool), and the connection the tool uses (the run's own credentials).
 */
import type { ConnectOptions } from "../db/connect.ts";
import { choosePassword } from "../db/credentials.ts";
import type { DatabaseUrl } from "../db/url.ts";
import type { OnlineConfig } from "../config/online.ts";
import type { OnlinePolicy } from "../migrate/apply/online/planner.ts";
import { ptOsc } from "../migrate/apply/online/pt-osc.ts";
import { UsageError } from "./errors.ts";

/** `--online` and `--pin`. */
export const onlineArgs = {
  online: { type: "boolean", description: "run every ALTER that would block writers through pt-online-schema-change" },
  pin: {
    type: "boolean",
    description:
      "append the expected ALGORITHM=/LOCK= to each ALTER so the server refuses a costlier way (--no-pin: off)",
  },
} as const;

/** The flags as citty parsed them (absent when not given). */
export function onlineFlags(args: Record<string, unknown>): { online?: boolean; pin?: boolean } {
  return {
    ...(typeof args.online === "boolean" ? { online: args.online } : {}),
    ...(typeof args.pin === "boolean" ? { pin: args.pin } : {}),
  };
}

/** The run's policy: flags over the env's block. */
export function onlinePolicy(
  config: OnlineConfig | undefined,
  flags: { readonly online?: boolean; readonly pin?: boolean },
  target: DatabaseUrl,
  options: ConnectOptions,
): OnlinePolicy {
  if (config?.tool === "gh-ost") throw new UsageError('online tool "gh-ost" is not supported yet: use tool = "pt-osc"');
  const { password } = choosePassword(target, options.client, options.password);
  return {
    pin: flags.pin ?? config?.pin ?? false,
    all: flags.online === true,
    ...(config?.minRows !== undefined ? { minRows: config.minRows } : {}),
    ...(config?.minBytes !== undefined ? { minBytes: config.minBytes } : {}),
    tool: ptOsc({
      ...(config?.chunkTime !== undefined ? { chunkTime: config.chunkTime } : {}),
      ...(config?.maxLoad !== undefined ? { maxLoad: config.maxLoad } : {}),
      ...(config?.criticalLoad !== undefined ? { criticalLoad: config.criticalLoad } : {}),
      ...(config?.lockWaitTimeout !== undefined ? { lockWaitTimeout: config.lockWaitTimeout } : {}),
      ...(config?.options !== undefined ? { options: config.options } : {}),
    }),
    credentials: {
      host: target.host,
      port: target.port,
      ...(target.socketPath !== undefined ? { socketPath: target.socketPath } : {}),
      user: target.user,
      ...(password !== undefined ? { password } : {}),
    },
  };
}
