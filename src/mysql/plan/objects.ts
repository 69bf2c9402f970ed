/**
 * Trigger, event and routine changes → statements: CREATE and DROP of the whole object, ALTER EVENT for a changed
 * event. A definer is written only when the object states one; the body as written.
 */
import { goQuote } from "../../go/quote.ts";
import type { ObjectChange } from "../../schema/changes.ts";
import type { EventSchedule, Routine, ScheduledEvent, Trigger } from "../../schema/objects.ts";
import { isLiteralTime } from "../../schema/objects.ts";
import { ident, quoteString } from "../sql.ts";

/** One statement and the comment written above it. */
interface Statement {
  readonly comment: string;
  readonly sql: string;
}

/** The statements of one object change. */
export function objectStatements(change: ObjectChange): Statement[] {
  switch (change.kind) {
    case "AddTrigger": {
      const order =
        change.follows !== undefined
          ? ` FOLLOWS ${ident(change.follows)}`
          : change.precedes !== undefined
            ? ` PRECEDES ${ident(change.precedes)}`
            : "";
      const sql = createTriggerSql(change.trigger, order);
      return [{ comment: `create trigger ${goQuote(change.trigger.name)}`, sql }];
    }
    case "DropTrigger":
      return [
        { comment: `drop trigger ${goQuote(change.trigger.name)}`, sql: `DROP TRIGGER ${ident(change.trigger.name)}` },
      ];
    case "AddEvent":
      return [{ comment: `create ${goQuote(change.event.name)} event`, sql: createEventSql(change.event) }];
    case "DropEvent":
      return [{ comment: `drop ${goQuote(change.event.name)} event`, sql: `DROP EVENT ${ident(change.event.name)}` }];
    case "ModifyEvent":
      return [{ comment: `modify ${goQuote(change.from.name)} event`, sql: alterEventSql(change.from, change.to) }];
    case "AddRoutine": {
      const r = change.routine;
      return [{ comment: `create ${goQuote(r.name)} ${r.kind.toLowerCase()}`, sql: createRoutineSql(r) }];
    }
    case "DropRoutine": {
      const r = change.routine;
      return [{ comment: `drop ${goQuote(r.name)} ${r.kind.toLowerCase()}`, sql: `DROP ${r.kind} ${ident(r.name)}` }];
    }
  }
}

/** `DEFINER=`u`@`h` ` (with its trailing space), or nothing. */
function definer(d: string | undefined): string {
  if (d === undefined) return "";
  const at = d.lastIndexOf("@");
  return at < 0 ? `DEFINER=${ident(d)} ` : `DEFINER=${ident(d.slice(0, at))}@${ident(d.slice(at + 1))} `;
}

/** `CREATE TRIGGER …` of one trigger; `order` is ` FOLLOWS x`, ` PRECEDES x` or empty. */
function createTriggerSql(t: Trigger, order = ""): string {
  const on = `ON ${ident(t.table)} FOR EACH ROW${order}`;
  return `CREATE ${definer(t.definer)}TRIGGER ${ident(t.name)} ${t.timing} ${t.event} ${on} ${t.body}`;
}

/** `CREATE EVENT …` of one event. */
function createEventSql(e: ScheduledEvent): string {
  return `CREATE ${definer(e.definer)}EVENT ${ident(e.name)} ${eventClauses(e)}`;
}

function alterEventSql(from: ScheduledEvent, to: ScheduledEvent): string {
  const rename = from.name !== to.name ? ` RENAME TO ${ident(to.name)}` : "";
  const schedule = `ON SCHEDULE ${scheduleSql(to.schedule)}`;
  const rest = `${completion(to)}${rename} ${to.status} COMMENT ${quoteString(to.comment ?? "")} DO ${to.body}`;
  return `ALTER ${definer(to.definer)}EVENT ${ident(from.name)} ${schedule} ${rest}`;
}

function eventClauses(e: ScheduledEvent): string {
  const comment = e.comment ? ` COMMENT ${quoteString(e.comment)}` : "";
  return `ON SCHEDULE ${scheduleSql(e.schedule)} ${completion(e)} ${e.status}${comment} DO ${e.body}`;
}

const completion = (e: ScheduledEvent) => `ON COMPLETION ${e.preserve ? "" : "NOT "}PRESERVE`;

const time = (t: string) => (isLiteralTime(t) ? quoteString(t) : t);

function scheduleSql(s: EventSchedule): string {
  if ("at" in s) return `AT ${time(s.at)}`;
  const value = /^\d+$/.test(s.every.value) ? s.every.value : quoteString(s.every.value);
  const starts = s.starts !== undefined ? ` STARTS ${time(s.starts)}` : "";
  const ends = s.ends !== undefined ? ` ENDS ${time(s.ends)}` : "";
  return `EVERY ${value} ${s.every.unit}${starts}${ends}`;
}

/** `CREATE FUNCTION …` / `CREATE PROCEDURE …` of one routine. */
function createRoutineSql(r: Routine): string {
  const params = r.params
    .map((p) => `${r.kind === "PROCEDURE" ? `${p.mode} ` : ""}${ident(p.name)} ${p.type}`)
    .join(", ");
  const returns = r.returns !== undefined ? ` RETURNS ${r.returns}` : "";
  const traits = [
    r.deterministic ? "DETERMINISTIC" : "",
    r.dataAccess !== "CONTAINS SQL" ? r.dataAccess : "",
    r.security !== "DEFINER" ? `SQL SECURITY ${r.security}` : "",
    r.comment ? `COMMENT ${quoteString(r.comment)}` : "",
  ].filter(Boolean);
  const head = `CREATE ${definer(r.definer)}${r.kind} ${ident(r.name)}(${params})${returns}`;
  return `${head}${traits.map((t) => ` ${t}`).join("")} ${r.body}`;
}
