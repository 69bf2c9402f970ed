/**
 * Go-string semantics in JavaScript: a "byte string" holds one UTF-16 unit per byte (latin1), so lengths and offsets
 * are byte counts exactly as in Atlas's Go scanner (runes are decoded by go/utf8.ts).
 */
import { Buffer } from "node:buffer";
import { decodeLastRune, decodeRune, isSpace } from "../go/utf8.ts";

const NON_ASCII = /[^\x00-\x7f]/;

/** Converts text (encoded as UTF-8) or raw bytes to a byte string. */
export function toByteString(input: string | Uint8Array): string {
  // ASCII text is its own byte string.
  if (typeof input === "string" && !NON_ASCII.test(input)) return input;
  const bytes =
    typeof input === "string"
      ? Buffer.from(input, "utf8")
      : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  return bytes.toString("latin1");
}

/** Converts a byte string back to text, decoding it as UTF-8. */
export function fromByteString(s: string): string {
  if (!NON_ASCII.test(s)) return s;
  return Buffer.from(s, "latin1").toString("utf8");
}

/** An ASCII byte Go's `unicode.IsSpace` accepts: tab, newline, vertical tab, form feed, carriage return, space. */
function isAsciiSpace(b: number): boolean {
  return (b >= 0x09 && b <= 0x0d) || b === 0x20;
}

/** Go's `strings.TrimLeftFunc(s, unicode.IsSpace)` over a byte string. */
export function trimLeftSpace(s: string): string {
  let i = 0;
  while (i < s.length) {
    // ASCII bytes (nearly all of a migration file) are their own runes: no decoding.
    const b = s.charCodeAt(i);
    if (b < 0x80) {
      if (!isAsciiSpace(b)) break;
      i++;
      continue;
    }
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
    const b = left.charCodeAt(end - 1);
    if (b < 0x80) {
      if (!isAsciiSpace(b)) break;
      end--;
      continue;
    }
    const rune = decodeLastRune(left, end);
    if (!isSpace(rune.r)) break;
    end -= rune.w;
  }
  return left.slice(0, end);
}

/**
 * Go's string ordering (byte-wise over UTF-8), which is how Atlas sorts migration file names: -1, 0 or 1. UTF-8 orders
 * by code point, so UTF-16 units compare as they are, except that a surrogate (half of a code point above U+FFFF)
 * sorts after every other unit; text with a lone surrogate (no UTF-8 of its own) goes through the encoder.
 */
export function compareNames(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x === y) continue;
    if (x < 0xd800 && y < 0xd800) return x < y ? -1 : 1;
    if (LONE_SURROGATE.test(a) || LONE_SURROGATE.test(b))
      return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
    const sx = x >= 0xd800 && x <= 0xdfff;
    const sy = y >= 0xd800 && y <= 0xdfff;
    if (sx !== sy) return sx ? 1 : -1;
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
