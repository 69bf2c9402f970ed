/**
 * Renders view changes: CREATE [OR REPLACE] VIEW with the view's options, and DROP VIEW. The definer is written only
 * when the view declares one (otherwise the server makes the connected user the definer).
 */
import type { View } from "../../schema/model.ts";
import { ident } from "../sql.ts";

/** `CREATE [OR REPLACE] [ALGORITHM = …] [DEFINER = …] [SQL SECURITY INVOKER] VIEW `v` AS … [WITH … CHECK OPTION]`. */
export function createViewSql(view: View, orReplace = false): string {
  return [
    orReplace ? "CREATE OR REPLACE" : "CREATE",
    view.algorithm ? `ALGORITHM = ${view.algorithm}` : "",
    view.definer ? `DEFINER = ${definerSql(view.definer)}` : "",
    view.security ? `SQL SECURITY ${view.security}` : "",
    `VIEW ${ident(view.name)} AS ${view.definition}`,
    view.checkOption ? `WITH ${view.checkOption} CHECK OPTION` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

/** `DROP VIEW `v``. */
export function dropViewSql(view: View): string {
  return `DROP VIEW ${ident(view.name)}`;
}

/** `user@host` → `` `user`@`host` ``. */
function definerSql(definer: string): string {
  const at = definer.lastIndexOf("@");
  return at < 0 ? ident(definer) : `${ident(definer.slice(0, at))}@${ident(definer.slice(at + 1))}`;
}
