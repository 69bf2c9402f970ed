/**
 * A view in canonical form, from any source: the SELECT in normal form (view-sql.ts), the tables and views it reads,
 * and its options with the server's defaults left out (ALGORITHM=UNDEFINED, SQL SECURITY DEFINER, no CHECK OPTION).
 */
import type { Schema, View, ViewAlgorithm, ViewCheckOption } from "../schema/model.ts";
import type { Token } from "./lexer.ts";
import { canonicalQuery, canonicalQueryTokens, type QueryScope } from "./view-sql.ts";

/** A view's options as a source gives them (any letter case; `NONE`, `UNDEFINED`, `DEFINER` mean the default). */
export interface ViewOptions {
  readonly algorithm?: string;
  readonly security?: string;
  readonly checkOption?: string;
  readonly definer?: string;
}

/** The canonical view of a name, a SELECT (text or tokens) and options, in the view's schema. */
export function canonicalView(
  name: string,
  select: string | readonly Token[],
  options: ViewOptions,
  scope: QueryScope = {},
): View {
  const q = typeof select === "string" ? canonicalQuery(select, scope) : canonicalQueryTokens(select, scope);
  const algorithm = options.algorithm?.toUpperCase();
  const security = options.security?.toUpperCase();
  const check = options.checkOption?.toUpperCase();
  return {
    name,
    definition: q.sql,
    ...(algorithm === "MERGE" || algorithm === "TEMPTABLE" ? { algorithm: algorithm as ViewAlgorithm } : {}),
    ...(security === "INVOKER" ? { security: "INVOKER" as const } : {}),
    ...(check === "CASCADED" || check === "LOCAL" ? { checkOption: check as ViewCheckOption } : {}),
    ...(options.definer ? { definer: options.definer } : {}),
    reads: q.reads.filter((r) => r !== name),
  };
}

/** A view declared in canonical form again (e.g. from entities): the same view whatever text it was written in. */
export function normalizeView(view: View, scope: QueryScope = {}): View {
  return canonicalView(view.name, view.definition, view, scope);
}

/** The scope of a schema's views: its name and its tables' columns. */
export function schemaScope(schema: Schema): QueryScope {
  const columns = new Map(schema.tables.map((t) => [t.name, t.columns.map((c) => c.name)]));
  return { ...(schema.name ? { schema: schema.name } : {}), columnsOf: (table) => columns.get(table) };
}
