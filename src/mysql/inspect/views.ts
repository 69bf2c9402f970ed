/**
 * The views of a schema from `information_schema.VIEWS` (one query). MariaDB has an ALGORITHM column and MySQL 8 does
 * not, so the query reads every column and the algorithm is taken when the server has it.
 */
import type { Row } from "../../db/types.ts";
import type { Table, View } from "../../schema/model.ts";
import { ident } from "../sql.ts";
import { canonicalView, schemaScope } from "../view.ts";
import { required, valid } from "./values.ts";

/** Every view of the schema with its options (`SELECT *`: the column set differs between MySQL and MariaDB). */
export const VIEWS_QUERY = "SELECT * FROM `INFORMATION_SCHEMA`.`VIEWS` WHERE `TABLE_SCHEMA` = ? ORDER BY `TABLE_NAME`";

/** Views from rows of VIEWS_QUERY, in canonical form; the schema's own qualifier is dropped from the definitions. */
export function viewsFromRows(rows: readonly Row[], schemaName: string, tables: readonly Table[] = []): View[] {
  const scope = schemaScope({ name: schemaName, tables });
  return rows.map((row) => {
    const view = canonicalView(
      required(row, "TABLE_NAME"),
      required(row, "VIEW_DEFINITION"),
      {
        algorithm: valid(row, "ALGORITHM"),
        security: valid(row, "SECURITY_TYPE"),
        checkOption: valid(row, "CHECK_OPTION"),
      },
      scope,
    );
    // The server's definer is reported, not declared: a plan from an inspected schema leaves it out.
    const definer = valid(row, "DEFINER");
    return definer ? { ...view, reportedDefiner: definer } : view;
  });
}

/** The names of a schema's views (`TABLE_NAME`), in name order; one parameter, the schema. */
export const VIEW_NAMES_QUERY =
  "SELECT TABLE_NAME FROM INFORMATION_SCHEMA.VIEWS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME";

/** `DROP VIEW` of one view of the connection's schema. */
export function dropViewStatement(view: string): string {
  return `DROP VIEW ${ident(view)}`;
}
