/**
 * Where loading a TypeScript module failed, as `file:line:column: what`: a syntax error (Bun's build message, or
 * Deno's parse error text) or an error thrown while the module ran (the first stack frame outside stats-db itself).
 */
import { isAbsolute, relative } from "node:path";
import { fileURLToPath } from "node:url";

/** A source position: the file (relative to the working directory when inside it), 1-based line and column. */
interface SourcePoint {
  readonly file: string;
  readonly line: number;
  readonly column: number;
}

// This file's folder's parent: frames below it are stats-db's own code, not the operator's module.
const OWN_SOURCE = fileURLToPath(new URL("../", import.meta.url));
const FRAME = /(?:file:\/\/)?((?:\/|[A-Za-z]:[\\/])[^\s()]*?):(\d+):(\d+)/;

function shown(file: string): string {
  const path = file.startsWith("file://") ? fileURLToPath(file) : file;
  const rel = relative(process.cwd(), path);
  return rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : path;
}

/** The build position Bun attaches to a syntax or resolve error (`position.line` and `.column` are 1-based). */
function buildPosition(e: unknown): SourcePoint | undefined {
  const p = (e as { position?: { file?: unknown; line?: unknown; column?: unknown } } | null)?.position;
  if (!p || typeof p.file !== "string" || typeof p.line !== "number" || typeof p.column !== "number") return undefined;
  return { file: shown(p.file), line: p.line, column: p.column };
}

function ownFrame(path: string): boolean {
  return (
    path.startsWith(OWN_SOURCE) ||
    /[\\/]node_modules[\\/]/.test(path) ||
    path.startsWith("/$bunfs/") ||
    path.startsWith("node:")
  );
}

/** The first stack frame in the operator's code (not stats-db's, not a dependency's). */
function thrownAt(stack: string): SourcePoint | undefined {
  for (const line of stack.split("\n").slice(1)) {
    const m = FRAME.exec(line);
    if (!m) continue;
    const path = m[1]!;
    if (!ownFrame(path)) return { file: shown(path), line: Number(m[2]), column: Number(m[3]) };
  }
  return undefined;
}

/** `file:line:column: what` for an error raised by importing a module, or undefined when it carries no position. */
export function moduleErrorText(e: unknown): string | undefined {
  const full =
    typeof e === "object" && e !== null && "message" in e ? String((e as { message: unknown }).message) : String(e);
  const message = full.split("\n")[0]!.trim();
  const built = buildPosition(e);
  // A ResolveMessage (an import that cannot be found) may carry a position too; its message says what is wrong.
  const kind = (e as { name?: unknown }).name === "ResolveMessage" ? "" : "syntax error: ";
  if (built) return `${built.file}:${built.line}:${built.column}: ${kind}${message}`;
  // Deno: a TypeError whose message is "SyntaxError: Expected ';'", a code excerpt, then "at file:///x.ts:4:30".
  const denoSyntax = /^SyntaxError: (.*)$/.exec(message);
  const denoAt = denoSyntax ? /at (file:\/\/\S+):(\d+):(\d+)\s*$/.exec(full) : null;
  if (denoSyntax && denoAt) return `${shown(denoAt[1]!)}:${denoAt[2]}:${denoAt[3]}: syntax error: ${denoSyntax[1]}`;
  const at = e instanceof Error && e.stack ? thrownAt(e.stack) : undefined;
  if (at)
    return `${at.file}:${at.line}:${at.column}: the module threw ${e instanceof Error ? e.name : "Error"}: ${message}`;
  return undefined;
}
