/**
 * Atlas's `data "sql" "name" { url = …, query = "SELECT …", args = […] }` source (`cmd/atlas/internal/cmdext`
 * `Query`): the query's first column, one value per row, as `data.sql.name.values` (a list), `.value` (the first row,
 * null without rows) and `.count`. The query itself runs through the function the caller passes (project/ connects).
 */
import type { Block } from "../hcl/ast.ts";
import { asList } from "../hcl/collections.ts";
import { evaluate, kindOf, type Scope, type Value } from "../hcl/eval.ts";
import { ConfigError, DataSourceError } from "./errors.ts";

/** Runs `query` with `args` on the database `url` names and returns the first column of each row. */
export type SqlQuery = (url: string, query: string, args: readonly Value[]) => Promise<readonly unknown[]>;

const ATTRS = ["url", "query", "args"];

function text(block: Block, name: string, scope: Scope, label: string): string {
  const a = block.body.attrs.find((x) => x.name === name);
  if (!a) throw new ConfigError(scope.file, `${label}: missing attribute ${JSON.stringify(name)}`, block.pos);
  const v = evaluate(a.expr, scope);
  if (typeof v !== "string" || v === "")
    throw new ConfigError(scope.file, `${label}: ${name} must be a non-empty string, not ${kindOf(v)}`, a.pos);
  return v;
}

function queryArgs(block: Block, scope: Scope, label: string): readonly Value[] {
  const a = block.body.attrs.find((x) => x.name === "args");
  if (!a) return [];
  const v = evaluate(a.expr, scope);
  if (!Array.isArray(v) || v.some((i) => i === null || typeof i === "object"))
    throw new ConfigError(scope.file, `${label}: args must be a list of strings, numbers or bools`, a.pos);
  return v;
}

function toValue(cell: unknown, row: number, file: string, label: string, block: Block): Value {
  if (typeof cell === "string" || typeof cell === "number" || typeof cell === "boolean") return cell;
  if (typeof cell === "bigint") return Number.isSafeInteger(Number(cell)) ? Number(cell) : String(cell);
  if (cell instanceof Uint8Array) return new TextDecoder().decode(cell);
  const what = cell === null || cell === undefined ? "NULL" : `a ${cell?.constructor?.name ?? typeof cell}`;
  throw new DataSourceError(file, label, `row ${row + 1} holds ${what}: select strings or numbers`, block.pos);
}

/** Evaluates one `data "sql"` block (its attributes in `scope`) by running its query; ConfigError or DataSourceError. */
export async function readSqlSource(block: Block, scope: Scope, query: SqlQuery): Promise<Value> {
  const label = `data.sql.${block.labels[1]}`;
  const extra = block.body.attrs.find((a) => !ATTRS.includes(a.name)) ?? block.body.blocks[0];
  if (extra)
    throw new ConfigError(
      scope.file,
      `${label}: unexpected ${"name" in extra ? `attribute ${JSON.stringify(extra.name)}` : `block ${JSON.stringify(extra.type)}`} (expected ${ATTRS.join(", ")})`,
      extra.pos,
    );
  const url = text(block, "url", scope, label);
  const sql = text(block, "query", scope, label);
  const args = queryArgs(block, scope, label);
  let cells: readonly unknown[];
  try {
    cells = await query(url, sql, args);
  } catch (e) {
    throw new DataSourceError(scope.file, label, e instanceof Error ? e.message : String(e), block.pos, { cause: e });
  }
  const values = cells.map((c, i) => toValue(c, i, scope.file, label, block));
  return { count: values.length, values: asList(values), value: values[0] ?? null };
}
