/**
 * Whether output may carry ANSI colour codes: only on a terminal, and not when `NO_COLOR` is set to anything non-empty
 * (no-color.org) or `TERM=dumb`. citty colours its usage text unless `NO_COLOR=1` exactly, even into a pipe or a file.
 */
import process from "node:process";

/** Whether a stream of this process may be coloured. */
export function colourAllowed(stream: { readonly isTTY?: boolean }): boolean {
  const noColor = process.env.NO_COLOR;
  return stream.isTTY === true && (noColor === undefined || noColor === "") && process.env.TERM !== "dumb";
}

/** The text without ANSI SGR sequences (`ESC [ … m`). */
export function stripColour(text: string): string {
  return text.replace(/\x1b\[[0-9;]*m/g, "");
}
