/**
 * Go's `unicode/utf8` over a "byte string" (one UTF-16 unit per byte, latin1): runes are decoded the way Go decodes
 * them, so widths and offsets are byte counts exactly as in Atlas's Go code.
 */

/** The rune value Go returns for an invalid UTF-8 sequence. */
export const RUNE_ERROR = 0xfffd;

/** A decoded rune and its width in bytes. */
export interface Rune {
  readonly r: number;
  readonly w: number;
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
    if (cont(s, i + 1, end, lo, hi) && cont(s, i + 2, end))
      return { r: ((b0 & 0x0f) << 12) | (c(1) << 6) | c(2), w: 3 };
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
  return (
    r === 0x1680 ||
    (r >= 0x2000 && r <= 0x200a) ||
    r === 0x2028 ||
    r === 0x2029 ||
    r === 0x202f ||
    r === 0x205f ||
    r === 0x3000
  );
}
