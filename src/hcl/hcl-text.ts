/**
 * Text of HCL tokens as Atlas writes them: quoted strings (hclwrite's escaping), Go `%q` strings (Atlas's `sql("…")`
 * and type arguments), and references such as `table.users.column.id` or `column["Full Name"]`.
 */

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `unicode.IsPrint`: letters, marks, numbers, punctuation, symbols and the ASCII space. */
function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

function unicodeEscape(cp: number): string {
  return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
}

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

const GO_ESCAPES: Record<string, string> = {
  "\x07": "\\a", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\v": "\\v", '"': '\\"', "\\": "\\\\",
};

/** A double-quoted string escaped like Go's `strconv.Quote` (`%q`), which Atlas uses inside `sql("…")` and types. */
export function goQuote(value: string): string {
  let out = "";
  for (const ch of value) {
    const cp = ch.codePointAt(0) ?? 0;
    const esc = GO_ESCAPES[ch];
    if (esc !== undefined) out += esc;
    else if (cp < 0x80) out += cp < 0x20 || cp === 0x7f ? `\\x${cp.toString(16).padStart(2, "0")}` : ch;
    else out += isPrint(ch) ? ch : unicodeEscape(cp);
  }
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
