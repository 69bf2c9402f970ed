/**
 * CREATE/ALTER/DROP FUNCTION and PROCEDURE → routine changes. Parameter and return types are kept in canonical type
 * form without charset or collation (what information_schema shows of them); the body as written.
 */
import type { Change } from "../../schema/changes.ts";
import type { Routine, RoutineKind, RoutineParam } from "../../schema/objects.ts";
import type { Cursor } from "../cursor.ts";
import type { Token } from "../lexer.ts";
import { canonicalType, readType, UnknownTypeError } from "../types.ts";
import type { ParseContext } from "./context.ts";
import { SchemaStateError } from "./errors.ts";
import { ifNotExists, objectName, textFrom, tokensText } from "./object-common.ts";
import type { CreateHead } from "./trigger.ts";

/** The characteristics of a routine, each present only when written. */
type Characteristics = { -readonly [K in "deterministic" | "dataAccess" | "security" | "comment"]?: Routine[K] };

/** `[IF NOT EXISTS] name (params) [RETURNS type] characteristics body`. */
export function parseCreateRoutine(
  sql: string,
  cur: Cursor,
  ctx: ParseContext,
  kind: RoutineKind,
  head: CreateHead,
): Change[] {
  const ifNot = ifNotExists(cur);
  const name = objectName(cur, `${kind.toLowerCase()} name`);
  const params = paramList(cur, kind);
  let returns: string | undefined;
  if (kind === "FUNCTION") {
    cur.expectWord("RETURNS");
    returns = routineType(cur);
  }
  const ch = characteristics(cur);
  const body = textFrom(sql, cur.peek());
  if (!body) cur.fail(`${kind.toLowerCase()} body`);
  const routine: Routine = {
    name,
    kind,
    params,
    ...(returns !== undefined ? { returns } : {}),
    deterministic: ch.deterministic ?? false,
    dataAccess: ch.dataAccess ?? "CONTAINS SQL",
    security: ch.security ?? "DEFINER",
    ...(ch.comment ? { comment: ch.comment } : {}),
    body,
    ...(head.definer ? { definer: head.definer } : {}),
  };
  const old = find(ctx, kind, name);
  if (old && ifNot) return [];
  if (old && head.orReplace)
    return [
      { kind: "DropRoutine", routine: old },
      { kind: "AddRoutine", routine },
    ];
  if (old) throw new SchemaStateError(lower(kind), name, "exists");
  return [{ kind: "AddRoutine", routine }];
}

/** `name characteristics`: the routine again with the characteristics changed. */
export function parseAlterRoutine(cur: Cursor, ctx: ParseContext, kind: RoutineKind): Change[] {
  const name = objectName(cur, `${kind.toLowerCase()} name`);
  const ch = characteristics(cur);
  cur.expectEnd();
  const old = find(ctx, kind, name);
  if (!old) throw new SchemaStateError(lower(kind), name, "missing");
  const { comment: _c, ...rest } = { ...old, ...ch };
  const comment = ch.comment ?? old.comment;
  return [
    { kind: "DropRoutine", routine: old },
    { kind: "AddRoutine", routine: { ...rest, ...(comment ? { comment } : {}) } },
  ];
}

/** `[IF EXISTS] name`. */
export function parseDropRoutine(cur: Cursor, ctx: ParseContext, kind: RoutineKind): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = objectName(cur, `${kind.toLowerCase()} name`);
  cur.expectEnd();
  const old = find(ctx, kind, name);
  if (old) return [{ kind: "DropRoutine", routine: old }];
  if (ifExists) return [];
  throw new SchemaStateError(lower(kind), name, "missing");
}

const lower = (kind: RoutineKind) => (kind === "FUNCTION" ? "function" : "procedure");

function find(ctx: ParseContext, kind: RoutineKind, name: string): Routine | undefined {
  const n = name.toLowerCase();
  return ctx.schema.routines?.find((r) => r.kind === kind && r.name.toLowerCase() === n);
}

function paramList(cur: Cursor, kind: RoutineKind): RoutineParam[] {
  cur.expectOp("(");
  const out: RoutineParam[] = [];
  if (cur.acceptOp(")")) return out;
  do {
    let mode: RoutineParam["mode"] = "IN";
    // A parameter may be called `in`: a mode word counts only when a name follows it.
    const second = cur.peek(1);
    if (second.kind === "word" || second.kind === "ident") {
      if (cur.acceptWord("INOUT")) mode = "INOUT";
      else if (cur.acceptWord("OUT")) mode = "OUT";
      else cur.acceptWord("IN");
    }
    const name = cur.name("parameter name");
    out.push({ name, type: routineType(cur), mode: kind === "FUNCTION" ? "IN" : mode });
  } while (cur.acceptOp(","));
  cur.expectOp(")");
  return out;
}

const TYPE_END = new Set([
  "LANGUAGE",
  "NOT",
  "DETERMINISTIC",
  "CONTAINS",
  "NO",
  "READS",
  "MODIFIES",
  "SQL",
  "COMMENT",
  "BEGIN",
  "RETURN",
]);

/** A parameter or return type: canonical type text, its CHARSET/COLLATE dropped; an unknown type lower-cased as written. */
function routineType(cur: Cursor): string {
  const spec = readType(cur);
  let type: string;
  try {
    type = canonicalType(spec);
  } catch (e) {
    if (!(e instanceof UnknownTypeError)) throw e;
    // E.g. MariaDB's `ROW TYPE OF t` or `TYPE OF t.c`: kept as written, up to the next comma, `)` or characteristic.
    const rest: Token[] = [];
    let depth = 0;
    for (let t = cur.peek(); t.kind !== "eof"; t = cur.peek()) {
      if (depth === 0 && t.kind === "op" && (t.value === "," || t.value === ")")) break;
      if (depth === 0 && t.kind === "word" && TYPE_END.has(t.value.toUpperCase())) break;
      if (t.kind === "op" && t.value === "(") depth += 1;
      if (t.kind === "op" && t.value === ")") depth -= 1;
      rest.push(cur.next());
    }
    const args = spec.args.length ? `(${spec.args.join(",")})` : "";
    type = [spec.name + args, tokensText(rest).toLowerCase()].filter(Boolean).join(" ");
  }
  for (;;) {
    if (cur.acceptWord("CHARACTER", "SET") || cur.acceptWord("CHARSET") || cur.acceptWord("COLLATE")) {
      cur.optionalEquals();
      cur.name("charset or collation");
    } else if (!cur.acceptWord("BINARY")) return type;
  }
}

function characteristics(cur: Cursor): Characteristics {
  const c: Characteristics = {};
  for (;;) {
    if (cur.acceptWord("LANGUAGE", "SQL")) continue;
    if (cur.acceptWord("NOT", "DETERMINISTIC")) c.deterministic = false;
    else if (cur.acceptWord("DETERMINISTIC")) c.deterministic = true;
    else if (cur.acceptWord("CONTAINS", "SQL")) c.dataAccess = "CONTAINS SQL";
    else if (cur.acceptWord("NO", "SQL")) c.dataAccess = "NO SQL";
    else if (cur.acceptWord("READS", "SQL", "DATA")) c.dataAccess = "READS SQL DATA";
    else if (cur.acceptWord("MODIFIES", "SQL", "DATA")) c.dataAccess = "MODIFIES SQL DATA";
    else if (cur.acceptWord("SQL", "SECURITY")) {
      if (cur.acceptWord("INVOKER")) c.security = "INVOKER";
      else {
        cur.expectWord("DEFINER");
        c.security = "DEFINER";
      }
    } else if (cur.acceptWord("COMMENT")) c.comment = cur.string("comment text");
    else return c;
  }
}
