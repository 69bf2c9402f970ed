/**
 * The live schema's fingerprint: `sha256:` of the canonical JSON of the inspected schema (stats-db's and Atlas's own
 * tables are already left out by inspection, an online tool's work objects by the caller). What data changes on its
 * own is left out too: a table's next AUTO_INCREMENT value. Objects are sorted by name, so only a change of the schema
 * changes the fingerprint.
 */
import type { Schema } from "../../schema/model.ts";
import { canonicalJson } from "./canonical.ts";
import { sha256Of } from "./document.ts";

const byName = <T extends { readonly name: string }>(items: readonly T[] | undefined): T[] | undefined =>
  items ? [...items].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)) : undefined;

/** The fingerprint of a schema as inspected. */
export function schemaFingerprint(schema: Schema): string {
  const tables = byName(schema.tables)!.map((t) => {
    const { autoIncrement: _counter, ...options } = t.options;
    return { ...t, options };
  });
  return sha256Of(
    canonicalJson({
      ...schema,
      tables,
      views: byName(schema.views),
      triggers: byName(schema.triggers),
      events: byName(schema.events),
      routines: byName(schema.routines),
      unmanaged: byName(schema.unmanaged),
    }),
  );
}
