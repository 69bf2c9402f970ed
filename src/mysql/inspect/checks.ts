/**
 * CHECK constraints, and MariaDB's JSON columns: MariaDB stores `json` as `longtext` (utf8mb4_bin) with an automatic
 * column CHECK named after the column, `json_valid(`c`)`; inspection turns both back into one `json` column.
 */
import type { Row } from "../../db/types.ts";
import type { Check, Column } from "../../schema/model.ts";
import { canonicalExpr } from "../expr.ts";
import type { Flavor } from "../flavor.ts";
import { ident } from "../sql.ts";
import { unescapeMysql } from "./default-value.ts";
import { groupBy, remembered, required, text } from "./values.ts";

const canonicalClause = remembered(canonicalExpr);

/** The checks of each table, by table name. */
export function checksByTable(rows: readonly Row[], flavor: Flavor): Map<string, Check[]> {
  const out = new Map<string, Check[]>();
  for (const [table, tableRows] of groupBy(rows, (r) => required(r, "TABLE_NAME"))) {
    out.set(
      table,
      tableRows.map((r) => {
        const clause = required(r, "CHECK_CLAUSE");
        return {
          name: required(r, "CONSTRAINT_NAME"),
          expr: canonicalClause(flavor.escapedExpressions ? unescapeMysql(clause) : clause),
          enforced: (text(r, "ENFORCED") ?? "YES").toUpperCase() !== "NO",
        };
      }),
    );
  }
  return out;
}

/** True when a column and a check are MariaDB's storage of one JSON column. */
function isJsonPair(column: Column, check: Check): boolean {
  return (
    column.type === "longtext" &&
    column.collate === "utf8mb4_bin" &&
    check.name === column.name &&
    check.expr === `json_valid(${ident(column.name)})`
  );
}

/** On a JSON-as-longtext flavour, turns longtext + json_valid CHECK pairs back into `json` columns without the check. */
export function restoreJsonColumns(
  columns: readonly Column[],
  checks: readonly Check[],
  flavor: Flavor,
): { columns: Column[]; checks: Check[] } {
  if (!flavor.jsonAsLongtext) return { columns: [...columns], checks: [...checks] };
  const json = new Set(columns.filter((c) => checks.some((k) => isJsonPair(c, k))).map((c) => c.name));
  return {
    columns: columns.map((c) => {
      if (!json.has(c.name)) return c;
      const { charset: _cs, collate: _co, ...rest } = c;
      return { ...rest, type: "json" };
    }),
    checks: checks.filter((k) => !(json.has(k.name) && k.expr === `json_valid(${ident(k.name)})`)),
  };
}
