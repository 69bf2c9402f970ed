/**
 * Schema objects besides tables: triggers, events and stored routines (functions and procedures). Each is a whole
 * object, compared by its normalised body and replaced as a whole when it changes. Definers are kept when a source
 * states one and compared only when the desired side declares it.
 */

/** When a trigger fires. */
export type TriggerTiming = "BEFORE" | "AFTER";

/** The statement a trigger fires on. */
export type TriggerEvent = "INSERT" | "UPDATE" | "DELETE";

/** A trigger: it belongs to its table (dropping the table drops it). */
export interface Trigger {
  readonly name: string;
  readonly table: string;
  readonly timing: TriggerTiming;
  readonly event: TriggerEvent;
  /** The body as written (a statement or a `BEGIN … END` block), compared in normal form (bodyKey). */
  readonly body: string;
  /** `user@host`, unquoted; absent when the source does not state one. */
  readonly definer?: string;
}

/**
 * An event's schedule: once `at` a time, or `every` interval (value and unit, e.g. `1` `HOUR`, `1:30` `HOUR_MINUTE`)
 * between optional `starts` and `ends`. Times are `YYYY-MM-DD HH:MM:SS` when literal, the expression text otherwise.
 */
export type EventSchedule =
  | { readonly at: string }
  | {
      readonly every: { readonly value: string; readonly unit: string };
      readonly starts?: string;
      readonly ends?: string;
    };

/** Whether an event runs: `DISABLE ON SLAVE` is what a replica shows for an event created on its primary. */
export type EventStatus = "ENABLE" | "DISABLE" | "DISABLE ON SLAVE";

/** A scheduled event. */
export interface ScheduledEvent {
  readonly name: string;
  readonly schedule: EventSchedule;
  /** ON COMPLETION PRESERVE (true) or NOT PRESERVE (false, the default). */
  readonly preserve: boolean;
  readonly status: EventStatus;
  readonly comment?: string;
  readonly body: string;
  readonly definer?: string;
}

/** The two kinds of stored routine; each has its own namespace. */
export type RoutineKind = "FUNCTION" | "PROCEDURE";

/** A routine parameter (`mode` is IN when not written, and always IN for a function). */
export interface RoutineParam {
  readonly name: string;
  /** Canonical type text (as for columns), without charset or collation. */
  readonly type: string;
  readonly mode: "IN" | "OUT" | "INOUT";
}

/** What a routine's body does with data (the default is CONTAINS SQL). */
export type RoutineDataAccess = "CONTAINS SQL" | "NO SQL" | "READS SQL DATA" | "MODIFIES SQL DATA";

/** A stored function or procedure. */
export interface Routine {
  readonly name: string;
  readonly kind: RoutineKind;
  readonly params: readonly RoutineParam[];
  /** A function's return type (canonical type text). */
  readonly returns?: string;
  readonly deterministic: boolean;
  readonly dataAccess: RoutineDataAccess;
  readonly security: "DEFINER" | "INVOKER";
  readonly comment?: string;
  readonly body: string;
  readonly definer?: string;
}

/** The key a routine is known by: functions and procedures may share a name. */
export function routineKey(r: Pick<Routine, "kind" | "name">): string {
  return `${r.kind} ${r.name}`;
}

/** Runs of text the body normal form treats as one token: quoted text, comments, blanks, words, other characters. */
const BODY_TOKEN =
  /'(?:[^'\\]|\\[\s\S]|'')*'|"(?:[^"\\]|\\[\s\S]|"")*"|`(?:[^`]|``)*`|\/\*[\s\S]*?\*\/|(?:--(?=\s|$)|#)[^\n]*|\s+|[\p{L}\p{N}_$]+|[\s\S]/gu;

/**
 * A body's normal form for comparison: comments dropped, unquoted words lower-cased, tokens joined by one space, so
 * layout, comments and keyword case never read as a change. Quoted text is kept exactly.
 */
export function bodyKey(body: string): string {
  const out: string[] = [];
  for (const [t] of body.matchAll(BODY_TOKEN)) {
    const c = t[0]!;
    if (/\s/.test(c) || (c === "/" && t[1] === "*") || c === "#" || (c === "-" && t[1] === "-")) continue;
    out.push(c === "'" || c === '"' || c === "`" ? t : t.toLowerCase());
  }
  // A trailing `;` is the statement's end, not part of the body.
  while (out[out.length - 1] === ";") out.pop();
  return out.join(" ");
}

/** True when a time of a schedule is a literal `YYYY-MM-DD HH:MM:SS` (an expression's value is the server's to fix). */
export function isLiteralTime(t: string | undefined): boolean {
  return t !== undefined && /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/.test(t);
}
