/**
 * `destructive` (Atlas `sql/sqlcheck/destructive`): dropping a table (DS102) or non-virtual columns (DS103) loses data;
 * so does dropping partitions (DS104, this tool's own code: Atlas has none for it).
 * DS101 (dropping a schema) cannot occur: DROP DATABASE is outside what the parser models and is reported as such.
 * Error-level by default, as in Atlas.
 */
import { goQuote } from "../go/quote.ts";
import type { Analyzer } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";
import { isTemporary } from "./spans.ts";

/** Joins quoted names as Atlas does: `"a", "b" and "c"`. */
function andList(names: readonly string[]): string {
  return names.length === 1 ? names[0]! : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/** The destructive-changes analyzer. */
export const destructive: Analyzer = {
  name: "destructive",
  text: "destructive changes detected",
  defaultError: true,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const s of file.stmts) {
      for (const c of s.changes) {
        if (c.kind === "DropTable" && !isTemporary(file.spans.table(c.table.name))) {
          const t = goQuote(c.table.name);
          out.push({
            pos: s.pos,
            code: "DS102",
            text: `Dropping table ${t}`,
            fixes: [{ message: `Add a pre-migration check to ensure table ${t} is empty before dropping it` }],
          });
        }
        if (c.kind !== "ModifyTable") continue;
        for (const tc of c.changes) {
          if (tc.kind !== "DropPartitions") continue;
          const list = andList(tc.partitions.map((p) => goQuote(p.name)));
          const t = goQuote(c.table);
          const one = tc.partitions.length === 1;
          out.push({
            pos: s.pos,
            code: "DS104",
            text: `Dropping partition${one ? "" : "s"} ${list} of table ${t} drops the rows in ${one ? "it" : "them"}`,
            fixes: [
              {
                message: `Add a pre-migration check to ensure partition${one ? "" : "s"} ${list} of table ${t} hold no rows`,
              },
            ],
          });
        }
        const names = c.changes.flatMap((tc) =>
          tc.kind === "DropColumn" &&
          !isTemporary(file.spans.column(c.table, tc.column.name)) &&
          !(tc.column.generated && !tc.column.generated.stored)
            ? [goQuote(tc.column.name)]
            : [],
        );
        if (names.length === 1) {
          out.push({
            pos: s.pos,
            code: "DS103",
            text: `Dropping non-virtual column ${names[0]}`,
            fixes: [{ message: `Add a pre-migration check to ensure column ${names[0]} is NULL before dropping it` }],
          });
        } else if (names.length > 1) {
          const list = andList(names);
          out.push({
            pos: s.pos,
            code: "DS103",
            text: `Dropping non-virtual columns ${list}`,
            fixes: [{ message: `Add pre-migration checks to ensure columns ${list} are NULL before dropping them` }],
          });
        }
      }
    }
    return out;
  },
};
