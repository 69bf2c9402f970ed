/**
 * The tables a DDL statement names, read from its tokens alone (no schema needed): what a lock-wait report needs to
 * ask the server who holds those tables.
 */
import type { Token } from "../lexer.ts";
import type { Classified } from "./classify.ts";
import { objectStatementTables } from "./objects.ts";

const SKIP = new Set(["IF", "NOT", "EXISTS", "ONLY", "TEMPORARY", "WAIT", "NOWAIT"]);

/** The name at token `k` (`t` or `s`.`t` → `t`) and the index after it, or undefined when there is no name there. */
function nameAt(tokens: readonly Token[], k: number): [string, number] | undefined {
  while (tokens[k]?.kind === "word" && SKIP.has(tokens[k]!.value.toUpperCase())) k++;
  const t = tokens[k];
  if (t?.kind !== "word" && t?.kind !== "ident") return undefined;
  if (tokens[k + 1]?.value === "." && (tokens[k + 2]?.kind === "word" || tokens[k + 2]?.kind === "ident"))
    return [tokens[k + 2]!.value, k + 3];
  return [t.value, k + 1];
}

/** The table names a classified DDL statement names (the renamed-to names included); empty for anything else. */
export function tablesNamed(tokens: readonly Token[], c: Classified): string[] {
  if (c.kind !== "ddl") return [];
  if (c.ddl === "createIndex") {
    const on = tokens.findIndex((t, i) => i >= c.start && t.kind === "word" && t.value.toUpperCase() === "ON");
    const n = on === -1 ? undefined : nameAt(tokens, on + 1);
    return n ? [n[0]] : [];
  }
  if (c.ddl === "object") return objectStatementTables(tokens);
  if (c.ddl === "alterDatabase") return [];
  if (c.ddl === "createView" || c.ddl === "alterView") {
    const at = tokens.findIndex((t) => t.kind === "word" && t.value.toUpperCase() === "VIEW");
    const n = nameAt(tokens, at + 1);
    return n ? [n[0]] : [];
  }
  // DROP TABLE a, b / RENAME TABLE a TO b, c TO d / ALTER TABLE a … / CREATE TABLE a …
  const names: string[] = [];
  let k = c.start;
  for (;;) {
    const n = nameAt(tokens, k);
    if (!n) break;
    names.push(n[0]);
    k = n[1];
    const next = tokens[k]?.value.toUpperCase();
    if (c.ddl === "renameTable" && next === "TO") k++;
    else if ((c.ddl === "dropTable" || c.ddl === "dropView" || c.ddl === "renameTable") && next === ",") k++;
    else break;
  }
  return names;
}
