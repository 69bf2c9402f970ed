/**
 * Shared helpers of the parser tests: replaying setup statements into a schema and picking parts of a result.
 */
import type { Change } from "../../src/schema/changes.ts";
import { applyChanges } from "../../src/schema/apply.ts";
import type { Schema, Table } from "../../src/schema/model.ts";
import { mariadb, type Flavor } from "../../src/mysql/flavor.ts";
import { parse } from "../../src/mysql/parse.ts";

/** Replays statements from the empty schema. */
export function replay(statements: readonly string[], flavor: Flavor = mariadb): Schema {
  return statements.reduce<Schema>((s, sql) => applyChanges(s, parse(sql, { flavor, schema: s })), { tables: [] });
}

/** The table of a single AddTable change. */
export function added(changes: readonly Change[]): Table {
  if (changes.length !== 1 || changes[0]!.kind !== "AddTable")
    throw new Error(`expected one AddTable, got ${JSON.stringify(changes)}`);
  return changes[0]!.table;
}

/** The table changes of a single ModifyTable change. */
export function altered(changes: readonly Change[]): unknown {
  if (changes.length !== 1 || changes[0]!.kind !== "ModifyTable")
    throw new Error(`expected one ModifyTable, got ${JSON.stringify(changes)}`);
  return changes[0]!.changes;
}
