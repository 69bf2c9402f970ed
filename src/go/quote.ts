/**
 * Go's `strconv.Quote` (`%q`), the quoting Atlas uses for names in plan comments, statements and versions in
 * messages, `sql("…")` in HCL and names in lint diagnostics: `\a \b \f \n \r \t \v \\ \"` escaped, other ASCII
 * controls as `\xNN`, runes Go does not print as `\uNNNN`/`\UNNNNNNNN`, invalid UTF-8 bytes as `\xNN`.
 */
import { decodeRune, RUNE_ERROR } from "./utf8.ts";

const PRINTABLE = /^[\p{L}\p{M}\p{N}\p{P}\p{S} ]$/u;

/** Go's `unicode.IsPrint` of one character: letters, marks, numbers, punctuation, symbols and the ASCII space. */
export function isPrint(ch: string): boolean {
  return PRINTABLE.test(ch);
}

/** `\uNNNN` (or `\UNNNNNNNN` past the BMP): how Go and hclwrite spell a rune they do not print. */
export function unicodeEscape(cp: number): string {
  return cp < 0x10000 ? `\\u${cp.toString(16).padStart(4, "0")}` : `\\U${cp.toString(16).padStart(8, "0")}`;
}

const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  0x07: "\\a",
  0x08: "\\b",
  0x09: "\\t",
  0x0a: "\\n",
  0x0b: "\\v",
  0x0c: "\\f",
  0x0d: "\\r",
  0x22: '\\"',
  0x5c: "\\\\",
};

/** The escape Go writes for a rune inside `%q`, or undefined when the rune stands as it is. */
function runeEscape(cp: number): string | undefined {
  const short = SHORT_ESCAPES[cp];
  if (short !== undefined) return short;
  if (cp < 0x80) return cp < 0x20 || cp === 0x7f ? `\\x${cp.toString(16).padStart(2, "0")}` : undefined;
  return isPrint(String.fromCodePoint(cp)) ? undefined : unicodeEscape(cp);
}

/** Go's `%q` of text (its UTF-8 encoding: a lone surrogate counts as U+FFFD, as encoding it gives). */
export function goQuote(text: string): string {
  let out = '"';
  for (const raw of text) {
    const cp = raw.codePointAt(0)!;
    const ch = cp >= 0xd800 && cp <= 0xdfff ? "\ufffd" : raw;
    out += runeEscape(ch.codePointAt(0)!) ?? ch;
  }
  return out + '"';
}

/** Go's `%q` of a byte string (one UTF-16 unit per byte); the result is a byte string too. */
export function goQuoteBytes(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const { r, w } = decodeRune(s, i);
    if (r === RUNE_ERROR && w === 1) out += "\\x" + s.charCodeAt(i).toString(16).padStart(2, "0");
    else out += runeEscape(r) ?? s.slice(i, i + w);
    i += w;
  }
  return out + '"';
}
