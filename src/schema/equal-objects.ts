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

/** The objects of a schema in comparison form (empty lists for none). */
export function comparableObjects(s: Schema): object {
  return {
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
