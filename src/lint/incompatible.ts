/**
 * `incompatible` (Atlas `sql/sqlcheck/incompatible`): renaming a table (BC101) or a column (BC102) breaks the
 * application code that still uses the old name. Not reported for tables the file creates, for a table whose old name
 * a view takes over later in the file, nor for a column whose old name is added back later in the file.
 */
import type { Change } from "../schema/changes.ts";
import { goQuote } from "../go/quote.ts";
import type { Analyzer } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";

function addedBack(later: readonly (readonly Change[])[], table: string, column: string): boolean {
  return later.some((changes) =>
    changes.some(
      (c) =>
        c.kind === "ModifyTable" &&
        c.table === table &&
        c.changes.some((tc) => tc.kind === "AddColumn" && tc.column.name === column),
    ),
  );
}

/** True when a later statement creates a view under the table's old name (Atlas's way to keep the old name working). */
function viewTakesOver(later: readonly (readonly Change[])[], table: string): boolean {
  return later.some((changes) => changes.some((c) => c.kind === "AddView" && c.view.name === table));
}

/** The backward-incompatible-changes analyzer. */
export const incompatible: Analyzer = {
  name: "incompatible",
  text: "backward incompatible changes detected",
  defaultError: false,
  analyze(file) {
    const out: Diagnostic[] = [];
    file.stmts.forEach((s, i) => {
      for (const c of s.changes) {
        const later = file.stmts.slice(i).map((x) => x.changes);
        if (c.kind === "RenameTable" && !file.spans.table(c.from).added && !viewTakesOver(later, c.from)) {
          out.push({ pos: s.pos, code: "BC101", text: `Renaming table ${goQuote(c.from)} to ${goQuote(c.to)}` });
        }
        if (c.kind !== "ModifyTable" || file.spans.table(c.table).added) continue;
        for (const tc of c.changes) {
          if (tc.kind === "RenameColumn" && !addedBack(later, c.table, tc.from)) {
            out.push({ pos: s.pos, code: "BC102", text: `Renaming column ${goQuote(tc.from)} to ${goQuote(tc.to)}` });
          }
        }
      }
    });
    return out;
  },
};
