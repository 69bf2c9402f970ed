/**
 * diff for triggers, events and routines: matched by name (routines by kind and name), compared in normal form
 * (bodyKey; layout, comments and keyword case never differ), definers only when both sides state one, and
 * an event's start time only when both sides give one (the server fills it in otherwise).
 * A changed trigger or routine is dropped and created again; a changed event is altered in place.
 */
import type { Change } from "./changes.ts";
import type { Schema } from "./model.ts";
import {
  bodyKey,
  type EventSchedule,
  isLiteralTime,
  type Routine,
  routineKey,
  type ScheduledEvent,
  type Trigger,
} from "./objects.ts";

/**
 * The object changes that turn `current` into `desired`. `current` is the schema after the table renames; triggers
 * of tables the desired schema does not have go with their table's DROP TABLE.
 */
export function diffObjects(current: Schema, desired: Schema): Change[] {
  const tables = new Set(desired.tables.map((t) => t.name));
  const out: Change[] = [];
  const trig = pairs(
    (current.triggers ?? []).filter((t) => tables.has(t.table)),
    desired.triggers ?? [],
    (t) => t.name,
  );
  for (const [c, d] of trig) {
    if (c && (!d || !triggerSame(c, d))) out.push({ kind: "DropTrigger", trigger: c });
    if (d && (!c || !triggerSame(c, d))) out.push({ kind: "AddTrigger", trigger: d });
  }
  for (const [c, d] of pairs(current.events ?? [], desired.events ?? [], (e) => e.name)) {
    if (c && !d) out.push({ kind: "DropEvent", event: c });
    else if (d && !c) out.push({ kind: "AddEvent", event: d });
    else if (c && d && !eventSame(c, d)) out.push({ kind: "ModifyEvent", from: c, to: d });
  }
  for (const [c, d] of pairs(current.routines ?? [], desired.routines ?? [], routineKey)) {
    if (c && (!d || !routineSame(c, d))) out.push({ kind: "DropRoutine", routine: c });
    if (d && (!c || !routineSame(c, d))) out.push({ kind: "AddRoutine", routine: d });
  }
  return out;
}

/** Current and desired objects matched by key: current order first, then the desired ones that are new. */
function pairs<T>(
  current: readonly T[],
  desired: readonly T[],
  key: (x: T) => string,
): [T | undefined, T | undefined][] {
  const want = new Map(desired.map((d) => [key(d), d]));
  const have = new Set(current.map(key));
  return [
    ...current.map((c): [T, T | undefined] => [c, want.get(key(c))]),
    ...desired.filter((d) => !have.has(key(d))).map((d): [undefined, T] => [undefined, d]),
  ];
}

/** Definers differ only when both sides state one (a directory without DEFINER clauses does not fix them). */
const definerSame = (c: { definer?: string }, d: { definer?: string }) =>
  d.definer === undefined || c.definer === undefined || d.definer === c.definer;

/** True when the current trigger is what the desired one declares. */
export function triggerSame(c: Trigger, d: Trigger): boolean {
  return (
    c.table === d.table &&
    c.timing === d.timing &&
    c.event === d.event &&
    bodyKey(c.body) === bodyKey(d.body) &&
    definerSame(c, d)
  );
}

/** True when the current event is what the desired one declares. */
export function eventSame(c: ScheduledEvent, d: ScheduledEvent): boolean {
  return (
    c.name === d.name &&
    scheduleSame(c.schedule, d.schedule) &&
    c.preserve === d.preserve &&
    c.status === d.status &&
    (c.comment ?? "") === (d.comment ?? "") &&
    bodyKey(c.body) === bodyKey(d.body) &&
    definerSame(c, d)
  );
}

/** Schedules compare on what the desired side fixes: a time given as an expression is the server's to evaluate. */
function scheduleSame(c: EventSchedule, d: EventSchedule): boolean {
  if ("at" in d) return "at" in c && (!isLiteralTime(d.at) || c.at === d.at);
  if ("at" in c) return false;
  // The server fills STARTS in when it is not given: a start time counts only when both sides state a literal one.
  const timeSame = (ct: string | undefined, dt: string | undefined, serverFills: boolean) =>
    serverFills && (ct === undefined || dt === undefined)
      ? true
      : dt === undefined
        ? ct === undefined
        : !isLiteralTime(dt) || ct === dt;
  return (
    c.every.value === d.every.value &&
    c.every.unit === d.every.unit &&
    timeSame(c.starts, d.starts, true) &&
    timeSame(c.ends, d.ends, false)
  );
}

/** True when the current routine is what the desired one declares. */
export function routineSame(c: Routine, d: Routine): boolean {
  return (
    c.kind === d.kind &&
    c.name === d.name &&
    c.params.length === d.params.length &&
    c.params.every((p, i) => {
      const q = d.params[i]!;
      return p.name.toLowerCase() === q.name.toLowerCase() && p.type === q.type && p.mode === q.mode;
    }) &&
    c.returns === d.returns &&
    c.deterministic === d.deterministic &&
    c.dataAccess === d.dataAccess &&
    c.security === d.security &&
    (c.comment ?? "") === (d.comment ?? "") &&
    bodyKey(c.body) === bodyKey(d.body) &&
    definerSame(c, d)
  );
}
