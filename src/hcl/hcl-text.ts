/**
 * Text of HCL tokens as Atlas writes them: quoted strings (hclwrite's escaping), Go `%q` strings (Atlas's `sql("…")`
 * and type arguments), and references such as `table.users.column.id` or `column["Full Name"]`.
 */
import { goQuote, isPrint, unicodeEscape } from "../go/quote.ts";

const HCL_ESCAPES: Record<string, string> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", '"': '\\"', "\\": "\\\\" };

/** A double-quoted HCL string literal, escaped like hclwrite's `TokensForValue` (`${` → `$${`, `%{` → `%%{`). */
export function hclString(value: string): string {
  let out = "";
  const chars = [...value];
  chars.forEach((ch, i) => {
    const esc = HCL_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if ((ch === "$" || ch === "%") && chars[i + 1] === "{") out += ch + ch;
    else out += isPrint(ch) ? ch : unicodeEscape(ch.codePointAt(0) ?? 0);
  });
  return `"${out}"`;
}

const IDENT = /^[\p{ID_Start}_][\p{ID_Continue}-]*$/u;
const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;

/** True when a name can follow a dot in a reference (an HCL identifier, or a number, as Atlas's `validIdent`). */
export function isRefIdent(name: string): boolean {
  return IDENT.test(name) || NUMBER.test(name);
}

/** A reference built from (block type, name) steps: `[["table","t"],["column","a b"]]` → `table.t.column["a b"]`. */
export function refText(steps: readonly (readonly [string, string])[]): string {
  return steps.map(([type, name]) => type + (isRefIdent(name) ? `.${name}` : `[${hclString(name)}]`)).join(".");
}

/** `sql("…")`: a raw SQL expression or type, quoted the way Atlas writes it. */
export function sqlCall(text: string): string {
  return `sql(${goQuote(text)})`;
}
