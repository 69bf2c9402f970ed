/**
 * The short DDL statements: DROP TABLE, RENAME TABLE, DROP INDEX … ON, ALTER DATABASE.
 */
import type { Change } from "../../schema/changes.ts";
import type { Schema } from "../../schema/model.ts";
import { resolveCharset } from "../charset.ts";
import { dropIndexByName } from "./alter-drop.ts";
import { skipAlgorithmLock } from "./create.ts";
import { existingTable, type ParseContext } from "./context.ts";
import type { Cursor } from "../cursor.ts";
import { SchemaStateError } from "./errors.ts";

/** The rest of `DROP TABLE [IF EXISTS] a, b [RESTRICT|CASCADE]` (after TABLE). */
export function parseDropTable(cur: Cursor, ctx: ParseContext): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const out: Change[] = [];
  do {
    const name = cur.tableName();
    const table = ctx.schema.tables.find((t) => t.name === name);
    if (table) out.push({ kind: "DropTable", table });
    else if (!ifExists) throw new SchemaStateError("table", name, "missing");
  } while (cur.acceptOp(","));
  if (!cur.acceptWord("RESTRICT")) cur.acceptWord("CASCADE");
  cur.expectEnd();
  return out;
}

/** The rest of `RENAME TABLE a TO b, c TO d` (after TABLE); later pairs see the earlier renames. */
export function parseRenameTable(cur: Cursor, ctx: ParseContext): Change[] {
  const out: Change[] = [];
  let schema: Schema = ctx.schema;
  do {
    const from = cur.tableName();
    cur.expectWord("TO");
    const to = cur.tableName();
    existingTable({ ...ctx, schema }, from);
    if (schema.tables.some((t) => t.name === to)) throw new SchemaStateError("table", to, "exists");
    schema = { ...schema, tables: schema.tables.map((t) => (t.name === from ? { ...t, name: to } : t)) };
    out.push({ kind: "RenameTable", from, to });
  } while (cur.acceptOp(","));
  cur.expectEnd();
  return out;
}

/** The rest of `DROP INDEX [IF EXISTS] name ON table [ALGORITHM=…] [LOCK=…]` (after INDEX). */
export function parseDropIndex(cur: Cursor, ctx: ParseContext): Change[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = cur.name("index name");
  cur.expectWord("ON");
  const table = existingTable(ctx, cur.tableName());
  skipAlgorithmLock(cur);
  cur.expectEnd();
  const changes = dropIndexByName(table, name, ifExists);
  return changes.length > 0 ? [{ kind: "ModifyTable", table: table.name, changes }] : [];
}

/** The rest of `ALTER DATABASE|SCHEMA [name] [DEFAULT] CHARACTER SET [=] x [DEFAULT] COLLATE [=] y` (after DATABASE). */
export function parseAlterDatabase(cur: Cursor, ctx: ParseContext): Change[] {
  if (!cur.isWord("DEFAULT") && !cur.isWord("CHARACTER") && !cur.isWord("CHARSET") && !cur.isWord("COLLATE"))
    cur.name("database name");
  let charset: string | undefined;
  let collate: string | undefined;
  for (;;) {
    cur.acceptWord("DEFAULT");
    if (cur.acceptWord("CHARACTER", "SET") || cur.acceptWord("CHARSET"))
      charset = (cur.optionalEquals(), cur.name("charset name"));
    else if (cur.acceptWord("COLLATE")) collate = (cur.optionalEquals(), cur.name("collation name"));
    else break;
  }
  cur.expectEnd();
  const cs = resolveCharset(charset, collate, ctx.flavor);
  return cs ? [{ kind: "ModifySchema", ...cs }] : [];
}
