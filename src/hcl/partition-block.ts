/**
 * A table's `partition` block in Atlas's MySQL HCL: `type`, then `columns = [column.x, …]` for column methods (KEY,
 * RANGE/LIST COLUMNS) or a `by { expr = "…" }` block for expression methods, then one named `partition` block per
 * partition with `values_less_than` (RANGE) or `values_in` (LIST) and `comment`. HASH and KEY partitions the server
 * names are written as the blocks `p0…pN-1`. Not expressible here (see README "Partitioning"): sub-partitioning.
 */
import type { Partition, Partitioning } from "../schema/model.ts";
import { attr, block, type HclAttr, type HclBlock } from "./document.ts";
import { hclString, refText } from "./hcl-text.ts";

/** The `partition` block of a partitioned table. */
export function partitionBlock(p: Partitioning): HclBlock {
  const attrs: HclAttr[] = [attr("type", p.type.replace(" ", "_"))];
  const blocks: HclBlock[] = [];
  if (p.columns !== undefined)
    attrs.push(attr("columns", `[${p.columns.map((c) => refText([["column", c]])).join(", ")}]`));
  if (p.expr !== undefined) blocks.push(block("by", [], [attr("expr", hclString(p.expr))]));
  const partitions: readonly Partition[] =
    p.count !== undefined ? Array.from({ length: p.count }, (_, n) => ({ name: `p${n}` })) : p.partitions;
  for (const x of partitions) blocks.push(block("partition", [x.name], partitionAttrs(p, x)));
  return block("partition", [], attrs, blocks);
}

function partitionAttrs(p: Partitioning, x: Partition): HclAttr[] {
  const out: HclAttr[] = [];
  if (x.values !== undefined) {
    const key = p.type.startsWith("LIST") ? "values_in" : "values_less_than";
    out.push(attr(key, `[${splitValues(x.values).map(hclString).join(", ")}]`));
  }
  if (x.comment) out.push(attr("comment", hclString(x.comment)));
  return out;
}

/** Canonical values text (`1,'a,b'` or `('a','x'),('b','y')`) split at the commas outside quotes and parentheses. */
function splitValues(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let quoted = false;
  let cur = "";
  for (let k = 0; k < text.length; k++) {
    const ch = text[k]!;
    if (ch === "'" && quoted && text[k + 1] === "'") {
      cur += "''";
      k++;
      continue;
    }
    if (ch === "'") quoted = !quoted;
    if (!quoted && ch === "(") depth++;
    if (!quoted && ch === ")") depth--;
    if (!quoted && depth === 0 && ch === ",") {
      out.push(cur);
      cur = "";
    } else cur += ch;
  }
  return [...out, cur];
}
