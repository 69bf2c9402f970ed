/**
 * `data_depend` (Atlas `sql/sqlcheck/datadepend` + the MySQL handler): changes whose success or effect depends on the
 * rows already in the table — a unique index on existing columns (MF101), an index turned unique (MF102), a NOT NULL
 * column without default (MY101 / MF103), a nullable column made NOT NULL (MF104). Tables the file creates are empty
 * and skipped.
 */
import type { TableChange } from "../schema/changes.ts";
import { findTable, type Schema } from "../schema/model.ts";
import { goQuote } from "../go/quote.ts";
import { type Analyzer, type LintFile, tableEdits } from "./analyzer.ts";
import { addNotNullOutcome, addNotNullText } from "./add-not-null.ts";
import type { Diagnostic } from "./report.ts";

function tableChange(
  file: LintFile,
  after: Schema,
  table: string,
  tc: TableChange,
  all: readonly TableChange[],
  pos: number,
): Diagnostic[] {
  const existedBefore = (index: string) => findTable(file.start, table)?.indexes.some((i) => i.name === index) ?? false;
  switch (tc.kind) {
    case "AddIndex": {
      if (!tc.index.unique) return [];
      const replaced = all.some((o) => o.kind === "DropIndex" && o.index.name === tc.index.name && !o.index.unique);
      if (replaced && existedBefore(tc.index.name)) {
        return [
          {
            pos,
            code: "MF102",
            text: `Modifying an index ${goQuote(tc.index.name)} on table ${goQuote(table)} might fail in case of duplicate entries`,
          },
        ];
      }
      const names = tc.index.parts.flatMap((p) =>
        p.column !== undefined && !file.spans.column(table, p.column).added ? [goQuote(p.column)] : [],
      );
      if (names.length === 0) return [];
      const s = names.length === 1 ? `column ${names[0]} contains` : `columns ${names.join(", ")} contain`;
      return [
        {
          pos,
          code: "MF101",
          text: `Adding a unique index ${goQuote(tc.index.name)} on table ${goQuote(table)} might fail in case ${s} duplicate entries`,
        },
      ];
    }
    case "AddColumn": {
      const c = tc.column;
      if (c.nullable || c.default !== undefined || c.generated || file.spans.table(table).added) return [];
      const t = findTable(after, table);
      const outcome = t ? addNotNullOutcome(t, c, file.flavor) : undefined;
      if (!outcome) return [];
      return [{ pos, code: outcome.kind === "fail" ? "MF103" : "MY101", text: addNotNullText(outcome, table, c.name) }];
    }
    case "ModifyColumn":
      if (file.spans.table(table).added || !(tc.from.nullable && !tc.to.nullable)) return [];
      return [
        {
          pos,
          code: "MF104",
          text: `Modifying nullable column ${goQuote(tc.to.name)} to non-nullable might fail in case it contains NULL values`,
        },
      ];
    default:
      return [];
  }
}

/** The data-dependent-changes analyzer. */
export const dataDepend: Analyzer = {
  name: "data_depend",
  text: "data dependent changes detected",
  defaultError: false,
  analyze(file) {
    return tableEdits(file).flatMap(({ stmt: s, change: c }) =>
      c.changes.flatMap((tc) => tableChange(file, s.after, c.table, tc, c.changes, s.pos)),
    );
  },
};
