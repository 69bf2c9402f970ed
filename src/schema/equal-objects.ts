/**
 * Triggers, events and routines in comparison form: sorted, bodies in normal form, definers and server-filled event
 * start times left out (what two sources of the same schema may tell differently without a change).
 */
import type { Schema } from "./model.ts";
import { bodyKey, routineKey } from "./objects.ts";

const by =
  <T>(key: (x: T) => string) =>
  (a: T, b: T) =>
    key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;

/** The firing order of each table, timing and event that has more than one trigger: `table timing event: a, b`. */
function triggerOrder(s: Schema): string[] {
  const groups = new Map<string, string[]>();
  for (const t of s.triggers ?? []) {
    const key = `${t.table} ${t.timing} ${t.event}`;
    groups.set(key, [...(groups.get(key) ?? []), t.name]);
  }
  return [...groups]
    .filter(([, names]) => names.length > 1)
    .map(([key, names]) => `${key}: ${names.join(", ")}`)
    .sort();
}

/** The objects of a schema in comparison form (empty lists for none), with the triggers' firing order. */
export function comparableObjects(s: Schema): object {
  return {
    triggerOrder: triggerOrder(s),
    triggers: [...(s.triggers ?? [])]
      .sort(by((t) => t.name))
      .map(({ definer: _d, ...t }) => ({ ...t, body: bodyKey(t.body) })),
    events: [...(s.events ?? [])].sort(by((e) => e.name)).map(({ definer: _d, ...e }) => {
      const schedule = "at" in e.schedule ? e.schedule : { ...e.schedule, starts: undefined };
      return { ...e, schedule, comment: e.comment ?? "", body: bodyKey(e.body) };
    }),
    routines: [...(s.routines ?? [])]
      .sort(by(routineKey))
      .map(({ definer: _d, ...r }) => ({ ...r, comment: r.comment ?? "", body: bodyKey(r.body) })),
  };
}
