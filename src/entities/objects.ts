/**
 * `trigger()`, `event()` and `routine()`: triggers, scheduled events and stored functions/procedures declared beside
 * the tables, each a whole object with its body as SQL text. A definer is declared only when given (the server's
 * current user otherwise, and no drift either way).
 */
import type { Schema } from "../schema/model.ts";
import type {
  EventStatus,
  Routine,
  RoutineDataAccess,
  RoutineParam,
  ScheduledEvent,
  Trigger,
  TriggerEvent,
  TriggerTiming,
} from "../schema/objects.ts";

/** A trigger declaration; `on` is a table object or a table name. */
export interface TriggerSpec {
  readonly on: { readonly name: string } | string;
  readonly timing: TriggerTiming;
  readonly event: TriggerEvent;
  /** One statement or a `BEGIN … END` block. */
  readonly body: string;
  /** `user@host`. */
  readonly definer?: string;
}

/** A declared trigger. */
export interface TriggerDef extends TriggerSpec {
  readonly kind: "trigger";
  readonly name: string;
}

/** Declares a trigger. */
export function trigger(name: string, spec: TriggerSpec): TriggerDef {
  return { kind: "trigger", name, ...spec };
}

/**
 * An event declaration: `at` a time, or `every` an interval (`"1 HOUR"`, `"'1:30' HOUR_MINUTE"`) with optional
 * `starts`/`ends`; times as `YYYY-MM-DD HH:MM:SS` or SQL expressions.
 */
export interface EventSpec {
  readonly at?: string;
  readonly every?: string;
  readonly starts?: string;
  readonly ends?: string;
  /** ON COMPLETION PRESERVE (default false). */
  readonly preserve?: boolean;
  /** Default ENABLE. */
  readonly status?: EventStatus;
  readonly comment?: string;
  readonly body: string;
  readonly definer?: string;
}

/** A declared event. */
export interface EventDef extends EventSpec {
  readonly kind: "event";
  readonly name: string;
}

/** Declares a scheduled event. */
export function event(name: string, spec: EventSpec): EventDef {
  return { kind: "event", name, ...spec };
}

/** A routine parameter declaration (mode IN when not given; procedures only may say OUT or INOUT). */
export interface ParamSpec {
  readonly name: string;
  readonly type: string;
  readonly mode?: "IN" | "OUT" | "INOUT";
}

/** A stored function (with `returns`) or procedure declaration. */
export interface RoutineSpec {
  readonly kind: "function" | "procedure";
  readonly params?: readonly ParamSpec[];
  readonly returns?: string;
  readonly deterministic?: boolean;
  readonly dataAccess?: RoutineDataAccess;
  readonly security?: "DEFINER" | "INVOKER";
  readonly comment?: string;
  /** The routine body: one statement (`RETURN …`) or a `BEGIN … END` block. */
  readonly body: string;
  readonly definer?: string;
}

/** A declared routine. */
export interface RoutineDef extends RoutineSpec {
  readonly objectKind: "routine";
  readonly name: string;
}

/** Declares a stored function or procedure. */
export function routine(name: string, spec: RoutineSpec): RoutineDef {
  return { objectKind: "routine", name, ...spec };
}

/** Any declared schema object besides tables. */
export type ObjectDef = TriggerDef | EventDef | RoutineDef;

/** True for values made by trigger(), event() or routine(). */
export function isObjectDef(v: unknown): v is ObjectDef {
  if (typeof v !== "object" || v === null || typeof (v as { name?: unknown }).name !== "string") return false;
  const o = v as { kind?: unknown; objectKind?: unknown };
  return o.kind === "trigger" || o.kind === "event" || o.objectKind === "routine";
}

const definer = (d: string | undefined) => (d ? { definer: d } : {});

function triggerModel(t: TriggerDef): Trigger {
  const table = typeof t.on === "string" ? t.on : t.on.name;
  return { name: t.name, table, timing: t.timing, event: t.event, body: t.body.trim(), ...definer(t.definer) };
}

function eventModel(e: EventDef): ScheduledEvent {
  let schedule: ScheduledEvent["schedule"];
  if (e.at !== undefined) schedule = { at: e.at };
  else {
    const m = /^\s*(?:'([^']*)'|(\S+))\s+(\w+)\s*$/.exec(e.every ?? "");
    schedule = {
      every: { value: m ? (m[1] ?? m[2]!) : (e.every ?? ""), unit: (m?.[3] ?? "").toUpperCase() },
      ...(e.starts !== undefined ? { starts: e.starts } : {}),
      ...(e.ends !== undefined ? { ends: e.ends } : {}),
    };
  }
  return {
    name: e.name,
    schedule,
    preserve: e.preserve ?? false,
    status: e.status ?? "ENABLE",
    ...(e.comment ? { comment: e.comment } : {}),
    body: e.body.trim(),
    ...definer(e.definer),
  };
}

function routineModel(r: RoutineDef): Routine {
  const kind = r.kind === "function" ? "FUNCTION" : "PROCEDURE";
  return {
    name: r.name,
    kind,
    params: (r.params ?? []).map(
      (p): RoutineParam => ({ name: p.name, type: p.type, mode: kind === "FUNCTION" ? "IN" : (p.mode ?? "IN") }),
    ),
    ...(r.returns !== undefined ? { returns: r.returns } : {}),
    deterministic: r.deterministic ?? false,
    dataAccess: r.dataAccess ?? "CONTAINS SQL",
    security: r.security ?? "DEFINER",
    ...(r.comment ? { comment: r.comment } : {}),
    body: r.body.trim(),
    ...definer(r.definer),
  };
}

/** The declared objects as the schema's triggers, events and routines (types and times not yet normalised). */
export function objectsToSchema(objects: readonly ObjectDef[]): Pick<Schema, "triggers" | "events" | "routines"> {
  const triggers = objects.filter((o): o is TriggerDef => "kind" in o && o.kind === "trigger").map(triggerModel);
  const events = objects.filter((o): o is EventDef => "kind" in o && o.kind === "event").map(eventModel);
  const routines = objects.filter((o): o is RoutineDef => "objectKind" in o).map(routineModel);
  return {
    ...(triggers.length ? { triggers } : {}),
    ...(events.length ? { events } : {}),
    ...(routines.length ? { routines } : {}),
  };
}

/** The interval units of an event's EVERY clause. */
const UNITS = new Set([
  "YEAR",
  "QUARTER",
  "MONTH",
  "DAY",
  "HOUR",
  "MINUTE",
  "WEEK",
  "SECOND",
  "YEAR_MONTH",
  "DAY_HOUR",
  "DAY_MINUTE",
  "DAY_SECOND",
  "HOUR_MINUTE",
  "HOUR_SECOND",
  "MINUTE_SECOND",
]);

/** Problems with declared objects: a trigger on an undeclared table, two objects of one name, a bad schedule. */
export function validateObjects(tableNames: readonly string[], objects: readonly ObjectDef[]): string[] {
  const problems: string[] = [];
  const tables = new Set(tableNames);
  const seen = new Set<string>();
  for (const o of objects) {
    const what = o.kind;
    const key = `${what} ${o.name}`;
    if (seen.has(key)) problems.push(`${what} "${o.name}" is declared twice`);
    seen.add(key);
    if (!o.body?.trim()) problems.push(`${what} "${o.name}" has no body`);
    if ("kind" in o && o.kind === "trigger") {
      const table = typeof o.on === "string" ? o.on : o.on?.name;
      if (!tables.has(table)) problems.push(`trigger "${o.name}" is on table "${table}", which is not declared`);
    }
    if ("kind" in o && o.kind === "event") {
      if ((o.at === undefined) === (o.every === undefined))
        problems.push(`event "${o.name}" needs exactly one of at and every`);
      else if (
        o.every !== undefined &&
        !UNITS.has(/^\s*(?:'[^']*'|\S+)\s+(\w+)\s*$/.exec(o.every)?.[1]?.toUpperCase() ?? "")
      )
        problems.push(`event "${o.name}": every must be "<quantity> <unit>", e.g. "1 HOUR"`);
    }
    if ("objectKind" in o && o.kind === "function" && o.params?.some((p) => p.mode !== undefined && p.mode !== "IN"))
      problems.push(`function "${o.name}": only a procedure has OUT or INOUT parameters`);
    if ("objectKind" in o && (o.kind === "function") !== (o.returns !== undefined))
      problems.push(
        `${o.kind} "${o.name}": ${o.kind === "function" ? "a function needs returns" : "a procedure has no returns"}`,
      );
  }
  return problems;
}
