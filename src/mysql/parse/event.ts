/**
 * CREATE EVENT, ALTER EVENT and DROP EVENT → event changes. Literal times are kept as `YYYY-MM-DD HH:MM:SS` (how the
 * server shows them); a time given as an expression is kept as written (only the server can evaluate it).
 */
import type { Change } from "../../schema/changes.ts";
import type { EventSchedule, EventStatus, ScheduledEvent } from "../../schema/objects.ts";
import type { Cursor } from "../cursor.ts";
import type { Token } from "../lexer.ts";
import { literalTime } from "../normalize-objects.ts";
import type { ParseContext } from "./context.ts";
import { SchemaStateError } from "./errors.ts";
import { ifNotExists, objectName, textFrom, tokensText } from "./object-common.ts";
import type { CreateHead } from "./trigger.ts";

/** The clauses of CREATE/ALTER EVENT after the name, each present only when written. */
interface EventClauses {
  schedule?: EventSchedule;
  preserve?: boolean;
  status?: EventStatus;
  comment?: string;
  rename?: string;
  body?: string;
}

/** `[IF NOT EXISTS] name ON SCHEDULE … [ON COMPLETION [NOT] PRESERVE] [ENABLE|DISABLE…] [COMMENT '…'] DO body`. */
export function parseCreateEvent(sql: string, cur: Cursor, ctx: ParseContext, head: CreateHead): Change[] {
  const ifNot = ifNotExists(cur);
  const name = objectName(cur, "event name");
  const c = clauses(sql, cur, false);
  if (!c.schedule) return cur.fail("ON SCHEDULE");
  if (c.body === undefined) return cur.fail("DO");
  const event: ScheduledEvent = {
    name,
    schedule: c.schedule,
    preserve: c.preserve ?? false,
    status: c.status ?? "ENABLE",
    ...(c.comment ? { comment: c.comment } : {}),
    body: c.body,
    ...(head.definer ? { definer: head.definer } : {}),
  };
  const old = ctx.schema.events?.find((e) => e.name === name);
  if (old && ifNot) return [];
  if (old && head.orReplace)
    return [
      { kind: "DropEvent", event: old },
      { kind: "AddEvent", event },
    ];
  if (old) throw new SchemaStateError("event", name, "exists");
  return [{ kind: "AddEvent", event }];
}

/** `name [ON SCHEDULE …] [ON COMPLETION …] [RENAME TO n] [ENABLE|DISABLE…] [COMMENT '…'] [DO body]`. */
export function parseAlterEvent(sql: string, cur: Cursor, ctx: ParseContext, definer?: string): Change[] {
  const name = objectName(cur, "event name");
  const c = clauses(sql, cur, true);
  const from = ctx.schema.events?.find((e) => e.name === name);
  if (!from) throw new SchemaStateError("event", name, "missing");
  const to: ScheduledEvent = {
    ...from,
    ...(c.rename !== undefined ? { name: c.rename } : {}),
    ...(c.schedule ? { schedule: c.schedule } : {}),
    ...(c.preserve !== undefined ? { preserve: c.preserve } : {}),
    ...(c.status ? { status: c.status } : {}),
    ...(c.comment !== undefined ? { comment: c.comment } : {}),
    ...(c.body !== undefined ? { body: c.body } : {}),
    ...(definer ? { definer } : {}),
  };
  const { comment, ...rest } = to;
  return [{ kind: "ModifyEvent", from, to: comment ? to : rest }];
}

/** `DROP EVENT [IF EXISTS] name`. */
export function parseDropEvent(cur: Cursor, ctx: ParseContext): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = objectName(cur, "event name");
  cur.expectEnd();
  const old = ctx.schema.events?.find((e) => e.name === name);
  if (old) return [{ kind: "DropEvent", event: old }];
  if (ifExists) return [];
  throw new SchemaStateError("event", name, "missing");
}

function clauses(sql: string, cur: Cursor, alter: boolean): EventClauses {
  const c: EventClauses = {};
  for (;;) {
    if (cur.acceptWord("ON", "SCHEDULE")) c.schedule = schedule(cur);
    else if (cur.acceptWord("ON", "COMPLETION")) {
      c.preserve = !cur.acceptWord("NOT");
      cur.expectWord("PRESERVE");
    } else if (cur.acceptWord("ENABLE")) c.status = "ENABLE";
    else if (cur.acceptWord("DISABLE")) c.status = cur.acceptWord("ON", "SLAVE") ? "DISABLE ON SLAVE" : "DISABLE";
    else if (cur.acceptWord("COMMENT")) c.comment = cur.string("comment text");
    else if (alter && cur.acceptWord("RENAME", "TO")) c.rename = objectName(cur, "event name");
    else if (cur.acceptWord("DO")) {
      c.body = textFrom(sql, cur.peek());
      if (!c.body) cur.fail("event body");
      return c;
    } else {
      if (alter) cur.expectEnd();
      else cur.fail("DO");
      return c;
    }
  }
}

const SCHEDULE_END = new Set(["STARTS", "ENDS", "ON", "ENABLE", "DISABLE", "COMMENT", "DO", "RENAME"]);

/** `AT time` or `EVERY n unit [STARTS time] [ENDS time]`. */
function schedule(cur: Cursor): EventSchedule {
  if (cur.acceptWord("AT")) return { at: time(cur) };
  cur.expectWord("EVERY");
  const q = cur.next();
  if (q.kind !== "number" && q.kind !== "string") cur.fail("interval quantity", q);
  const unit = cur.name("interval unit").toUpperCase();
  const starts = cur.acceptWord("STARTS") ? time(cur) : undefined;
  const ends = cur.acceptWord("ENDS") ? time(cur) : undefined;
  return {
    every: { value: q.value, unit },
    ...(starts !== undefined ? { starts } : {}),
    ...(ends !== undefined ? { ends } : {}),
  };
}

/** A time: a literal as `YYYY-MM-DD HH:MM:SS`, an expression as written. */
function time(cur: Cursor): string {
  const tokens: Token[] = [];
  let depth = 0;
  for (;;) {
    const t = cur.peek();
    if (t.kind === "eof" || (t.kind === "op" && t.value === ";" && depth === 0)) break;
    if (depth === 0 && t.kind === "word" && SCHEDULE_END.has(t.value.toUpperCase())) break;
    if (t.kind === "op" && t.value === "(") depth++;
    if (t.kind === "op" && t.value === ")") depth--;
    tokens.push(cur.next());
  }
  if (tokens.length === 0) return cur.fail("a time");
  if (tokens.length === 1 && tokens[0]!.kind === "string") return literalTime(tokens[0]!.value);
  const timestamp = tokens.length === 2 && /^timestamp$/i.test(tokens[0]!.value) && tokens[1]!.kind === "string";
  return timestamp ? literalTime(tokens[1]!.value) : tokensText(tokens);
}
