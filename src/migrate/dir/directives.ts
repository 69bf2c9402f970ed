/**
 * Atlas's migration-file directives (`sql/migrate/dir.go`, `lex.go`, `cmdapi/migrate.go`): file directives in the
 * comment header (`atlas:txmode`, `atlas:nolint`, `atlas:checkpoint`), `atlas:sum ignore` and `atlas:delimiter` on
 * the first line, and statement directives in the comments attached to a statement.
 */
import { goQuote } from "../../go/quote.ts";
import { fromByteString, toByteString, trimSpace } from "../bytestring.ts";
import { matchDirective, unescapeDelimiter } from "./directive-match.ts";
import type { Stmt } from "../split.ts";

/** Transaction mode of a migration run (`--tx-mode`) or of one file (`-- atlas:txmode`). */
export type TxMode = "file" | "all" | "none";

/** A file directive Atlas rejects; the message is Atlas's. */
export class DirectiveError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
    this.name = "DirectiveError";
  }
}

/**
 * The header comment lines of a file (`LocalFile.comments`): consecutive lines at the very top starting with `#` or
 * `--`. They are file comments only when an empty line (spaces and tabs allowed) follows them, or when the file holds
 * nothing but comments; otherwise they belong to the first statement and the result is empty.
 */
export function fileComments(text: string | Uint8Array): string[] {
  const comments: string[] = [];
  let content = toByteString(text);
  while (content.startsWith("#") || content.startsWith("--")) {
    const nl = content.indexOf("\n");
    if (nl === -1) {
      comments.push(content);
      return comments.map(fromByteString);
    }
    comments.push(trimSpace(content.slice(0, nl)));
    content = content.slice(nl + 1);
  }
  if (content === "" || content.replace(/^[ \t]+/, "").startsWith("\n")) return comments.map(fromByteString);
  return [];
}

/** The arguments of every file directive `atlas:<name>` in the file header (any prefix before `atlas:`). */
export function fileDirectives(text: string | Uint8Array, name: string): string[] {
  return fileComments(text).flatMap((c) => {
    const d = matchDirective(c, name);
    return d === undefined ? [] : [d];
  });
}

/** The arguments of every statement directive `atlas:<name>` in the comments attached to `stmt`. */
export function stmtDirectives(stmt: Stmt, name: string): string[] {
  const out: string[] = [];
  for (const c of stmt.comments) {
    if (c.startsWith("/*") && !c.includes("\n")) {
      const d = matchDirective(c.endsWith("*/") ? c.slice(0, -2) : c, name, "/*");
      if (d !== undefined) out.push(d);
      continue;
    }
    for (const prefix of ["#", "--", "-- "]) {
      const d = matchDirective(c, name, prefix);
      if (d !== undefined) out.push(d);
    }
  }
  return out;
}

/** The transaction mode a file's `-- atlas:txmode` directive asks for, or `undefined` without one. */
export function fileTxMode(name: string, text: string): "file" | "none" | undefined {
  const ds = fileDirectives(text, "txmode");
  if (ds.length === 0) return undefined;
  if (ds.length > 1)
    throw new DirectiveError(
      name,
      `multiple txmode values found in file ${goQuote(name)}: [${ds.map(goQuote).join(" ")}]`,
    );
  const [mode] = ds;
  if (mode === "all")
    throw new DirectiveError(
      name,
      `txmode "all" is not allowed in file directive ${goQuote(name)}. Use "file" instead`,
    );
  if (mode === "none" || mode === "file") return mode;
  throw new DirectiveError(name, `unknown txmode ${goQuote(mode ?? "")} found in file directive ${goQuote(name)}`);
}

/** The transaction mode to run a file with, given the run's mode (`cmdapi` `tx.modeFor`). */
export function effectiveTxMode(global: TxMode, name: string, text: string): TxMode {
  const mode = fileTxMode(name, text);
  if (mode === undefined || mode === global) return global;
  if (global === "all") {
    throw new DirectiveError(
      name,
      `cannot set txmode directive to ${goQuote(mode)} in ${goQuote(name)} when txmode "all" is set globally`,
    );
  }
  return mode;
}

/** What an `atlas:nolint` directive list silences: everything (a bare directive), or the named analyzers/codes. */
export interface Nolint {
  readonly all: boolean;
  readonly names: readonly string[];
}

/** Reads `atlas:nolint` directive arguments (file or statement): a bare one silences all, else names split on spaces. */
export function nolintOf(args: readonly string[]): Nolint {
  const names = args.flatMap((a) => a.split(/\s+/).filter((n) => n !== ""));
  return { all: args.some((a) => a.trim() === ""), names };
}

/** The tag of a checkpoint file (`""` when untagged), or `undefined` when the file is not a checkpoint. */
export function checkpointTag(text: string): string | undefined {
  return fileDirectives(text, "checkpoint")[0];
}

/** Whether the first line of the file is an `atlas:sum ignore` directive (hashed by name only, never applied). */
export function isSumIgnored(text: string | Uint8Array): boolean {
  // A directive never reaches past the first line: only that line is converted, not the whole file.
  const firstLine = typeof text === "string" ? text.split("\n", 1)[0]! : text.subarray(0, lineEnd(text));
  return matchDirective(toByteString(firstLine), "sum") === "ignore";
}

function lineEnd(bytes: Uint8Array): number {
  const nl = bytes.indexOf(0x0a);
  return nl === -1 ? bytes.length : nl;
}

/** The delimiter a first line `-- atlas:delimiter <d>` sets (escapes decoded), or `undefined` without one. */
export function fileDelimiter(text: string): string | undefined {
  const d = matchDirective(text, "delimiter", "-- ");
  return d === undefined ? undefined : unescapeDelimiter(d);
}

/** Prepends a file directive the way Atlas's `AddDirective` does (a blank line after it when the file had no header). */
export function addDirective(text: string, name: string, args: readonly string[] = []): string {
  const line = `-- atlas:${name}${args.length > 0 ? " " + args.join(" ") : ""}\n`;
  return line + (fileComments(text).length === 0 ? "\n" : "") + text;
}
