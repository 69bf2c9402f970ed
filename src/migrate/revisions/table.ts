/**
 * The `atlas_schema_revisions` table as Atlas (through Ent) creates it, as a model the dialect layer renders, so the
 * DDL is byte for byte Atlas's on each flavour (`executed_at` is NOT NULL on MySQL 8, NULL on MariaDB).
 */
import type { Flavor } from "../../mysql/flavor.ts";
import { columnDefinition, createTableSql } from "../../mysql/plan.ts";
import { ident } from "../../mysql/sql.ts";
import type { Column, Table } from "../../schema/model.ts";
import { REVISIONS_TABLE } from "./names.ts";

function column(name: string, type: string, nullable = false, literal?: string): Column {
  const text = /char|text/.test(type) ? { charset: "utf8mb4", collate: "utf8mb4_bin" } : {};
  return {
    name,
    type,
    nullable,
    ...(literal !== undefined ? { default: { kind: "literal", value: literal } } : {}),
    ...text,
  };
}

/** The revisions table model for a flavour. */
export function revisionsTable(flavor: Flavor): Table {
  return {
    name: REVISIONS_TABLE,
    columns: [
      column("version", "varchar(255)"),
      column("description", "varchar(255)"),
      column("type", "bigint unsigned", false, "2"),
      column("applied", "bigint", false, "0"),
      column("total", "bigint", false, "0"),
      column("executed_at", "timestamp", flavor.implicitTimestampDefault),
      column("execution_time", "bigint"),
      column("error", "longtext", true),
      column("error_stmt", "longtext", true),
      column("hash", "varchar(255)"),
      column("partial_hashes", "json", true),
      column("operator_version", "varchar(255)"),
    ],
    primaryKey: { parts: [{ column: "version" }] },
    indexes: [],
    foreignKeys: [],
    checks: [],
    options: { charset: "utf8mb4", collate: "utf8mb4_bin" },
  };
}

/** `CREATE TABLE` of the revisions table, qualified with its schema (Atlas runs it unqualified on a bound connection). */
export function revisionsTableDdl(flavor: Flavor, schema: string): string {
  return createTableSql(revisionsTable(flavor), flavor, schema);
}

/**
 * The `ALTER TABLE` that brings a revisions table an older Atlas created up to date, as Atlas migrates its own table
 * (Ent's schema migration: the missing columns added at the end, e.g. `error_stmt`, which Atlas < 0.8 did not have);
 * undefined when no column is missing.
 */
export function revisionsUpgradeDdl(flavor: Flavor, schema: string, present: ReadonlySet<string>): string | undefined {
  const table = revisionsTable(flavor);
  const missing = table.columns.filter((c) => !present.has(c.name));
  if (missing.length === 0) return undefined;
  return `ALTER TABLE ${ident(schema)}.${ident(REVISIONS_TABLE)} ${missing.map((c) => `ADD COLUMN ${columnDefinition(c, table, flavor)}`).join(", ")}`;
}
