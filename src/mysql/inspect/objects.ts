/**
 * Triggers, events and routines of a live schema, from `information_schema.TRIGGERS`, `EVENTS`, `ROUTINES` and
 * `PARAMETERS` (four queries whatever their number). Bodies come back as written (MariaDB 10.11 keeps
 * ACTION_STATEMENT, EVENT_DEFINITION and ROUTINE_DEFINITION verbatim); types in canonical form.
 */
import type { Row, Statement } from "../../db/types.ts";
import type {
  EventSchedule,
  EventStatus,
  Routine,
  RoutineDataAccess,
  RoutineKind,
  RoutineParam,
  ScheduledEvent,
  Trigger,
  TriggerEvent,
  TriggerTiming,
} from "../../schema/objects.ts";
import { routineTypeText } from "../normalize-objects.ts";
import { groupBy, required, text, valid } from "./values.ts";

/**
 * The triggers of a schema, by table and firing order; one parameter, the schema. A trigger lives in its table's
 * schema, and EVENT_OBJECT_SCHEMA is the column MariaDB narrows its scan by (on TRIGGER_SCHEMA it reads every database).
 */
export const TRIGGERS_QUERY =
  "SELECT TRIGGER_NAME, EVENT_MANIPULATION, EVENT_OBJECT_TABLE, ACTION_TIMING, ACTION_STATEMENT, DEFINER " +
  "FROM information_schema.TRIGGERS WHERE EVENT_OBJECT_SCHEMA = ? ORDER BY EVENT_OBJECT_TABLE, ACTION_ORDER";

/** The events of a schema; one parameter, the schema. */
export const EVENTS_QUERY =
  "SELECT EVENT_NAME, DEFINER, EVENT_DEFINITION, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, STARTS, " +
  "ENDS, STATUS, ON_COMPLETION, EVENT_COMMENT, CREATED, LAST_ALTERED FROM information_schema.EVENTS " +
  "WHERE EVENT_SCHEMA = ? ORDER BY EVENT_NAME";

/** The session's user (`CURRENT_USER()` as `user@host`): the definer of an object created without DEFINER. */
export const CURRENT_USER_QUERY = "SELECT CURRENT_USER() AS USER";

/** The stored functions and procedures of a schema (a MariaDB package is not managed); one parameter, the schema. */
export const ROUTINES_QUERY =
  "SELECT ROUTINE_NAME, ROUTINE_TYPE, DTD_IDENTIFIER, ROUTINE_DEFINITION, IS_DETERMINISTIC, SQL_DATA_ACCESS, " +
  "SECURITY_TYPE, ROUTINE_COMMENT, DEFINER FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? " +
  "AND ROUTINE_TYPE IN ('FUNCTION', 'PROCEDURE') ORDER BY ROUTINE_TYPE, ROUTINE_NAME";

/** The parameters of a schema's routines, in order (position 0, a function's return value, left out). */
export const PARAMETERS_QUERY =
  "SELECT SPECIFIC_NAME, ROUTINE_TYPE, PARAMETER_MODE, PARAMETER_NAME, DTD_IDENTIFIER FROM information_schema.PARAMETERS " +
  "WHERE SPECIFIC_SCHEMA = ? AND ORDINAL_POSITION > 0 ORDER BY SPECIFIC_NAME, ROUTINE_TYPE, ORDINAL_POSITION";

/** The objects of a schema, each list present only when the schema has some. */
export interface SchemaObjects {
  readonly triggers?: readonly Trigger[];
  readonly events?: readonly ScheduledEvent[];
  readonly routines?: readonly Routine[];
}

/** The five queries of a schema's objects: the session's user, triggers, events, parameters, routines. */
export function objectQueries(schemaName: string): Statement[] {
  return [
    { sql: CURRENT_USER_QUERY },
    ...[TRIGGERS_QUERY, EVENTS_QUERY, PARAMETERS_QUERY, ROUTINES_QUERY].map((sql) => ({ sql, params: [schemaName] })),
  ];
}

/**
 * A schema's triggers, events and routines from the rows of objectQueries(). A definer that is the session's own user
 * is left out: it is what an object created without a DEFINER clause gets, not a declaration to copy into a plan.
 */
export function objectsFromRows([me, triggerRows, eventRows, paramRows, routineRows]: readonly Row[][]): SchemaObjects {
  const self = me?.[0] ? text(me[0], "USER") : undefined;
  const own = <T extends { definer?: string }>(o: T): T => {
    if (o.definer === undefined || o.definer !== self) return o;
    const { definer: _d, ...rest } = o;
    return rest as T;
  };
  const triggers = (triggerRows ?? []).map(triggerFromRow).map(own);
  const events = (eventRows ?? []).map(eventFromRow).map(own);
  const params = groupBy(paramRows ?? [], (r) => paramKey(required(r, "ROUTINE_TYPE"), required(r, "SPECIFIC_NAME")));
  const routines = (routineRows ?? []).map((r) => routineFromRow(r, params)).map(own);
  return {
    ...(triggers.length ? { triggers } : {}),
    ...(events.length ? { events } : {}),
    ...(routines.length ? { routines } : {}),
  };
}

const paramKey = (kind: string, name: string) => `${kind} ${name}`;

/** `user@host` as the server shows it; CURRENT_USER never appears here. */
const definerOf = (row: Row) => valid(row, "DEFINER");

/** One TRIGGERS row as a trigger. */
export function triggerFromRow(row: Row): Trigger {
  const definer = definerOf(row);
  return {
    name: required(row, "TRIGGER_NAME"),
    table: required(row, "EVENT_OBJECT_TABLE"),
    timing: required(row, "ACTION_TIMING").toUpperCase() as TriggerTiming,
    event: required(row, "EVENT_MANIPULATION").toUpperCase() as TriggerEvent,
    body: required(row, "ACTION_STATEMENT"),
    ...(definer ? { definer } : {}),
  };
}

/** Two `YYYY-MM-DD HH:MM:SS` times at most a second apart (a statement may straddle a second). */
function near(a: string, b: string | undefined): boolean {
  if (b === undefined) return false;
  return Math.abs(Date.parse(`${a.replace(" ", "T")}Z`) - Date.parse(`${b.replace(" ", "T")}Z`)) <= 1000;
}

/** A DATETIME cell as `YYYY-MM-DD HH:MM:SS` (the connection reads DATETIME values as UTC). */
function timeText(row: Row, key: string): string | undefined {
  const v = row[key];
  if (v instanceof Date) return v.toISOString().slice(0, 19).replace("T", " ");
  return valid(row, key);
}

const STATUS: Record<string, EventStatus> = {
  ENABLED: "ENABLE",
  DISABLED: "DISABLE",
  SLAVESIDE_DISABLED: "DISABLE ON SLAVE",
  // MySQL 8.0.22 and later.
  REPLICA_SIDE_DISABLED: "DISABLE ON SLAVE",
};

/** One EVENTS row as an event. */
export function eventFromRow(row: Row): ScheduledEvent {
  const definer = definerOf(row);
  const comment = valid(row, "EVENT_COMMENT");
  let schedule: EventSchedule;
  if (required(row, "EVENT_TYPE") === "ONE TIME") schedule = { at: timeText(row, "EXECUTE_AT") ?? "" };
  else {
    // MariaDB quotes a value that is not a plain number: `'1:30'`.
    const value = required(row, "INTERVAL_VALUE").replace(/^'(.*)'$/s, "$1");
    // Without STARTS the server starts the schedule when the event is created or its schedule altered: that time is
    // the server's, not part of the definition.
    const given = timeText(row, "STARTS");
    const filled = [timeText(row, "CREATED"), timeText(row, "LAST_ALTERED")].some(
      (t) => t !== undefined && near(t, given),
    );
    const starts = filled ? undefined : given;
    const ends = timeText(row, "ENDS");
    schedule = {
      every: { value, unit: required(row, "INTERVAL_FIELD").toUpperCase() },
      ...(starts ? { starts } : {}),
      ...(ends ? { ends } : {}),
    };
  }
  return {
    name: required(row, "EVENT_NAME"),
    schedule,
    preserve: required(row, "ON_COMPLETION") === "PRESERVE",
    status: STATUS[required(row, "STATUS")] ?? "ENABLE",
    ...(comment ? { comment } : {}),
    body: required(row, "EVENT_DEFINITION"),
    ...(definer ? { definer } : {}),
  };
}

/** One ROUTINES row (and its PARAMETERS rows) as a routine. */
export function routineFromRow(row: Row, params: ReadonlyMap<string, readonly Row[]>): Routine {
  const kind = required(row, "ROUTINE_TYPE").toUpperCase() as RoutineKind;
  const name = required(row, "ROUTINE_NAME");
  const definer = definerOf(row);
  const comment = valid(row, "ROUTINE_COMMENT");
  const returns = kind === "FUNCTION" ? valid(row, "DTD_IDENTIFIER") : undefined;
  return {
    name,
    kind,
    params: (params.get(paramKey(kind, name)) ?? []).map(
      (p): RoutineParam => ({
        name: required(p, "PARAMETER_NAME"),
        type: routineTypeText(required(p, "DTD_IDENTIFIER")),
        mode: kind === "FUNCTION" ? "IN" : ((text(p, "PARAMETER_MODE") ?? "IN").toUpperCase() as RoutineParam["mode"]),
      }),
    ),
    ...(returns ? { returns: routineTypeText(returns) } : {}),
    deterministic: required(row, "IS_DETERMINISTIC") === "YES",
    dataAccess: required(row, "SQL_DATA_ACCESS").toUpperCase() as RoutineDataAccess,
    security: required(row, "SECURITY_TYPE").toUpperCase() === "INVOKER" ? "INVOKER" : "DEFINER",
    ...(comment ? { comment } : {}),
    // NULL to a user without the privilege to see it: an empty body, never a guess.
    body: text(row, "ROUTINE_DEFINITION") ?? "",
    ...(definer ? { definer } : {}),
  };
}
