/**
 * The statements of triggers, events and routines: recognising them (CREATE [OR REPLACE] [DEFINER = u] TRIGGER…,
 * ALTER [DEFINER = u] EVENT…, DROP PROCEDURE…) and parsing them into changes.
 */
import type { Change } from "../../schema/changes.ts";
import { Cursor } from "../cursor.ts";
import type { Token } from "../lexer.ts";
import type { ParseContext } from "./context.ts";
import { parseAlterEvent, parseCreateEvent, parseDropEvent } from "./event.ts";
import { objectName, readDefiner } from "./object-common.ts";
import { parseAlterRoutine, parseCreateRoutine, parseDropRoutine } from "./routine.ts";
import { parseCreateTrigger, parseDropTrigger } from "./trigger.ts";

/** The object kinds these statements manage. */
type ObjectWord = "TRIGGER" | "EVENT" | "FUNCTION" | "PROCEDURE";

/** A recognised object statement: its verb and object, and what the CREATE/ALTER head said. */
interface ObjectHead {
  readonly verb: "CREATE" | "ALTER" | "DROP";
  readonly object: ObjectWord;
  readonly orReplace: boolean;
  readonly definer?: string;
  readonly cursor: Cursor;
}

const OBJECTS = new Set(["TRIGGER", "EVENT", "FUNCTION", "PROCEDURE"]);

/** Reads the head of an object statement; undefined when the statement is something else. */
function readHead(tokens: readonly Token[]): ObjectHead | undefined {
  const cur = new Cursor(tokens);
  const verb = cur.acceptWord("CREATE")
    ? "CREATE"
    : cur.acceptWord("ALTER")
      ? "ALTER"
      : cur.acceptWord("DROP")
        ? "DROP"
        : undefined;
  if (!verb) return undefined;
  const orReplace = verb === "CREATE" && cur.acceptWord("OR", "REPLACE");
  let definer: string | undefined;
  if (verb !== "DROP" && cur.acceptWord("DEFINER")) {
    try {
      definer = readDefiner(cur);
    } catch {
      return undefined;
    }
  }
  const t = cur.peek();
  const word = t.kind === "word" ? t.value.toUpperCase() : "";
  if (!OBJECTS.has(word)) return undefined;
  // ALTER TRIGGER does not exist; a CREATE FUNCTION … SONAME (a loadable function) is not a stored routine.
  if (verb === "ALTER" && word === "TRIGGER") return undefined;
  if (word === "FUNCTION" && tokens.some((x) => x.kind === "word" && x.value.toUpperCase() === "SONAME"))
    return undefined;
  cur.next();
  return { verb, object: word as ObjectWord, orReplace, ...(definer ? { definer } : {}), cursor: cur };
}

/** The label of an object statement (e.g. `CREATE TRIGGER`), or undefined when the tokens are not one. */
export function objectStatementLabel(tokens: readonly Token[]): string | undefined {
  const h = readHead(tokens);
  return h && `${h.verb} ${h.object}`;
}

/** The changes of an object statement (recognised by objectStatementLabel); `sql` is its text, for bodies. */
export function parseObjectStatement(sql: string, tokens: readonly Token[], ctx: ParseContext): Change[] {
  const h = readHead(tokens)!;
  const cur = h.cursor;
  const head = { orReplace: h.orReplace, ...(h.definer ? { definer: h.definer } : {}) };
  switch (h.object) {
    case "TRIGGER":
      return h.verb === "CREATE" ? parseCreateTrigger(sql, cur, ctx, head) : parseDropTrigger(cur, ctx);
    case "EVENT":
      if (h.verb === "CREATE") return parseCreateEvent(sql, cur, ctx, head);
      return h.verb === "ALTER" ? parseAlterEvent(sql, cur, ctx, h.definer) : parseDropEvent(cur, ctx);
    case "FUNCTION":
    case "PROCEDURE":
      if (h.verb === "CREATE") return parseCreateRoutine(sql, cur, ctx, h.object, head);
      return h.verb === "ALTER" ? parseAlterRoutine(cur, ctx, h.object) : parseDropRoutine(cur, ctx, h.object);
  }
}

/** The table a CREATE TRIGGER names (the one it locks); empty for other object statements. */
export function objectStatementTables(tokens: readonly Token[]): string[] {
  const h = readHead(tokens);
  if (h?.verb !== "CREATE" || h.object !== "TRIGGER") return [];
  const cur = h.cursor;
  for (let t = cur.next(); t.kind !== "eof"; t = cur.next()) {
    if (t.kind === "word" && t.value.toUpperCase() === "ON") {
      const next = cur.peek();
      return next.kind === "word" || next.kind === "ident" ? [objectName(cur, "table name")] : [];
    }
  }
  return [];
}
