/**
 * Drift lines for triggers, events and routines: what the database has that the directory does not, what it lacks,
 * and what both have in another form (a drop and a create of the same object read as one "differs" line).
 */
import { goQuote } from "../../go/quote.ts";
import type { Change } from "../../schema/changes.ts";

type Side = "extra" | "missing" | "differs";

/** One object a change is about: its label (e.g. `trigger "t"`) and which side has it. */
function objectSide(change: Change): [string, Side] | undefined {
  switch (change.kind) {
    case "AddTrigger":
    case "DropTrigger":
      return [`trigger ${goQuote(change.trigger.name)}`, change.kind === "AddTrigger" ? "missing" : "extra"];
    case "AddEvent":
    case "DropEvent":
      return [`event ${goQuote(change.event.name)}`, change.kind === "AddEvent" ? "missing" : "extra"];
    case "ModifyEvent":
      return [`event ${goQuote(change.from.name)}`, "differs"];
    case "AddRoutine":
    case "DropRoutine": {
      const r = change.routine;
      return [`${r.kind.toLowerCase()} ${goQuote(r.name)}`, change.kind === "AddRoutine" ? "missing" : "extra"];
    }
    default:
      return undefined;
  }
}

/** The drift lines of the object changes among `changes` (the live schema → the directory's). */
export function objectDriftLines(changes: readonly Change[]): string[] {
  const sides = new Map<string, Side>();
  for (const c of changes) {
    const s = objectSide(c);
    if (!s) continue;
    const [label, side] = s;
    const had = sides.get(label);
    sides.set(label, had && had !== side ? "differs" : side);
  }
  return [...sides].map(([label, side]) =>
    side === "differs" ? `${label} differs from the directory's` : `${side} ${label}`,
  );
}
