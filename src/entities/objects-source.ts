/**
 * The triggers, events and routines of a schema as entities source: one `export const` per object built with
 * `trigger()`, `event()` or `routine()`, and `export const objects = […]`. Definers are left out (an inspected
 * definer is the server's, not a declaration).
 */
import type { Schema } from "../schema/model.ts";
import type { Routine, ScheduledEvent, Trigger } from "../schema/objects.ts";

const s = (v: string) => JSON.stringify(v);

/** The source of a schema's objects: the builder names used, the declarations, and the `objects` export. */
export interface ObjectsSource {
  readonly builders: readonly string[];
  readonly blocks: readonly string[];
  readonly footer: string;
}

/** Object declarations; `tableNames` maps table names to their exported identifiers (used names are avoided). */
export function objectsSource(schema: Schema, tableNames: ReadonlyMap<string, string>): ObjectsSource {
  const used = new Set(tableNames.values());
  const name = (base: string, suffix: string) => {
    const camel = base
      .replace(/[^A-Za-z0-9_$]+(.)?/g, (_m, c: string | undefined) => (c ?? "").toUpperCase())
      .replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());
    const stem = `${/^\d/.test(camel) ? "o" : ""}${camel}${suffix}`;
    let out = stem;
    for (let n = 2; used.has(out); n++) out = `${stem}${n}`;
    used.add(out);
    return out;
  };
  const builders = new Set<string>();
  const blocks: string[] = [];
  const names: string[] = [];
  const add = (builder: string, id: string, text: string) => {
    builders.add(builder);
    names.push(id);
    blocks.push(`export const ${id} = ${text};\n`);
  };
  for (const t of schema.triggers ?? [])
    add("trigger", name(t.name, "Trigger"), triggerSource(t, tableNames.get(t.table)));
  for (const e of schema.events ?? []) add("event", name(e.name, "Event"), eventSource(e));
  for (const r of schema.routines ?? [])
    add("routine", name(r.name, r.kind === "FUNCTION" ? "Function" : "Procedure"), routineSource(r));
  return {
    builders: [...builders],
    blocks,
    footer: names.length ? `export const objects = [${names.join(", ")}];\n` : "",
  };
}

function triggerSource(t: Trigger, tableId: string | undefined): string {
  return `trigger(${s(t.name)}, {\n  on: ${tableId ?? s(t.table)},\n  timing: ${s(t.timing)},\n  event: ${s(t.event)},\n  body: ${s(t.body)},\n})`;
}

function eventSource(e: ScheduledEvent): string {
  const lines: string[] = [];
  if ("at" in e.schedule) lines.push(`  at: ${s(e.schedule.at)},`);
  else {
    const v = e.schedule.every.value;
    lines.push(`  every: ${s(`${/^\d+$/.test(v) ? v : `'${v}'`} ${e.schedule.every.unit}`)},`);
    if (e.schedule.starts !== undefined) lines.push(`  starts: ${s(e.schedule.starts)},`);
    if (e.schedule.ends !== undefined) lines.push(`  ends: ${s(e.schedule.ends)},`);
  }
  if (e.preserve) lines.push("  preserve: true,");
  if (e.status !== "ENABLE") lines.push(`  status: ${s(e.status)},`);
  if (e.comment) lines.push(`  comment: ${s(e.comment)},`);
  lines.push(`  body: ${s(e.body)},`);
  return `event(${s(e.name)}, {\n${lines.join("\n")}\n})`;
}

function routineSource(r: Routine): string {
  const lines = [`  kind: ${s(r.kind.toLowerCase())},`];
  if (r.params.length) {
    const ps = r.params.map(
      (p) =>
        `{ name: ${s(p.name)}, type: ${s(p.type)}${r.kind === "PROCEDURE" && p.mode !== "IN" ? `, mode: ${s(p.mode)}` : ""} }`,
    );
    lines.push(`  params: [${ps.join(", ")}],`);
  }
  if (r.returns !== undefined) lines.push(`  returns: ${s(r.returns)},`);
  if (r.deterministic) lines.push("  deterministic: true,");
  if (r.dataAccess !== "CONTAINS SQL") lines.push(`  dataAccess: ${s(r.dataAccess)},`);
  if (r.security !== "DEFINER") lines.push(`  security: ${s(r.security)},`);
  if (r.comment) lines.push(`  comment: ${s(r.comment)},`);
  lines.push(`  body: ${s(r.body)},`);
  return `routine(${s(r.name)}, {\n${lines.join("\n")}\n})`;
}
