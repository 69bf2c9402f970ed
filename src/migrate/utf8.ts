/**
 * Strict UTF-8 decoding of migration files: invalid bytes are an error with their offset, never U+FFFD.
 */
import { TextDecoder } from "node:util";

// ignoreBOM keeps a leading BOM in the text, as Buffer#toString did (the bytes and their hash are unchanged anyway).
const strict = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

// Lengths of the continuation bytes and the valid range of the second byte, by lead byte (RFC 3629, table 3-7).
function sequence(lead: number): { n: number; lo: number; hi: number } | undefined {
  if (lead >= 0xc2 && lead <= 0xdf) return { n: 1, lo: 0x80, hi: 0xbf };
  if (lead === 0xe0) return { n: 2, lo: 0xa0, hi: 0xbf };
  if (lead === 0xed) return { n: 2, lo: 0x80, hi: 0x9f };
  if (lead >= 0xe1 && lead <= 0xef) return { n: 2, lo: 0x80, hi: 0xbf };
  if (lead === 0xf0) return { n: 3, lo: 0x90, hi: 0xbf };
  if (lead === 0xf4) return { n: 3, lo: 0x80, hi: 0x8f };
  if (lead >= 0xf1 && lead <= 0xf3) return { n: 3, lo: 0x80, hi: 0xbf };
  return undefined;
}

/** The offset of the first byte that starts an invalid UTF-8 sequence, or -1 when all bytes are valid UTF-8. */
export function invalidUtf8Offset(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const lead = bytes[i]!;
    if (lead < 0x80) {
      i++;
      continue;
    }
    const seq = sequence(lead);
    if (!seq) return i;
    for (let k = 1; k <= seq.n; k++) {
      const b = bytes[i + k];
      const [lo, hi] = k === 1 ? [seq.lo, seq.hi] : [0x80, 0xbf];
      if (b === undefined || b < lo || b > hi) return i;
    }
    i += seq.n + 1;
  }
  return -1;
}

/** Decodes UTF-8; returns the text, or the offset of the first invalid byte. */
export function decodeUtf8(bytes: Uint8Array): { text: string } | { offset: number } {
  try {
    return { text: strict.decode(bytes) };
  } catch {
    return { offset: invalidUtf8Offset(bytes) };
  }
}
