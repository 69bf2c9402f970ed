/**
 * Atlas's MySQL `inlineRefs` check (MY102): a column definition with an inline `REFERENCES` clause creates no foreign
 * key on MySQL/MariaDB; the clause is parsed and silently ignored. Reported for columns of new tables and added
 * columns (the statement's text is read with the dialect's tokenizer: the model has no trace of the clause).
 */
import { type Token, tokenize } from "../mysql/lexer.ts";
import { goQuote } from "../go/quote.ts";
import type { Analyzer } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";

const NOT_COLUMN = new Set([
  "CONSTRAINT",
  "FOREIGN",
  "PRIMARY",
  "UNIQUE",
  "INDEX",
  "KEY",
  "FULLTEXT",
  "SPATIAL",
  "CHECK",
]);

/** The names of the columns whose definition in `sql` carries an inline REFERENCES clause. */
export function inlineReferenceColumns(sql: string): string[] {
  let tokens: Token[];
  try {
    tokens = tokenize(sql);
  } catch {
    return [];
  }
  const starts: number[] = [0]; // Token index where the current element begins, per paren depth.
  const out: string[] = [];
  tokens.forEach((t, i) => {
    if (t.kind === "op" && t.value === "(") starts.push(i + 1);
    else if (t.kind === "op" && t.value === ")") starts.pop();
    else if (t.kind === "op" && t.value === ",") starts[starts.length - 1] = i + 1;
    else if (t.kind === "word" && t.value.toUpperCase() === "REFERENCES") {
      let k = starts[starts.length - 1] ?? 0;
      const word = (j: number) => (tokens[j]?.kind === "word" ? tokens[j]!.value.toUpperCase() : "");
      if (word(k) === "ADD") k++;
      if (word(k) === "COLUMN") k++;
      const name = tokens[k];
      if (name && (name.kind === "ident" || name.kind === "word") && !NOT_COLUMN.has(word(k))) out.push(name.value);
    }
  });
  return out;
}

/** The inline-REFERENCES analyzer (unnamed in Atlas; `inline_refs` here so that it can be configured). */
export const inlineRefs: Analyzer = {
  name: "inline_refs",
  text: "inline REFERENCES detected",
  defaultError: false,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const s of file.stmts) {
      const refs = new Set(inlineReferenceColumns(s.text));
      if (refs.size === 0) continue;
      for (const c of s.changes) {
        const cols =
          c.kind === "AddTable"
            ? c.table.columns.map((col) => [c.table.name, col.name] as const)
            : c.kind === "ModifyTable"
              ? c.changes.flatMap((tc) => (tc.kind === "AddColumn" ? [[c.table, tc.column.name] as const] : []))
              : [];
        for (const [table, column] of cols) {
          if (refs.has(column))
            out.push({
              pos: s.pos,
              code: "MY102",
              text: `Defining column ${goQuote(column)} on table ${goQuote(table)} with inline REFERENCES is ignored by MySQL`,
            });
        }
      }
    }
    return out;
  },
};
