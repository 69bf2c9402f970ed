/**
 * applyChanges for triggers, events and routines: each is added, dropped or (events) altered as a whole. A trigger
 * needs its table; dropping or renaming a table takes its triggers along (the server does the same).
 */
import type { ObjectChange } from "./changes.ts";
import { ApplyError } from "./errors.ts";
import { findTable, type Schema } from "./model.ts";
import { routineKey, type Trigger } from "./objects.ts";

/** The schema after one object change; throws ApplyError when it does not fit. */
export function applyObjectChange(schema: Schema, change: ObjectChange): Schema {
  const triggers = schema.triggers ?? [];
  const events = schema.events ?? [];
  const routines = schema.routines ?? [];
  switch (change.kind) {
    case "AddTrigger": {
      const t = change.trigger;
      if (!findTable(schema, t.table)) throw new ApplyError(`table "${t.table}" does not exist`, t.table);
      if (triggers.some((x) => x.name === t.name)) throw new ApplyError(`trigger "${t.name}" already exists`, t.table);
      return { ...schema, triggers: placed(triggers, t, change.follows, change.precedes) };
    }
    case "DropTrigger":
      if (!triggers.some((x) => x.name === change.trigger.name))
        throw new ApplyError(`trigger "${change.trigger.name}" does not exist`, change.trigger.table);
      return { ...schema, triggers: triggers.filter((x) => x.name !== change.trigger.name) };
    case "AddEvent":
      if (events.some((x) => x.name === change.event.name))
        throw new ApplyError(`event "${change.event.name}" already exists`, "");
      return { ...schema, events: [...events, change.event] };
    case "DropEvent":
      eventAt(events, change.event.name);
      return { ...schema, events: events.filter((x) => x.name !== change.event.name) };
    case "ModifyEvent": {
      const at = eventAt(events, change.from.name);
      if (change.to.name !== change.from.name && events.some((x) => x.name === change.to.name))
        throw new ApplyError(`event "${change.to.name}" already exists`, "");
      return { ...schema, events: events.map((e, i) => (i === at ? change.to : e)) };
    }
    case "AddRoutine": {
      const key = routineKey(change.routine);
      if (routines.some((x) => routineKey(x) === key))
        throw new ApplyError(`${change.routine.kind.toLowerCase()} "${change.routine.name}" already exists`, "");
      return { ...schema, routines: [...routines, change.routine] };
    }
    case "DropRoutine": {
      const key = routineKey(change.routine);
      if (!routines.some((x) => routineKey(x) === key))
        throw new ApplyError(`${change.routine.kind.toLowerCase()} "${change.routine.name}" does not exist`, "");
      return { ...schema, routines: routines.filter((x) => routineKey(x) !== key) };
    }
  }
}

/** The triggers with `t` added: at the end, or just after `follows` / before `precedes` (one of its group). */
function placed(triggers: readonly Trigger[], t: Trigger, follows?: string, precedes?: string): Trigger[] {
  const other = follows ?? precedes;
  if (other === undefined) return [...triggers, t];
  const at = triggers.findIndex((x) => x.name === other);
  const ref = triggers[at];
  if (!ref || ref.table !== t.table || ref.timing !== t.timing || ref.event !== t.event)
    throw new ApplyError(`trigger "${other}" is not a ${t.timing} ${t.event} trigger of table "${t.table}"`, t.table);
  const i = follows !== undefined ? at + 1 : at;
  return [...triggers.slice(0, i), t, ...triggers.slice(i)];
}

function eventAt(events: readonly { name: string }[], name: string): number {
  const at = events.findIndex((e) => e.name === name);
  if (at < 0) throw new ApplyError(`event "${name}" does not exist`, "");
  return at;
}

/** The schema's triggers without those of a dropped table. */
export function withoutTriggersOf(schema: Schema, table: string): Schema {
  if (!schema.triggers?.some((t) => t.table === table)) return schema;
  return { ...schema, triggers: schema.triggers.filter((t) => t.table !== table) };
}

/** The schema's triggers following a renamed table. */
export function triggersRenamed(schema: Schema, from: string, to: string): Schema {
  if (!schema.triggers?.some((t) => t.table === from)) return schema;
  return { ...schema, triggers: schema.triggers.map((t) => (t.table === from ? { ...t, table: to } : t)) };
}
