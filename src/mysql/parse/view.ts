/**
 * The view statements: CREATE [OR REPLACE] VIEW, ALTER VIEW and DROP VIEW, with their options (ALGORITHM, DEFINER,
 * SQL SECURITY, WITH … CHECK OPTION).
 */
import type { Change } from "../../schema/changes.ts";
import type { View } from "../../schema/model.ts";
import { findView } from "../../schema/views.ts";
import type { Cursor } from "../cursor.ts";
import type { Token } from "../lexer.ts";
import { canonicalView, schemaScope, type ViewOptions } from "../view.ts";
import type { ParseContext } from "./context.ts";
import { SchemaStateError } from "./errors.ts";

/** The whole of `CREATE [OR REPLACE] … VIEW …` or `ALTER … VIEW …` (from the first word). */
export function parseCreateOrAlterView(cur: Cursor, ctx: ParseContext): Change[] {
  const alter = cur.isWord("ALTER");
  cur.next();
  const orReplace = !alter && cur.acceptWord("OR", "REPLACE");
  const options = viewOptions(cur);
  cur.expectWord("VIEW");
  const ifNotExists = !alter && cur.acceptWord("IF", "NOT", "EXISTS");
  const name = cur.tableName();
  const columns = cur.isOp("(") ? cur.nameList("view column name") : undefined;
  cur.expectWord("AS");
  const { select, checkOption } = splitCheckOption(cur.rest());
  const scope = { ...schemaScope(ctx.schema), ...(columns ? { columns } : {}) };
  const view = canonicalView(name, select, { ...options, checkOption }, scope);
  const existing = findView(ctx.schema, name);
  if (alter) {
    if (!existing) throw new SchemaStateError("view", name, "missing");
    return [{ kind: "ModifyView", from: existing, to: view }];
  }
  if (existing) {
    if (ifNotExists) return [];
    if (!orReplace) throw new SchemaStateError("view", name, "exists");
    return [{ kind: "ModifyView", from: existing, to: view }];
  }
  if (ctx.schema.tables.some((t) => t.name === name)) throw new SchemaStateError("table", name, "exists");
  return [{ kind: "AddView", view }];
}

/** The rest of `DROP VIEW [IF EXISTS] a, b [RESTRICT|CASCADE]` (after VIEW). */
export function parseDropView(cur: Cursor, ctx: ParseContext): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const out: Change[] = [];
  const dropped = new Set<string>();
  do {
    const name = cur.tableName();
    const view: View | undefined = dropped.has(name) ? undefined : findView(ctx.schema, name);
    if (view) {
      out.push({ kind: "DropView", view });
      dropped.add(name);
    } else if (!ifExists) throw new SchemaStateError("view", name, "missing");
  } while (cur.acceptOp(","));
  if (!cur.acceptWord("RESTRICT")) cur.acceptWord("CASCADE");
  cur.expectEnd();
  return out;
}

/** `ALGORITHM = x`, `DEFINER = user@host | CURRENT_USER[()]`, `SQL SECURITY x`, in any order. */
function viewOptions(cur: Cursor): ViewOptions {
  let algorithm: string | undefined;
  let definer: string | undefined;
  let security: string | undefined;
  for (;;) {
    if (cur.acceptWord("ALGORITHM")) {
      cur.expectOp("=");
      algorithm = cur.name("view algorithm");
    } else if (cur.acceptWord("DEFINER")) {
      cur.expectOp("=");
      definer = definerText(cur);
    } else if (cur.acceptWord("SQL", "SECURITY")) security = cur.name("SQL SECURITY value");
    else return { algorithm, definer, security };
  }
}

/** A definer as `user@host`; CURRENT_USER is the default and gives none. */
function definerText(cur: Cursor): string | undefined {
  if (cur.acceptWord("CURRENT_USER")) {
    if (cur.acceptOp("(")) cur.expectOp(")");
    return undefined;
  }
  const user = cur.name("definer");
  if (!cur.acceptOp("@")) return user.includes("@") ? user : `${user}@%`;
  return `${user}@${cur.name("definer host")}`;
}

/** Splits a trailing `WITH [CASCADED | LOCAL] CHECK OPTION` off the SELECT (CASCADED is the default kind). */
function splitCheckOption(tokens: readonly Token[]): { select: readonly Token[]; checkOption?: string } {
  const words = tokens.map((t) => (t.kind === "word" ? t.value.toUpperCase() : ""));
  const n = words.length;
  if (n < 3 || words[n - 2] !== "CHECK" || words[n - 1] !== "OPTION") return { select: tokens };
  if (words[n - 3] === "WITH") return { select: tokens.slice(0, -3), checkOption: "CASCADED" };
  if (n >= 4 && words[n - 4] === "WITH" && (words[n - 3] === "CASCADED" || words[n - 3] === "LOCAL"))
    return { select: tokens.slice(0, -4), checkOption: words[n - 3] };
  return { select: tokens };
}
