/**
 * A view as Atlas's `view` block (atlas-compat.md §8): `schema`, `as` (a `<<-SQL` heredoc), `check_option` and
 * `depends_on`. Not expressible in the block and left out: ALGORITHM, SQL SECURITY and DEFINER (Atlas's MySQL
 * `view` block has no attribute for them) and `column` blocks (the model keeps no column types for a view).
 */
import type { Schema, View } from "../schema/model.ts";
import { attr, block, type HclBlock } from "./document.ts";
import { refText } from "./hcl-text.ts";

/** The `view` block of one view of a schema named `schemaName`. */
export function viewBlock(view: View, schema: Schema, schemaName: string): HclBlock {
  const views = new Set((schema.views ?? []).map((v) => v.name));
  const deps = (view.reads ?? []).map((r) => refText([[views.has(r) ? "view" : "table", r]]));
  return block(
    "view",
    [view.name],
    [
      attr("schema", refText([["schema", schemaName]])),
      attr("as", `<<-SQL\n  ${view.definition}\n  SQL`),
      ...(view.checkOption ? [attr("check_option", view.checkOption)] : []),
      ...(deps.length ? [attr("depends_on", `[${deps.join(", ")}]`)] : []),
    ],
  );
}
