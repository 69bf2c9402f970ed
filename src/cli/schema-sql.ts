/**
 * A whole schema as DDL: the CREATE TABLE statements the planner orders for a real server (referenced tables first,
 * foreign-key cycles closed by a later ALTER), in Atlas's file layout. One renderer for `schema sql` and
 * `schema inspect --format sql`.
 */
import { formatMigrationFile } from "../migrate/dir/name.ts";
import type { Flavor } from "../mysql/flavor.ts";
import { plan } from "../mysql/plan.ts";
import { diff } from "../schema/diff.ts";
import { emptySchema, type Schema } from "../schema/model.ts";

/** The DDL that creates the schema on an empty database. */
export function schemaSql(schema: Schema, flavor: Flavor): string {
  return formatMigrationFile(plan(diff(emptySchema, schema), flavor));
}
