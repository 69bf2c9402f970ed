/**
 * Orders a change list for a real server (Atlas §6.2): schema changes, renames, creates and alters in input order
 * but each after what it needs, cycle-breaking foreign-key ALTERs, then drops. A stable topological sort: among
 * changes free to go, the earliest phase and then the earliest input position goes first, so equal input gives
 * equal output.
 */
import type { Change } from "../../schema/changes.ts";
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

function phaseOf(change: Change): number {
  return { ModifySchema: 0, RenameTable: 1, AddTable: 2, ModifyTable: 2, DropTable: 5 }[change.kind];
}

const meets = (a: readonly string[], b: readonly string[]) => a.some((x) => b.includes(x));

/** `before[i]` = the units that must run before unit i: hard rules always, soft rules when they make no cycle. */
function precedence(units: readonly Unit[]): Set<number>[] {
  const before = units.map(() => new Set<number>());
  const pairs = (rule: (x: ChangeFacts, y: Unit) => boolean, soft: boolean) => {
    units.forEach((x, i) =>
      units.forEach((y, j) => {
        if (i !== j && rule(x.facts, y) && (!soft || !reaches(before, i, j))) before[j]!.add(i);
      }),
    );
  };
  // A name is created before it is needed, freed before it is created again, and a dropped table loses every
  // reference to it first.
  pairs((x, y) => meets(x.creates, y.facts.needs) || meets(x.frees, y.facts.creates), false);
  pairs((x, y) => y.change.kind === "DropTable" && x.releases.includes(y.change.table.name), false);
  // An ALTER that adds what a new foreign key references runs first; one that drops what an old foreign key
  // referenced runs after that key is gone.
  pairs((x, y) => x.modifies !== undefined && x.addsParts && y.facts.fkTargets.includes(x.modifies), true);
  pairs((x, y) => y.facts.modifies !== undefined && y.facts.dropsParts && x.releases.includes(y.facts.modifies), true);
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
  const done = new Set<number>();
  const out: Unit[] = [];
  while (out.length < units.length) {
    let pick = -1;
    units.forEach((u, i) => {
      if (done.has(i) || [...before[i]!].some((p) => !done.has(p))) return;
      if (pick < 0 || u.phase < units[pick]!.phase) pick = i;
    });
    if (pick < 0) throw cycleError(units, done);
    done.add(pick);
    out.push(units[pick]!);
  }
  return out;
}

function cycleError(units: readonly Unit[], done: Set<number>): PlanError {
  const stuck = units.filter((_, i) => !done.has(i)).map((u) => changeTable(u.change));
  return new PlanError(`the changes to tables ${stuck.map((t) => `"${t}"`).join(", ")} depend on each other in a cycle (e.g. swapped table names)`, stuck[0] ?? "");
}
