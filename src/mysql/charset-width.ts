/**
 * How many bytes a character takes at most in each charset (the server's `mbmaxlen`), and what follows from it: the
 * text type CONVERT TO CHARACTER SET widens a column to, so it holds as many characters as before.
 */
import { baseType } from "./typeinfo.ts";

/** Charsets with more than one byte per character; every other charset takes one. */
const MAX_BYTES: Readonly<Record<string, number>> = {
  big5: 2,
  cp932: 2,
  eucjpms: 3,
  euckr: 2,
  gb18030: 4,
  gb2312: 2,
  gbk: 2,
  sjis: 2,
  ucs2: 2,
  ujis: 3,
  utf16: 4,
  utf16le: 4,
  utf32: 4,
  utf8mb3: 3,
  utf8: 3,
  utf8mb4: 4,
};

/** The most bytes one character of a charset takes (1 for single-byte and unknown charsets). */
export function maxBytesPerChar(charset: string): number {
  return MAX_BYTES[charset] ?? 1;
}

/** The text types by the most bytes their length prefix can record, smallest first. */
const TEXT_TYPES: readonly (readonly [string, number])[] = [
  ["tinytext", 255],
  ["text", 65535],
  ["mediumtext", 16777215],
  ["longtext", 4294967295],
];

/** The most bytes a value of a text or blob type holds (`tinytext` 255, `text`/`blob` 65535, …); undefined for others. */
export function lobMaxBytes(type: string): number | undefined {
  const b = baseType(type);
  const text = b.endsWith("blob") ? b.replace(/blob$/, "text") : b;
  return TEXT_TYPES.find(([t]) => t === text)?.[1];
}

/**
 * The type of a text column after CONVERT TO CHARACTER SET from `from` to `to`: the smallest text type that holds as
 * many characters as before (latin1 or utf8mb3 `text` → utf8mb4 `mediumtext`); never smaller than the type it has.
 * Other types are returned as they are (a VARCHAR keeps its length in characters). MySQL's manual and MariaDB agree.
 */
export function convertedTextType(type: string, from: string, to: string): string {
  const b = baseType(type);
  const max = TEXT_TYPES.find(([t]) => t === b)?.[1];
  if (max === undefined || type !== b) return type;
  const needed = Math.floor(max / maxBytesPerChar(from)) * maxBytesPerChar(to);
  if (needed <= max) return type;
  return (TEXT_TYPES.find(([, bytes]) => bytes >= needed) ?? TEXT_TYPES[TEXT_TYPES.length - 1]!)[0];
}
