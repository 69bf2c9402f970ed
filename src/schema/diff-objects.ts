/**
 * diff for triggers, events and routines: matched by name (routines by kind and name), compared in normal form
 * (bodyKey; layout, comments and keyword case never differ), definers only when both sides state one, and
 * an event's start time only when both sides give one (the server fills it in otherwise).
 * A changed trigger or routine is dropped and created again (triggers also to restore their firing order); a changed
 * event is altered in place.
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
  out.push(
    ...diffTriggers(
      (current.triggers ?? []).filter((t) => tables.has(t.table)),
      desired.triggers ?? [],
    ),
  );
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

/** A trigger's group: the triggers of one table, timing and event, which fire in their order. */
const groupOf = (t: Trigger) => `${t.table}\u0000${t.timing}\u0000${t.event}`;

/**
 * Trigger changes: changed or gone triggers are dropped, new or changed ones created. A CREATE without FOLLOWS goes
 * last in its group, so where the desired order differs from the kept triggers' order, the kept triggers from the
 * first difference on are dropped too and every trigger from there is created again, in the desired order.
 */
function diffTriggers(current: readonly Trigger[], desired: readonly Trigger[]): Change[] {
  const want = new Map(desired.map((d) => [d.name, d]));
  const kept = new Set(current.filter((c) => want.has(c.name) && triggerSame(c, want.get(c.name)!)).map((c) => c.name));
  const redo = new Set<string>();
  for (const group of new Set(desired.map(groupOf))) {
    const d = desired.filter((t) => groupOf(t) === group).map((t) => t.name);
    const c = current.filter((t) => groupOf(t) === group && kept.has(t.name)).map((t) => t.name);
    let k = 0;
    while (k < d.length && k < c.length && d[k] === c[k]) k++;
    for (const name of c.slice(k)) redo.add(name);
    for (const name of d.slice(k)) redo.add(name);
  }
  return [
    ...current
      .filter((t) => !kept.has(t.name) || redo.has(t.name))
      .map((trigger): Change => ({ kind: "DropTrigger", trigger })),
    ...desired
      .filter((t) => !kept.has(t.name) || redo.has(t.name))
      .map((trigger): Change => ({ kind: "AddTrigger", trigger })),
  ];
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
function triggerSame(c: Trigger, d: Trigger): boolean {
  return (
    c.table === d.table &&
    c.timing === d.timing &&
    c.event === d.event &&
    bodyKey(c.body) === bodyKey(d.body) &&
    definerSame(c, d)
  );
}

/** True when the current event is what the desired one declares. */
function eventSame(c: ScheduledEvent, d: ScheduledEvent): boolean {
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
function routineSame(c: Routine, d: Routine): boolean {
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
