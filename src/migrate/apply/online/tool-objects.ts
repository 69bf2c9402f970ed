/**
 * The work objects an online schema-change tool leaves while it runs, or after it was interrupted: pt-osc's shadow and
 * old tables (`_<table>_new`, `_<table>_old`, with up to three underscores) and its triggers
 * (`pt_osc_<schema>_<table>_ins|upd|del`). They are the online path's to examine and clean (online-run.ts), not drift.
 */
import type { Schema } from "../../../schema/model.ts";

/** The schema without the online tool's work tables and triggers on its tables. */
export function withoutOnlineToolObjects(schema: Schema, schemaName: string): Schema {
  const names = new Set(schema.tables.map((t) => t.name));
  const shadow = (name: string) => {
    const m = /^_{1,3}(.+)_(new|old)$/.exec(name);
    return m !== null && names.has(m[1]!);
  };
  const ownTrigger = (name: string, table: string) =>
    name.startsWith(`pt_osc_${schemaName}_${table}_`) && /_(ins|upd|del)$/.test(name);
  return {
    ...schema,
    tables: schema.tables.filter((t) => !shadow(t.name)),
    ...(schema.triggers
      ? { triggers: schema.triggers.filter((t) => !ownTrigger(t.name, t.table) && !shadow(t.table)) }
      : {}),
  };
}
