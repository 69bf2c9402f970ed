/**
 * `blocking`: ALTERs that copy (BD101) or rebuild (BD102) a table that exists before the file, per the flavour's
 * online-DDL rules (mysql/cost/). A warning naming the table; with live sizes (`--url`) the rows are shown and the
 * finding becomes an error when the table holds more than `max_rows` rows (or `max_bytes` bytes) — unless the file
 * already says how it avoids blocking: marked `-- stats-db:online` (pt-online-schema-change runs it), or pinned by
 * `online { pin = true }` where the pin keeps writers going. The message says which of them to do.
 */
import { findTable } from "../schema/model.ts";
import { goQuote } from "../go/quote.ts";
import { formatBytes, pinClause, type StatementCost, statementCost } from "../mysql/cost.ts";
import { statementRunsOnline } from "../migrate/dir/online-directive.ts";
import { type Analyzer, type LintFile, type LintStmt, tableEdits } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";

/** How far the table is over the thresholds, as text; undefined when it is not. */
function overBy(file: LintFile, table: string): string | undefined {
  const rows = file.rows?.get(table);
  const bytes = file.bytes?.get(table);
  if (rows !== undefined && file.maxRows !== undefined && rows > file.maxRows) return `above max_rows ${file.maxRows}`;
  if (bytes !== undefined && file.maxBytes !== undefined && bytes > file.maxBytes)
    return `${formatBytes(bytes)}, above max_bytes ${formatBytes(file.maxBytes)}`;
  return undefined;
}

/** What resolves a blocking change on a big table: the way already taken, else what to do. */
function remedy(file: LintFile, stmt: LintStmt, cost: StatementCost): { done?: string; todo?: string } {
  if (file.online || statementRunsOnline(stmt)) return { done: "it runs online (-- stats-db:online)" };
  const clause = pinClause(cost, file.flavor);
  if (!cost.blocksWriters && clause) {
    if (file.pinned) return { done: `apply pins it (${clause})` };
    return {
      todo: `pin it (online { pin = true } or apply --pin sends ${clause}) or mark the file -- stats-db:online`,
    };
  }
  return { todo: "mark the file -- stats-db:online to run it through pt-online-schema-change (it cannot be pinned)" };
}

function describe(file: LintFile, stmt: LintStmt, cost: StatementCost): { text: string; error: boolean } {
  const table = cost.table;
  const rows = file.rows?.get(table);
  const over = overBy(file, table);
  const size =
    rows === undefined ? "" : ` (about ${rows} row${rows === 1 ? "" : "s"}${over !== undefined ? `, ${over}` : ""})`;
  const copies = cost.changes.filter((c) => c.algorithm === "COPY");
  const items = copies.length > 0 ? copies : cost.changes.filter((c) => c.algorithm === "INPLACE");
  const what = items.map((i) => i.what).join(", ");
  const text = copies.length
    ? `Table ${goQuote(table)}${size} is copied to ${what}: writes to it are blocked until the copy completes`
    : `Table ${goQuote(table)}${size} is rebuilt to ${what}: the rebuild takes time in proportion to its size`;
  if (over === undefined) return { text, error: false };
  const { done, todo } = remedy(file, stmt, cost);
  return done ? { text: `${text}; ${done}`, error: false } : { text: `${text}; ${todo}`, error: true };
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
      const cost = statementCost(table, c.changes, file.flavor);
      if (!cost?.rebuild) continue;
      const d = describe(file, s, cost);
      out.push({
        pos: s.pos,
        code: cost.algorithm === "COPY" ? "BD101" : "BD102",
        text: d.text,
        ...(d.error ? { error: true } : {}),
      });
    }
    return out;
  },
};
