/**
 * normalizeSchema: a whole declared schema (e.g. from entities) in canonical form, as the parser would produce it
 * from the equivalent DDL: tables normalised, expressions canonical.
 */
import type { Column, Schema, Table } from "../schema/model.ts";
import { canonicalExpr } from "./expr.ts";
import type { Flavor } from "./flavor.ts";
import { normalizeTable } from "./normalize.ts";
import { canonicalPartitioning } from "./partitioning.ts";
import { normalizeObjects } from "./normalize-objects.ts";
import { normalizeType } from "./types.ts";
import { normalizeView, schemaScope } from "./view.ts";

const NOW = /^(current_timestamp|now|localtime|localtimestamp)(\s*\(\s*(\d*)\s*\))?$/i;

/** Canonical form of a default/ON UPDATE time function: `CURRENT_TIMESTAMP` or `CURRENT_TIMESTAMP(n)`. */
function canonicalNow(expr: string): string | undefined {
  const m = NOW.exec(expr.trim());
  if (!m) return undefined;
  return m[3] && m[3] !== "0" ? `CURRENT_TIMESTAMP(${m[3]})` : "CURRENT_TIMESTAMP";
}

function column(c: Column): Column {
  const d = c.default;
  const type = normalizeType(c.type);
  // Most declared columns are canonical already: kept as they are, not copied.
  if (type === c.type && d?.kind !== "expr" && !c.onUpdate && !c.generated) return c;
  return {
    ...c,
    type,
    ...(d?.kind === "expr"
      ? { default: { kind: "expr", value: canonicalNow(d.value) ?? canonicalExpr(d.value) } }
      : {}),
    ...(c.onUpdate ? { onUpdate: canonicalNow(c.onUpdate) ?? c.onUpdate } : {}),
    ...(c.generated ? { generated: { ...c.generated, expr: canonicalExpr(c.generated.expr) } } : {}),
  };
}

function table(t: Table): Table {
  return {
    ...t,
    columns: t.columns.map(column),
    indexes: t.indexes.map((i) =>
      i.parts.some((p) => p.expr)
        ? { ...i, parts: i.parts.map((p) => (p.expr ? { ...p, expr: canonicalExpr(p.expr) } : p)) }
        : i,
    ),
    checks: t.checks.map((c) => ({ ...c, expr: canonicalExpr(c.expr) })),
    ...(t.partition ? { partition: canonicalPartitioning(t.partition) } : {}),
  };
}

/** Returns the schema with every table and view in canonical form for the flavour. */
export function normalizeSchema(schema: Schema, flavor: Flavor): Schema {
  const defaults = { charset: schema.charset, collate: schema.collate };
  const tables = schema.tables.map((t) => normalizeTable(table(t), flavor, defaults));
  return normalizeObjects({
    ...schema,
    tables,
    ...(schema.views ? { views: schema.views.map((v) => normalizeView(v, schemaScope({ ...schema, tables }))) } : {}),
  });
}
