/**
 * What an inspection finds that the model does not cover, by kind and name, in one query whatever the object count.
 * Each kind comes from one line of UNMANAGED_SOURCES: when a kind becomes part of the model, it leaves its line and
 * simply stops being listed as "not managed".
 */
import type { Row } from "../../db/types.ts";
import type { UnmanagedKind, UnmanagedObject } from "../../schema/model.ts";
import { required } from "./values.ts";

/**
 * One SELECT per catalog table, each with one `?` for the schema name, giving KIND and NAME. MySQL has no SEQUENCE or
 * SYSTEM VERSIONED table types and no packages: those lines then find nothing.
 */
const UNMANAGED_SOURCES: readonly string[] = [
  // Sequences and system-versioned tables in one pass over TABLES (each pass opens every table's definition).
  "SELECT IF(TABLE_TYPE = 'SEQUENCE', 'sequence', 'system-versioned table') AS KIND, TABLE_NAME AS NAME " +
    "FROM INFORMATION_SCHEMA.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE IN ('SEQUENCE', 'SYSTEM VERSIONED')",
  // MariaDB's PACKAGE and PACKAGE BODY (one package: the body goes with it); functions and procedures are managed.
  "SELECT DISTINCT 'package', ROUTINE_NAME FROM INFORMATION_SCHEMA.ROUTINES WHERE ROUTINE_SCHEMA = ? AND ROUTINE_TYPE LIKE 'PACKAGE%'",
];

/** The query listing every unmanaged object of a schema, and its parameters. */
export function unmanagedQuery(schemaName: string): { readonly sql: string; readonly params: string[] } {
  return {
    sql: `${UNMANAGED_SOURCES.join(" UNION ALL ")} ORDER BY 1, 2`,
    params: UNMANAGED_SOURCES.map(() => schemaName),
  };
}

/** The unmanaged objects of the query's rows, in its order (kind, then name). */
export function unmanagedFromRows(rows: readonly Row[]): UnmanagedObject[] {
  return rows.map((r) => ({ kind: required(r, "KIND") as UnmanagedKind, name: required(r, "NAME") }));
}
