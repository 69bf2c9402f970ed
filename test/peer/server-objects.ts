/**
 * The schema objects besides tables that the peer round trip compares on the server: views, triggers, events,
 * procedures and functions, each as one normalised text keyed by kind and name. Left out: the definer, the times the
 * server stamps (CREATED, LAST_ALTERED, an event's STARTS when none was given), the session's sql_mode and
 * character sets, and the database's own name where the server qualifies a name with it. Partitions need nothing
 * here: SHOW CREATE TABLE shows them.
 */
import type { Connection } from "mysql2/promise";

type Row = Record<string, unknown>;

const DEFINER = / DEFINER=`(?:[^`]|``)*`@`(?:[^`]|``)*`/;

async function rows(conn: Connection, sql: string, params: unknown[] = []): Promise<Row[]> {
  const [result] = await conn.query(sql, params);
  return result as Row[];
}

const quoted = (name: string): string => `\`${name.replaceAll("`", "``")}\``;

/** Every view, trigger, event and routine of the connection's database: `<kind> <name>` → normalised text. */
export async function showObjects(conn: Connection): Promise<Map<string, string>> {
  const [{ db }] = (await rows(conn, "SELECT DATABASE() AS db")) as [{ db: string }];
  const ownName = new RegExp(`${quoted(db).replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\.`, "g");
  const clean = (text: string): string => text.replace(DEFINER, "").replace(ownName, "");
  const out = new Map<string, string>();
  for (const v of await rows(conn, "SELECT TABLE_NAME FROM information_schema.VIEWS WHERE TABLE_SCHEMA = ?", [db])) {
    const name = String(v.TABLE_NAME);
    const [shown] = await rows(conn, `SHOW CREATE VIEW ${quoted(name)}`);
    out.set(`view ${name}`, clean(String(shown?.["Create View"])));
  }
  const triggers = await rows(
    conn,
    "SELECT TRIGGER_NAME, EVENT_OBJECT_TABLE, ACTION_TIMING, EVENT_MANIPULATION, ACTION_ORDER, ACTION_ORIENTATION, " +
      "ACTION_STATEMENT FROM information_schema.TRIGGERS WHERE TRIGGER_SCHEMA = ?",
    [db],
  );
  for (const t of triggers) out.set(`trigger ${t.TRIGGER_NAME}`, clean(fields(t)));
  const events = await rows(
    conn,
    "SELECT EVENT_NAME, EVENT_TYPE, EXECUTE_AT, INTERVAL_VALUE, INTERVAL_FIELD, ENDS, STATUS, ON_COMPLETION, " +
      "EVENT_COMMENT, EVENT_DEFINITION FROM information_schema.EVENTS WHERE EVENT_SCHEMA = ?",
    [db],
  );
  for (const e of events) out.set(`event ${e.EVENT_NAME}`, clean(fields(e)));
  const routines = await rows(
    conn,
    "SELECT ROUTINE_NAME, ROUTINE_TYPE FROM information_schema.ROUTINES WHERE ROUTINE_SCHEMA = ? " +
      "AND ROUTINE_TYPE IN ('PROCEDURE', 'FUNCTION')",
    [db],
  );
  for (const r of routines) {
    const type = String(r.ROUTINE_TYPE);
    const name = String(r.ROUTINE_NAME);
    const [shown] = await rows(conn, `SHOW CREATE ${type} ${quoted(name)}`);
    const text = shown?.[type === "PROCEDURE" ? "Create Procedure" : "Create Function"];
    out.set(`${type.toLowerCase()} ${name}`, clean(String(text)));
  }
  return out;
}

/** A row as `KEY=value` lines in column order (dates as ISO text). */
function fields(row: Row): string {
  return Object.entries(row)
    .map(([k, v]) => `${k}=${v instanceof Date ? v.toISOString() : String(v)}`)
    .join("\n");
}

/** "" when both sides hold the same objects, else the first difference. */
export function compareObjects(a: Map<string, string>, b: Map<string, string>): string {
  const keys = [...new Set([...a.keys(), ...b.keys()])].sort();
  for (const key of keys) {
    const left = a.get(key);
    const right = b.get(key);
    if (left === right) continue;
    if (left === undefined) return `${key} missing after the plan`;
    if (right === undefined) return `${key} left over after the plan`;
    return `${key} differs:\n--- after plan ---\n${left}\n--- desired ---\n${right}`;
  }
  return "";
}

/** The `<kind> <name>` keys of a compareObjects difference line, for matching against "not managed" objects. */
export function differingObjects(a: Map<string, string>, b: Map<string, string>): string[] {
  return [...new Set([...a.keys(), ...b.keys()])].filter((k) => a.get(k) !== b.get(k)).sort();
}
