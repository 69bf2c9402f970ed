/**
 * The env's `online { … }` block (stats-db's own): how `migrate apply` runs statements that would copy or lock a big
 * table — pinned with `ALGORITHM=…, LOCK=…`, or through an online schema-change tool above a size threshold.
 *
 *     online {
 *       pin               = true           # append ALGORITHM/LOCK to every ALTER by its expected cost
 *       tool              = "pt-osc"       # or "gh-ost" (not implemented yet)
 *       min_rows          = 1000000        # blocking ALTERs on tables above this run through the tool
 *       min_bytes         = 1073741824     # … or above this size (data + indexes)
 *       chunk_time        = 0.5            # the tool's defaults, overridable
 *       max_load          = "Threads_running=25"
 *       critical_load     = "Threads_running=50"
 *       lock_wait_timeout = 5
 *       options           = ["--alter-foreign-keys-method=auto"]   # more arguments for the tool
 *     }
 *
 * Every attribute has one type; a wrong type or an unknown name is an error at its line (shape.ts checks the names).
 */
import type { Block, Body } from "../hcl/ast.ts";
import { evaluate, kindOf, type Scope, type Value } from "../hcl/eval.ts";
import { ConfigError } from "./errors.ts";

/** The attributes an `online` block may hold. */
export const ONLINE_ATTRS = [
  "pin",
  "tool",
  "min_rows",
  "min_bytes",
  "chunk_time",
  "max_load",
  "critical_load",
  "lock_wait_timeout",
  "options",
] as const;

/** The online tools stats-db knows. */
export const ONLINE_TOOLS = ["pt-osc", "gh-ost"] as const;

/** An `online` block, read. */
export interface OnlineConfig {
  readonly pin?: boolean;
  readonly tool?: (typeof ONLINE_TOOLS)[number];
  readonly minRows?: number;
  readonly minBytes?: number;
  readonly chunkTime?: number;
  readonly maxLoad?: string;
  readonly criticalLoad?: string;
  readonly lockWaitTimeout?: number;
  readonly options?: readonly string[];
}

type Kind = "bool" | "count" | "seconds" | "string" | "strings";

const KINDS: Record<(typeof ONLINE_ATTRS)[number], Kind> = {
  pin: "bool",
  tool: "string",
  min_rows: "count",
  min_bytes: "count",
  chunk_time: "seconds",
  max_load: "string",
  critical_load: "string",
  lock_wait_timeout: "count",
  options: "strings",
};

function readValue(kind: Kind, v: Value): boolean | number | string | string[] | undefined {
  switch (kind) {
    case "bool":
      return typeof v === "boolean" ? v : undefined;
    case "count":
      return typeof v === "number" && Number.isInteger(v) && v >= 0 ? v : undefined;
    case "seconds":
      return typeof v === "number" && v > 0 ? v : undefined;
    case "string":
      return typeof v === "string" && v !== "" ? v : undefined;
    case "strings":
      return Array.isArray(v) && v.every((s) => typeof s === "string") ? (v as string[]) : undefined;
  }
}

const WANT: Record<Kind, string> = {
  bool: "true or false",
  count: "a whole number (0 or more)",
  seconds: "a number of seconds above 0",
  string: "a non-empty string",
  strings: "a list of strings",
};

const FIELDS: Record<(typeof ONLINE_ATTRS)[number], keyof OnlineConfig> = {
  pin: "pin",
  tool: "tool",
  min_rows: "minRows",
  min_bytes: "minBytes",
  chunk_time: "chunkTime",
  max_load: "maxLoad",
  critical_load: "criticalLoad",
  lock_wait_timeout: "lockWaitTimeout",
  options: "options",
};

/** Reads the env's last `online` block; undefined without one. A value of the wrong type is a ConfigError at its line. */
export function onlineConfig(env: Block | undefined, scope: Scope): OnlineConfig | undefined {
  const block = env?.body.blocks.filter((b) => b.type === "online").at(-1);
  if (!block) return undefined;
  return readBody(block.body, scope);
}

function readBody(body: Body, scope: Scope): OnlineConfig {
  const out: Record<string, unknown> = {};
  for (const a of body.attrs) {
    const name = a.name as (typeof ONLINE_ATTRS)[number];
    const kind = KINDS[name];
    const v = evaluate(a.expr, scope);
    const value = readValue(kind, v);
    if (value === undefined)
      throw new ConfigError(
        scope.file,
        `online: ${JSON.stringify(a.name)} must be ${WANT[kind]}, not ${kindOf(v)}`,
        a.pos,
      );
    if (name === "tool" && !(ONLINE_TOOLS as readonly string[]).includes(value as string))
      throw new ConfigError(
        scope.file,
        `online: unknown tool ${JSON.stringify(value)} (expected one of: ${ONLINE_TOOLS.join(", ")})`,
        a.pos,
      );
    out[FIELDS[name]] = value;
  }
  return out as OnlineConfig;
}
