/**
 * `blocking`: ALTERs that copy (BD101) or rebuild (BD102) a table that exists before the file, per the flavour's
 * online-DDL rules (online-ddl.ts). A warning naming the table; with live row counts (`--url`) the count is shown and
 * the finding becomes an error when the table holds more than `max_rows` rows.
 */
import { findTable } from "../schema/model.ts";
import { goQuote } from "../go/quote.ts";
import { type Analyzer, type LintFile, tableEdits } from "./analyzer.ts";
import { costOf, type Costly } from "./online-ddl.ts";
import type { Diagnostic } from "./report.ts";

function describe(
  file: LintFile,
  table: string,
  items: readonly Costly[],
  copy: boolean,
): { text: string; error: boolean } {
  const rows = file.rows?.get(table);
  const over = rows !== undefined && file.maxRows !== undefined && rows > file.maxRows;
  const size =
    rows === undefined
      ? ""
      : ` (about ${rows} row${rows === 1 ? "" : "s"}${over ? `, above max_rows ${file.maxRows}` : ""})`;
  const what = items.map((i) => i.what).join(", ");
  const text = copy
    ? `Table ${goQuote(table)}${size} is copied to ${what}: writes to it are blocked until the copy completes`
    : `Table ${goQuote(table)}${size} is rebuilt to ${what}: the rebuild takes time in proportion to its size`;
  return { text, error: over };
}

/** The blocking-DDL analyzer. */
export const blocking: Analyzer = {
  name: "blocking",
  text: "blocking table changes detected",
  defaultError: false,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const { stmt: s, change: c } of tableEdits(file)) {
      if (file.spans.table(c.table).added) continue;
      const table = findTable(s.before, c.table);
      if (!table) continue;
      const costs = costOf(table, c.changes, file.flavor);
      const copies = costs.filter((x) => x.cost === "copy");
      const items = copies.length > 0 ? copies : costs;
      if (items.length === 0) continue;
      const d = describe(file, c.table, items, copies.length > 0);
      out.push({
        pos: s.pos,
        code: copies.length > 0 ? "BD101" : "BD102",
        text: d.text,
        ...(d.error ? { error: true } : {}),
      });
    }
    return out;
  },
};
