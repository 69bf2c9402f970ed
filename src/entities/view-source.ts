/**
 * A view as entities source text: `export const x = view("name", sql`…`, { … });`, the way `schema inspect --format
 * typebox` writes it. The definer is left out (the plan leaves an undeclared definer alone).
 */
import type { View } from "../schema/model.ts";

/** Escapes text for a template literal: backslashes, backticks and `${`. */
function templateText(text: string): string {
  return text.replaceAll("\\", "\\\\").replaceAll("`", "\\`").replaceAll("${", "\\${");
}

/** The `export const` declaring one view under the export name `exportName`. */
export function viewSource(view: View, exportName: string): string {
  const options = [
    view.algorithm ? `algorithm: ${JSON.stringify(view.algorithm)}` : "",
    view.security ? `security: ${JSON.stringify(view.security)}` : "",
    view.checkOption ? `checkOption: ${JSON.stringify(view.checkOption)}` : "",
  ].filter(Boolean);
  const spec = options.length ? `, { ${options.join(", ")} }` : "";
  return `export const ${exportName} = view(${JSON.stringify(view.name)}, sql\`${templateText(view.definition)}\`${spec});\n`;
}
