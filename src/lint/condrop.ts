/**
 * `condrop` (Atlas `sql/sqlcheck/condrop`): dropping a foreign key (CD101) unless one of its columns is dropped by the
 * same statement.
 */
import { goQuote } from "../go/quote.ts";
import { type Analyzer, tableEdits } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";

/** The constraint-deletion analyzer. */
export const condrop: Analyzer = {
  name: "condrop",
  text: "constraint deletion detected",
  defaultError: false,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const { stmt: s, change: c } of tableEdits(file)) {
      const dropped = new Set(c.changes.flatMap((tc) => (tc.kind === "DropColumn" ? [tc.column.name] : [])));
      for (const tc of c.changes) {
        if (tc.kind === "DropForeignKey" && !tc.foreignKey.columns.some((col) => dropped.has(col))) {
          out.push({
            pos: s.pos,
            code: "CD101",
            text: `Dropping foreign-key constraint ${goQuote(tc.foreignKey.name)}`,
          });
        }
      }
    }
    return out;
  },
};
