/**
 * Canonical forms for triggers, events and routines that come from a source other than a parse (the entities): types
 * as the parser and inspection write them, literal times as `YYYY-MM-DD HH:MM:SS`.
 */
import type { Schema } from "../schema/model.ts";
import type { EventSchedule } from "../schema/objects.ts";
import { Cursor } from "./cursor.ts";
import { ParseError, tokenize } from "./lexer.ts";
import { canonicalType, readType, UnknownTypeError } from "./types.ts";

/** `2030-01-01` → `2030-01-01 00:00:00`; fractions of a second dropped (the server keeps whole seconds). */
export function literalTime(text: string): string {
  const m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{1,2})(?::(\d{1,2}))?(?:\.\d*)?)?$/.exec(text.trim());
  if (!m) return text;
  const p = (s: string | undefined) => (s ?? "0").padStart(2, "0");
  return `${m[1]}-${p(m[2])}-${p(m[3])} ${p(m[4])}:${p(m[5])}:${p(m[6])}`;
}

/**
 * A routine parameter or return type in canonical form, a trailing CHARSET/COLLATE dropped (MySQL 8 may show one in
 * DTD_IDENTIFIER); a type the column types do not know (MariaDB's `ROW TYPE OF t`) lower-cased as written.
 */
export function routineTypeText(text: string): string {
  try {
    return canonicalType(readType(new Cursor(tokenize(text))));
  } catch (e) {
    if (e instanceof UnknownTypeError || e instanceof ParseError) return text.trim().toLowerCase();
    throw e;
  }
}

/** A time of a schedule: a quoted or bare literal in server form, an expression as written. */
function timeOf(t: string): string {
  const unquoted = /^'(.*)'$/.exec(t.trim());
  return literalTime(unquoted ? unquoted[1]! : t.trim());
}

function schedule(s: EventSchedule): EventSchedule {
  if ("at" in s) return { at: timeOf(s.at) };
  return {
    every: s.every,
    ...(s.starts !== undefined ? { starts: timeOf(s.starts) } : {}),
    ...(s.ends !== undefined ? { ends: timeOf(s.ends) } : {}),
  };
}

/** The schema with its objects' types and times in canonical form. */
export function normalizeObjects(schema: Schema): Schema {
  return {
    ...schema,
    ...(schema.events ? { events: schema.events.map((e) => ({ ...e, schedule: schedule(e.schedule) })) } : {}),
    ...(schema.routines
      ? {
          routines: schema.routines.map((r) => ({
            ...r,
            params: r.params.map((p) => ({ ...p, type: routineTypeText(p.type) })),
            ...(r.returns !== undefined ? { returns: routineTypeText(r.returns) } : {}),
          })),
        }
      : {}),
  };
}
