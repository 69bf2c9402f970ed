/**
 * The triggers, events and routines an in-doubt statement touches, so the live schema can show whether it ran: the
 * step's objects are compared with the live ones (a trigger's table with them).
 */
import type { ReplayStep } from "../replay.ts";
import type { Schema } from "../../schema/model.ts";
import { routineKey } from "../../schema/objects.ts";

/** The keys (`trigger t`, `event e`, `FUNCTION f`, …) of the objects a step changes. */
export function touchedObjects(step: ReplayStep): Set<string> {
  const keys = new Set<string>();
  for (const c of step.changes) {
    if (c.kind === "AddTrigger" || c.kind === "DropTrigger") keys.add(`trigger ${c.trigger.name}`);
    else if (c.kind === "AddEvent" || c.kind === "DropEvent") keys.add(`event ${c.event.name}`);
    else if (c.kind === "ModifyEvent") keys.add(`event ${c.from.name}`).add(`event ${c.to.name}`);
    else if (c.kind === "AddRoutine" || c.kind === "DropRoutine") keys.add(routineKey(c.routine));
  }
  return keys;
}

/** The schema's objects among `keys` (triggers with their tables' names, which the caller compares too). */
export function pickObjects(s: Schema, keys: ReadonlySet<string>): Pick<Schema, "triggers" | "events" | "routines"> {
  return {
    triggers: (s.triggers ?? []).filter((t) => keys.has(`trigger ${t.name}`)),
    events: (s.events ?? []).filter((e) => keys.has(`event ${e.name}`)),
    routines: (s.routines ?? []).filter((r) => keys.has(routineKey(r))),
  };
}

/** The tables of the triggers a step adds or drops (a trigger is compared only beside its table). */
export function triggerTables(step: ReplayStep): string[] {
  return step.changes.flatMap((c) => (c.kind === "AddTrigger" || c.kind === "DropTrigger" ? [c.trigger.table] : []));
}
