/**
 * The documented difference of the live mode: what `SHOW CREATE TABLE` shows but information_schema does not, so no
 * inspection can read it back with its fixed set of queries — an index's explicit `USING BTREE` (the default type,
 * shown only when written out) and a FULLTEXT index's `WITH PARSER`. Reading them would take one `SHOW CREATE TABLE`
 * per table, which breaks the rule that an inspection runs a fixed number of queries whatever the table count. A case
 * whose tables differ only in these words after the plan, and whose second diff is empty, is reported as `known`.
 */

/** A SHOW CREATE TABLE text without the index words information_schema cannot show. */
export function withoutInvisibleIndexWords(text: string): string {
  return text
    .split("\n")
    .map((line) =>
      /^\s+(?:PRIMARY |UNIQUE |FULLTEXT |SPATIAL )?KEY /.test(line)
        ? line.replace(/ USING BTREE\b/, "").replace(/ (?:\/\*!50100 )?WITH PARSER `(?:[^`]|``)+`(?: \*\/)?/, "")
        : line,
    )
    .join("\n");
}

/** The one-line reason printed for a `known` case. */
export const KNOWN_DIFFERENCE =
  "differs only in USING BTREE / WITH PARSER, which information_schema does not show (documented difference)";
