/**
 * Triggers, routines and events as HCL blocks after Atlas's: `trigger "t" { on = table.x; before { insert = true };
 * as = "…" }`, `function "f" { schema; arg "a" { type }; return; as }`, `procedure "p" { … arg "b" { mode = OUT } }`.
 * Atlas's reference (docs/atlas-compat.md) has no `event` block for MySQL: `event` here is stats-db's own form, with
 * the schedule as `at` or `every` (+ `starts`, `ends`) strings. Definers are not written (no Atlas attribute holds one).
 */
import type { Schema } from "../schema/model.ts";
import type { Routine, ScheduledEvent, Trigger } from "../schema/objects.ts";
import { hclType } from "./column-type.ts";
import { attr, block, type HclAttr, type HclBlock } from "./document.ts";
import { hclString, refText } from "./hcl-text.ts";

const byName = <T extends { name: string }>(a: T, b: T) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** The object blocks of a schema: functions, procedures, events, then triggers, each by name. */
export function objectBlocks(schema: Schema, schemaName: string): HclBlock[] {
  const ref = refText([["schema", schemaName]]);
  const routines = [...(schema.routines ?? [])].sort(byName);
  return [
    ...routines.filter((r) => r.kind === "FUNCTION").map((r) => routineBlock(r, ref)),
    ...routines.filter((r) => r.kind === "PROCEDURE").map((r) => routineBlock(r, ref)),
    ...[...(schema.events ?? [])].sort(byName).map((e) => eventBlock(e, ref)),
    ...[...(schema.triggers ?? [])].sort(byName).map(triggerBlock),
  ];
}

function triggerBlock(t: Trigger): HclBlock {
  return block(
    "trigger",
    [t.name],
    [attr("on", refText([["table", t.table]])), attr("as", hclString(t.body))],
    [block(t.timing.toLowerCase(), [], [attr(t.event.toLowerCase(), "true")])],
  );
}

function typeAttrs(type: string): HclAttr[] {
  const t = hclType(type);
  return [attr("type", t.type), ...(t.unsigned ? [attr("unsigned", "true")] : [])];
}

function routineBlock(r: Routine, schemaRef: string): HclBlock {
  const attrs: HclAttr[] = [attr("schema", schemaRef)];
  if (r.returns !== undefined) attrs.push(attr("return", hclType(r.returns).type));
  if (r.deterministic) attrs.push(attr("deterministic", "true"));
  if (r.dataAccess !== "CONTAINS SQL") attrs.push(attr("data_access", hclString(r.dataAccess)));
  if (r.security !== "DEFINER") attrs.push(attr("security", r.security));
  if (r.comment) attrs.push(attr("comment", hclString(r.comment)));
  attrs.push(attr("as", hclString(r.body)));
  const args = r.params.map((p) =>
    block("arg", [p.name], [...typeAttrs(p.type), ...(p.mode !== "IN" ? [attr("mode", p.mode)] : [])]),
  );
  return block(r.kind === "FUNCTION" ? "function" : "procedure", [r.name], attrs, args);
}

function eventBlock(e: ScheduledEvent, schemaRef: string): HclBlock {
  const attrs: HclAttr[] = [attr("schema", schemaRef)];
  const s = e.schedule;
  if ("at" in s) attrs.push(attr("at", hclString(s.at)));
  else {
    const value = /^\d+$/.test(s.every.value) ? s.every.value : `'${s.every.value}'`;
    attrs.push(attr("every", hclString(`${value} ${s.every.unit}`)));
    if (s.starts !== undefined) attrs.push(attr("starts", hclString(s.starts)));
    if (s.ends !== undefined) attrs.push(attr("ends", hclString(s.ends)));
  }
  if (e.preserve) attrs.push(attr("preserve", "true"));
  if (e.status !== "ENABLE") attrs.push(attr("status", hclString(e.status)));
  if (e.comment) attrs.push(attr("comment", hclString(e.comment)));
  attrs.push(attr("as", hclString(e.body)));
  return block("event", [e.name], attrs);
}
