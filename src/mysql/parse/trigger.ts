/**
 * CREATE TRIGGER and DROP TRIGGER → trigger changes. The body is kept as written; FOLLOWS/PRECEDES place the trigger
 * among its table's triggers of the same timing and event (the order they fire in).
 */
import type { Change } from "../../schema/changes.ts";
import type { Trigger, TriggerEvent, TriggerTiming } from "../../schema/objects.ts";
import type { Cursor } from "../cursor.ts";
import type { ParseContext } from "./context.ts";
import { SchemaStateError } from "./errors.ts";
import { ifNotExists, objectName, textFrom } from "./object-common.ts";

/** What precedes the TRIGGER keyword of a CREATE. */
export interface CreateHead {
  readonly orReplace: boolean;
  readonly definer?: string;
}

/** `[IF NOT EXISTS] name {BEFORE|AFTER} {INSERT|UPDATE|DELETE} ON table FOR EACH ROW [FOLLOWS|PRECEDES t] body`. */
export function parseCreateTrigger(sql: string, cur: Cursor, ctx: ParseContext, head: CreateHead): Change[] {
  const ifNot = ifNotExists(cur);
  const name = objectName(cur, "trigger name");
  const timing = oneOf(cur, ["BEFORE", "AFTER"], "BEFORE or AFTER") as TriggerTiming;
  const event = oneOf(cur, ["INSERT", "UPDATE", "DELETE"], "INSERT, UPDATE or DELETE") as TriggerEvent;
  cur.expectWord("ON");
  const table = objectName(cur, "table name");
  cur.expectWord("FOR", "EACH", "ROW");
  const follows = cur.acceptWord("FOLLOWS") ? objectName(cur, "trigger name") : undefined;
  const precedes = follows === undefined && cur.acceptWord("PRECEDES") ? objectName(cur, "trigger name") : undefined;
  const body = textFrom(sql, cur.peek());
  if (!body) cur.fail("trigger body");
  const trigger: Trigger = { name, table, timing, event, body, ...(head.definer ? { definer: head.definer } : {}) };
  const add: Change = {
    kind: "AddTrigger",
    trigger,
    ...(follows !== undefined ? { follows } : {}),
    ...(precedes !== undefined ? { precedes } : {}),
  };
  const old = ctx.schema.triggers?.find((t) => t.name === name);
  if (old && ifNot) return [];
  if (old && head.orReplace) return [{ kind: "DropTrigger", trigger: old }, add];
  if (old) throw new SchemaStateError("trigger", name, "exists");
  return [add];
}

/** `DROP TRIGGER [IF EXISTS] name`. */
export function parseDropTrigger(cur: Cursor, ctx: ParseContext): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = objectName(cur, "trigger name");
  cur.expectEnd();
  const old = ctx.schema.triggers?.find((t) => t.name === name);
  if (old) return [{ kind: "DropTrigger", trigger: old }];
  if (ifExists) return [];
  throw new SchemaStateError("trigger", name, "missing");
}

function oneOf(cur: Cursor, words: readonly string[], what: string): string {
  for (const w of words) if (cur.acceptWord(w)) return w;
  return cur.fail(what);
}
