/**
 * Orders a change list for a real server (Atlas §6.2): schema changes, renames, creates and alters in input order
 * but each after what it needs, cycle-breaking foreign-key ALTERs, then drops. A stable topological sort: among
 * changes free to go, the earliest phase and then the earliest input position goes first, so equal input gives
 * equal output.
 */
import type { Change, ChangeKind } from "../../schema/changes.ts";
import { detachCycles } from "./cycles.ts";
import { PlanError } from "./errors.ts";
import { type ChangeFacts, changeFacts, changeTable } from "./order-facts.ts";

interface Unit {
  readonly change: Change;
  readonly phase: number;
  readonly facts: ChangeFacts;
}

/** The changes in the order a server can run them, with foreign-key cycles detached into extra ALTERs. */
export function orderChanges(changes: readonly Change[]): Change[] {
  const { main, deferredAdds, preDrops } = detachCycles(changes);
  const units: Unit[] = [
    ...main.map((change) => unit(change, phaseOf(change))),
    ...deferredAdds.map((change) => unit(change, 3)),
    ...preDrops.map((change) => unit(change, 4)),
  ];
  return sortUnits(units, precedence(units)).map((u) => u.change);
}

function unit(change: Change, phase: number): Unit {
  return { change, phase, facts: changeFacts(change) };
}

/** Where each kind goes when nothing forces it elsewhere (3 and 4 are the detached foreign-key ALTERs). */
const PHASE: Readonly<Record<ChangeKind, number>> = {
  ModifySchema: 0,
  RenameTable: 1,
  AddTable: 2,
  ModifyTable: 2,
  DropTable: 5,
  AddView: 2,
  ModifyView: 2,
  DropView: 5,
  // Triggers, events and routines: old ones go first, new ones after every table exists (src/mysql/plan/objects.ts).
  DropTrigger: 0,
  DropEvent: 0,
  DropRoutine: 0,
  AddRoutine: 6,
  AddTrigger: 7,
  AddEvent: 7,
  ModifyEvent: 7,
};

function phaseOf(change: Change): number {
  return PHASE[change.kind];
}

/** `before[j]` = the units that must run before unit j: hard rules always, soft rules when they make no cycle. */
function precedence(units: readonly Unit[]): Set<number>[] {
  const before = units.map(() => new Set<number>());
  const by = (key: (u: Unit) => readonly string[]) => {
    const map = new Map<string, number[]>();
    for (const [j, u] of units.entries()) for (const name of key(u)) map.set(name, [...(map.get(name) ?? []), j]);
    return (name: string) => map.get(name) ?? [];
  };
  const needing = by((u) => u.facts.needs);
  const creating = by((u) => u.facts.creates);
  const dropping = by((u) =>
    u.change.kind === "DropTable" ? [u.change.table.name] : u.change.kind === "DropView" ? [u.change.view.name] : [],
  );
  const targeting = by((u) => u.facts.fkTargets);
  const reshaping = by((u) => (u.facts.modifies !== undefined && u.facts.dropsParts ? [u.facts.modifies] : []));
  const rule = (soft: boolean, targets: (x: ChangeFacts) => number[]) =>
    units.forEach((x, i) => {
      for (const j of targets(x.facts)) if (i !== j && (!soft || !reaches(before, i, j))) before[j]!.add(i);
    });
  // A name is created before it is needed, freed before it is created again, and a dropped table loses every
  // reference to it first.
  rule(false, (x) => [...x.creates.flatMap(needing), ...x.frees.flatMap(creating), ...x.releases.flatMap(dropping)]);
  // An ALTER that adds what a new foreign key references runs first; one that drops what an old foreign key
  // referenced runs after that key is gone.
  rule(true, (x) => (x.modifies !== undefined && x.addsParts ? targeting(x.modifies) : []));
  rule(true, (x) => x.releases.flatMap(reshaping));
  // A view that reads a table being reshaped is dropped before the change and created or replaced after it.
  const touching = by((u) => u.facts.touches);
  const viewReading = by((u) => u.facts.viewReads);
  rule(true, (x) => x.droppedViewReads.flatMap(touching));
  rule(true, (x) => x.touches.flatMap(viewReading));
  return before;
}

/** True when unit `to` already has to run before unit `from` (so requiring "from before to" would close a cycle). */
function reaches(before: readonly Set<number>[], from: number, to: number): boolean {
  const seen = new Set<number>();
  const stack = [from];
  while (stack.length) {
    const n = stack.pop()!;
    if (n === to) return true;
    if (seen.has(n)) continue;
    seen.add(n);
    stack.push(...before[n]!);
  }
  return false;
}

function sortUnits(units: readonly Unit[], before: readonly Set<number>[]): Unit[] {
  const waiting = before.map((set) => set.size);
  const next = units.map(() => [] as number[]);
  for (const [j, set] of before.entries()) for (const i of set) next[i]!.push(j);
  const done = new Set<number>();
  const out: Unit[] = [];
  while (out.length < units.length) {
    let pick = -1;
    units.forEach((u, i) => {
      if (done.has(i) || waiting[i]! > 0) return;
      if (pick < 0 || u.phase < units[pick]!.phase) pick = i;
    });
    if (pick < 0) throw cycleError(units, done);
    done.add(pick);
    for (const j of next[pick]!) waiting[j] = waiting[j]! - 1;
    out.push(units[pick]!);
  }
  return out;
}

function cycleError(units: readonly Unit[], done: Set<number>): PlanError {
  const stuck = units.filter((_, i) => !done.has(i)).map((u) => changeTable(u.change));
  return new PlanError(
    `the changes to tables ${stuck.map((t) => `"${t}"`).join(", ")} depend on each other in a cycle (e.g. swapped table names)`,
    stuck[0] ?? "",
  );
}
