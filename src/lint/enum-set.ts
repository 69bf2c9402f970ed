/**
 * `enum_set`: changing the members of an ENUM or SET column in a way other than appending at the end. Removing a
 * member turns stored values into `''` (or fails in strict mode), reordering or inserting renumbers the stored
 * indexes and makes the server rewrite every row (a table copy). Codes follow Atlas Pro's numbering (MY110–MY112 for
 * ENUM, MY120–MY122 for SET); the texts are this tool's own.
 */
import type { Column } from "../schema/model.ts";
import { baseType } from "../mysql/typeinfo.ts";
import { goQuote } from "../go/quote.ts";
import { type Analyzer, tableEdits } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";
import { type MemberChange, memberChange, typeValues } from "../mysql/cost/members.ts";

function text(kind: MemberChange, type: string, values: readonly string[], column: Column, table: string): string {
  const list = values.map(goQuote).join(", ");
  const where = `${type} column ${goQuote(column.name)} on table ${goQuote(table)}`;
  switch (kind) {
    case "remove":
      return `Removing value${values.length === 1 ? "" : "s"} ${list} from ${where}: rows holding ${values.length === 1 ? "it" : "them"} become invalid`;
    case "reorder":
      return `Reordering the values of ${where} changes their stored order and rewrites the table`;
    case "insert":
      return `Inserting value${values.length === 1 ? "" : "s"} ${list} before the end of ${where} rewrites the table; append new values at the end`;
  }
}

const CODES = {
  enum: { remove: "MY110", reorder: "MY111", insert: "MY112" },
  set: { remove: "MY120", reorder: "MY121", insert: "MY122" },
} as const;

/** The ENUM/SET member-change analyzer. */
export const enumSet: Analyzer = {
  name: "enum_set",
  text: "enum and set value changes detected",
  defaultError: false,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const { stmt: s, change: c } of tableEdits(file)) {
      if (file.spans.table(c.table).added) continue;
      for (const tc of c.changes) {
        if (tc.kind !== "ModifyColumn") continue;
        const type = baseType(tc.to.type);
        if ((type !== "enum" && type !== "set") || baseType(tc.from.type) !== type) continue;
        const change = memberChange(typeValues(tc.from.type), typeValues(tc.to.type));
        if (change)
          out.push({
            pos: s.pos,
            code: CODES[type][change.kind],
            text: text(change.kind, type.toUpperCase(), change.values, tc.to, c.table),
          });
      }
    }
    return out;
  },
};
