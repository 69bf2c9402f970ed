/**
 * Byte offsets to lines: the splitter, the lint diagnostics and the dev database's errors give byte offsets into a
 * file's UTF-8 bytes; Atlas prints lines (`FileReport.Line`).
 */

/** 1-based line of a byte offset in UTF-8 text. */
export function lineOf(bytes: Uint8Array, pos: number): number {
  let line = 1;
  for (let i = 0; i < pos && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

const DELIMITER_LINE = new TextEncoder().encode("-- atlas:delimiter ");

/** 1-based line of a statement the splitter found at `pos` (after an `atlas:delimiter` first line, its offsets are relative to the text after that line). */
export function statementLine(bytes: Uint8Array, pos: number): number {
  const shift = DELIMITER_LINE.every((b, i) => bytes[i] === b) ? bytes.indexOf(0x0a) + 1 : 0;
  return lineOf(bytes, pos + shift);
}
