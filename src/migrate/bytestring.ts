/**
 * Go-string semantics in JavaScript: a "byte string" holds one UTF-16 unit per byte (latin1), so lengths and offsets
 * are byte counts exactly as in Atlas's Go scanner, and runes are decoded the way Go's `unicode/utf8` does.
 */
import { Buffer } from "node:buffer";

/** The rune value Go returns for an invalid UTF-8 sequence. */
export const RUNE_ERROR = 0xfffd;

/** A decoded rune and its width in bytes. */
export interface Rune {
  readonly r: number;
  readonly w: number;
}

const NON_ASCII = /[^\x00-\x7f]/;

/** Converts text (encoded as UTF-8) or raw bytes to a byte string. */
export function toByteString(input: string | Uint8Array): string {
  // ASCII text is its own byte string.
  if (typeof input === "string" && !NON_ASCII.test(input)) return input;
  const bytes = typeof input === "string" ? Buffer.from(input, "utf8") : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return bytes.toString("latin1");
}

/** Converts a byte string back to text, decoding it as UTF-8. */
export function fromByteString(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return Buffer.from(s, "latin1").toString("utf8");
}

function cont(s: string, i: number, end: number, lo = 0x80, hi = 0xbf): boolean {
  if (i >= end) return false;
  const b = s.charCodeAt(i);
  return b >= lo && b <= hi;
}

/** Decodes the rune starting at byte `i` (not reading at or past `end`), like Go's `utf8.DecodeRuneInString`. */
export function decodeRune(s: string, i: number, end = s.length): Rune {
  const b0 = s.charCodeAt(i);
  if (b0 < 0x80) return { r: b0, w: 1 };
  const c = (k: number) => s.charCodeAt(i + k) & 0x3f;
  if (b0 >= 0xc2 && b0 <= 0xdf && cont(s, i + 1, end)) return { r: ((b0 & 0x1f) << 6) | c(1), w: 2 };
  if (b0 >= 0xe0 && b0 <= 0xef) {
    const lo = b0 === 0xe0 ? 0xa0 : 0x80;
    const hi = b0 === 0xed ? 0x9f : 0xbf;
    if (cont(s, i + 1, end, lo, hi) && cont(s, i + 2, end)) return { r: ((b0 & 0x0f) << 12) | (c(1) << 6) | c(2), w: 3 };
  }
  if (b0 >= 0xf0 && b0 <= 0xf4) {
    const lo = b0 === 0xf0 ? 0x90 : 0x80;
    const hi = b0 === 0xf4 ? 0x8f : 0xbf;
    if (cont(s, i + 1, end, lo, hi) && cont(s, i + 2, end) && cont(s, i + 3, end)) {
      return { r: ((b0 & 0x07) << 18) | (c(1) << 12) | (c(2) << 6) | c(3), w: 4 };
    }
  }
  return { r: RUNE_ERROR, w: 1 };
}

/** Decodes the last rune ending before byte `end`, like Go's `utf8.DecodeLastRuneInString`. */
export function decodeLastRune(s: string, end: number): Rune {
  let start = end - 1;
  if (s.charCodeAt(start) < 0x80) return { r: s.charCodeAt(start), w: 1 };
  const lim = Math.max(end - 4, 0);
  while (start > lim && (s.charCodeAt(start) & 0xc0) === 0x80) start--;
  const rune = decodeRune(s, start, end);
  return start + rune.w === end ? rune : { r: RUNE_ERROR, w: 1 };
}

/** Go's `unicode.IsSpace`. */
export function isSpace(r: number): boolean {
  if (r <= 0xff) return (r >= 0x09 && r <= 0x0d) || r === 0x20 || r === 0x85 || r === 0xa0;
  return r === 0x1680 || (r >= 0x2000 && r <= 0x200a) || r === 0x2028 || r === 0x2029 || r === 0x202f || r === 0x205f || r === 0x3000;
}

/** Go's `strings.TrimLeftFunc(s, unicode.IsSpace)` over a byte string. */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    const rune = decodeRune(s, i);
    if (!isSpace(rune.r)) break;
    i += rune.w;
  }
  return s.slice(i);
}

/** Go's `strings.TrimSpace` over a byte string. */
export function trimSpace(s: string): string {
  const left = trimLeftSpace(s);
  let end = left.length;
  while (end > 0) {
    const rune = decodeLastRune(left, end);
    if (!isSpace(rune.r)) break;
    end -= rune.w;
  }
  return left.slice(0, end);
}

const goEscapes: Record<number, string> = { 7: "\\a", 8: "\\b", 9: "\\t", 10: "\\n", 11: "\\v", 12: "\\f", 13: "\\r", 34: '\\"', 92: "\\\\" };

/** Go's `strconv.Quote` of a byte string (non-ASCII runes kept as they are; invalid bytes as `\xNN`). */
export function goQuote(s: string): string {
  let out = '"';
  for (let i = 0; i < s.length; ) {
    const { r, w } = decodeRune(s, i);
    if (r === RUNE_ERROR && w === 1) out += "\\x" + s.charCodeAt(i).toString(16).padStart(2, "0");
    else if (goEscapes[r] !== undefined) out += goEscapes[r];
    else if (r < 0x20 || r === 0x7f) out += "\\x" + r.toString(16).padStart(2, "0");
    else out += s.slice(i, i + w);
    i += w;
  }
  return out + '"';
}

/** Go's string ordering (byte-wise over UTF-8), which is how Atlas sorts migration file names. */
export function compareNames(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}
