/**
 * AUTO_INCREMENT counters: a live table's AUTO_INCREMENT is where its counter stands (data), not a start anyone
 * declared, so a live database used as the desired state carries none into a plan.
 */
import type { Schema } from "./model.ts";

/** The schema without table AUTO_INCREMENT values (the differ then leaves every counter alone). */
export function withoutCounters(schema: Schema): Schema {
  if (!schema.tables.some((t) => t.options.autoIncrement !== undefined)) return schema;
  return {
    ...schema,
    tables: schema.tables.map((t) => {
      if (t.options.autoIncrement === undefined) return t;
      const { autoIncrement: _counter, ...options } = t.options;
      return { ...t, options };
    }),
  };
}
