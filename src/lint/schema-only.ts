/**
 * `schema_only`: the project's rule that migrations change the schema and never rows. Any data statement (INSERT,
 * UPDATE, DELETE, REPLACE, LOAD DATA, TRUNCATE, SELECT, CALL, …) is reported (SO101), error-level by default.
 */
import type { Analyzer } from "./analyzer.ts";
import type { Diagnostic } from "./report.ts";

/** The schema-only analyzer. */
export const schemaOnly: Analyzer = {
  name: "schema_only",
  text: "data statements detected",
  defaultError: true,
  analyze(file) {
    const out: Diagnostic[] = [];
    for (const s of file.stmts) {
      if (s.dataVerb === undefined) continue;
      out.push({
        pos: s.pos,
        code: "SO101",
        text: `${s.dataVerb} statement in a migration file: migrations change the schema only, data changes belong elsewhere`,
      });
    }
    return out;
  },
};
