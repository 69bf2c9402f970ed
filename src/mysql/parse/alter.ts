/**
 * ALTER TABLE: comma-separated clauses applied in order to the table as it stands, giving one ModifyTable (and a
 * RenameTable for `RENAME TO`) and the table those clauses built, so a replay need not apply them again.
 */
import type { Change, TableChange } from "../../schema/changes.ts";
import { applyTableChange } from "../../schema/apply-table.ts";
import { type Table, type TableOptions, tableIndex } from "../../schema/model.ts";
import { resolveCharset } from "../charset.ts";
import { convertedTextType } from "../charset-width.ts";
import { canonicalEngine } from "../normalize.ts";
import { addClause, alterColumnClause, changeClause, modifyClause } from "./alter-clauses.ts";
import { alterCheckClause, dropClause } from "./alter-drop.ts";
import { alterIndexClause, atAlterIndex } from "./alter-visibility.ts";
import { existingTable, type ParseContext, type ParsedStatement } from "./context.ts";
import type { Cursor } from "../cursor.ts";
import { UnsupportedStatementError } from "./errors.ts";
import { atTableOption, readTableOption } from "./options.ts";
import { refuseSystemVersioning } from "./system-versioning.ts";
import { atPartitionClause, partitionClause } from "./partition.ts";
import type { StorageOptionKey } from "../../schema/table-options.ts";
import { reshapedIndexes } from "./table-state.ts";

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Parses the rest of `ALTER [IGNORE|ONLINE] TABLE …` (after TABLE). */
export function parseAlterTable(cur: Cursor, ctx: ParseContext): ParsedStatement {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = cur.tableName();
  if (ifExists && tableIndex(ctx.schema, name) < 0) return { changes: [] };
  let state = existingTable(ctx, name);
  const changes: TableChange[] = [];
  let renameTo: string | undefined;
  do {
    if (cur.atEnd()) break;
    const rename = readRenameTable(cur);
    if (rename !== undefined) {
      renameTo = rename;
      continue;
    }
    for (const c of clause(cur, state, ctx)) {
      state = applyTableChange(state, c);
      changes.push(c);
    }
    // PARTITION BY and REMOVE PARTITIONING follow the other clauses without a comma.
  } while (cur.acceptOp(",") || atPartitionClause(cur));
  cur.expectEnd();
  const out: Change[] = changes.length > 0 ? [{ kind: "ModifyTable", table: name, changes }] : [];
  if (renameTo !== undefined && renameTo !== name) out.push({ kind: "RenameTable", from: name, to: renameTo });
  return changes.length > 0 ? { changes: out, table: state } : { changes: out };
}

function readRenameTable(cur: Cursor): string | undefined {
  if (
    !cur.isWord("RENAME") ||
    cur.isWord("RENAME", "COLUMN") ||
    cur.isWord("RENAME", "INDEX") ||
    cur.isWord("RENAME", "KEY")
  )
    return undefined;
  cur.next();
  if (!cur.acceptWord("TO")) cur.acceptWord("AS");
  return cur.tableName();
}

/** One clause; table options and no-op clauses give their changes or none. */
function clause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  const at = cur.peek();
  refuseSystemVersioning(cur);
  if (atPartitionClause(cur)) return partitionClause(cur, t);
  if (cur.acceptWord("ADD")) return addClause(cur, t, ctx);
  if (cur.acceptWord("DROP")) return dropClause(cur, t);
  if (cur.acceptWord("MODIFY")) return modifyClause(cur, t, ctx);
  if (cur.acceptWord("CHANGE")) return changeClause(cur, t, ctx);
  if (cur.isWord("ALTER", "CHECK") || cur.isWord("ALTER", "CONSTRAINT")) return alterCheckClause(cur, t);
  if (atAlterIndex(cur)) return alterIndexClause(cur, t);
  if (cur.acceptWord("ALTER")) return (cur.acceptWord("COLUMN"), alterColumnClause(cur, t));
  if (cur.acceptWord("RENAME", "COLUMN"))
    return [
      { kind: "RenameColumn", from: cur.name("column name"), to: (cur.expectWord("TO"), cur.name("column name")) },
    ];
  if (cur.acceptWord("RENAME", "INDEX") || cur.acceptWord("RENAME", "KEY"))
    return [{ kind: "RenameIndex", from: cur.name("index name"), to: (cur.expectWord("TO"), cur.name("index name")) }];
  if (cur.acceptWord("CONVERT", "TO")) return convertClause(cur, t, ctx);
  if (cur.acceptWord("ALGORITHM") || cur.acceptWord("LOCK")) return (cur.optionalEquals(), cur.next(), []);
  if (cur.acceptWord("FORCE") || cur.acceptWord("ENABLE", "KEYS") || cur.acceptWord("DISABLE", "KEYS")) return [];
  if (atTableOption(cur)) return optionsClause(cur, t, ctx);
  if (cur.isWord("ORDER") || cur.isWord("DISCARD") || cur.isWord("IMPORT")) {
    throw new UnsupportedStatementError(`ALTER TABLE … ${at.value.toUpperCase()}`, at.line, at.column);
  }
  return cur.fail("ALTER TABLE clause");
}

/** `CONVERT TO CHARACTER SET x [COLLATE y]` (after CONVERT TO), with the text columns the server widens. */
function convertClause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  if (!cur.acceptWord("CHARSET")) cur.expectWord("CHARACTER", "SET");
  const charset = cur.name("charset name");
  const collate = cur.acceptWord("COLLATE") ? cur.name("collation name") : undefined;
  const cs = resolveCharset(charset, collate, ctx.flavor)!;
  const widened = t.columns.flatMap((c) => {
    const type = c.charset ? convertedTextType(c.type, c.charset, cs.charset) : c.type;
    return type === c.type ? [] : [{ column: c.name, type }];
  });
  const convert: TableChange = {
    kind: "ConvertCharset",
    charset: cs.charset,
    collate: cs.collate,
    ...(widened.length ? { widened } : {}),
  };
  // Key parts on the converted columns take more bytes: the server may now keep a prefix of them.
  const converted = applyTableChange(t, convert);
  return [convert, ...reshapedIndexes(converted.indexes, converted.columns, ctx.flavor)];
}

/** Table options: one ModifyOptions holding the keys they set (a charset alone brings its default collation). */
function optionsClause(cur: Cursor, t: Table, ctx: ParseContext): TableChange[] {
  const raw: Mutable<TableOptions> = {};
  const resets = new Set<StorageOptionKey>();
  while (atTableOption(cur)) readTableOption(cur, raw, resets);
  const to: Mutable<TableOptions> = { ...raw };
  const cs = resolveCharset(raw.charset, raw.collate, ctx.flavor);
  if (cs) Object.assign(to, cs);
  if (raw.engine !== undefined) to.engine = canonicalEngine(raw.engine);
  if (raw.autoIncrement !== undefined && raw.autoIncrement <= 1) delete to.autoIncrement;
  const reset = [...resets].filter((k) => t.options[k] !== undefined);
  if (Object.keys(to).length === 0 && reset.length === 0) return [];
  const from: Mutable<TableOptions> = {};
  for (const k of [...Object.keys(to), ...reset] as (keyof TableOptions)[])
    if (t.options[k] !== undefined) Object.assign(from, { [k]: t.options[k] });
  return [{ kind: "ModifyOptions", from, to, ...(reset.length ? { reset } : {}) }];
}
