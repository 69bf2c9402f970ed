/**
 * What the architecture test reads in a TypeScript source: its imports (comments stripped first, strings and
 * template text told apart from code) and the cycles of an import graph.
 */
import { stronglyConnected } from "../../src/mysql/plan/cycles.ts";

/** One import or re-export found in a source file. */
export interface ImportRef {
  readonly spec: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** A source with its comments blanked (same length, newlines kept) and, per character, whether it is code. */
export interface ScannedSource {
  readonly text: string;
  readonly isCode: (index: number) => boolean;
}

const REGEX_BEFORE = /[(,=:[!&|?{};+\-*%<>~^]|^$|\b(return|typeof|case|do|else|in|of|void|yield|await)$/;

/** Blanks comments (keeping newlines, so line numbers hold) and marks which characters are code. */
export function scanSource(source: string): ScannedSource {
  const out = source.split("");
  const code = new Uint8Array(source.length);
  const braces: number[] = []; // open-brace depth of each `${` we are inside
  let i = 0;
  let last = ""; // the last significant code token's text, to tell a regex from a division
  const blank = (from: number, to: number) => {
    for (let k = from; k < to; k++) if (out[k] !== "\n") out[k] = " ";
  };
  const skipQuoted = (end: string) => {
    for (i++; i < source.length && source[i] !== end && source[i] !== "\n"; i++) if (source[i] === "\\") i++;
    i++;
  };
  const skipRegex = () => {
    let inClass = false;
    for (i++; i < source.length && source[i] !== "\n"; i++) {
      const ch = source[i];
      if (ch === "\\") i++;
      else if (ch === "[") inClass = true;
      else if (ch === "]") inClass = false;
      else if (ch === "/" && !inClass) break;
    }
    for (i++; i < source.length && /[a-z]/.test(source[i]!); i++);
  };
  // Template text up to its closing backtick or a `${`; returns true when it stopped at `${`.
  const skipTemplate = (): boolean => {
    for (; i < source.length; i++) {
      if (source[i] === "\\") i++;
      else if (source[i] === "`") {
        i++;
        return false;
      } else if (source[i] === "$" && source[i + 1] === "{") {
        i += 2;
        return true;
      }
    }
    return false;
  };
  while (i < source.length) {
    const ch = source[i]!;
    const next = source[i + 1];
    if (ch === "/" && next === "/") {
      const end = source.indexOf("\n", i);
      blank(i, end === -1 ? source.length : end);
      i = end === -1 ? source.length : end;
    } else if (ch === "/" && next === "*") {
      const end = source.indexOf("*/", i + 2);
      const stop = end === -1 ? source.length : end + 2;
      blank(i, stop);
      i = stop;
    } else if (ch === '"' || ch === "'") {
      skipQuoted(ch);
      last = "string";
    } else if (ch === "`" || (ch === "}" && braces.length > 0 && braces[braces.length - 1] === 0)) {
      if (ch === "}") braces.pop();
      i++;
      if (skipTemplate()) braces.push(0);
      last = "string";
    } else if (ch === "/" && REGEX_BEFORE.test(last)) {
      skipRegex();
      last = "regex";
    } else if (/\s/.test(ch)) {
      code[i] = 1;
      i++;
    } else {
      const word = /^[\w$]+/.exec(source.slice(i, i + 64))?.[0];
      const len = word?.length ?? 1;
      if (ch === "{" && braces.length > 0) braces[braces.length - 1]!++;
      if (ch === "}" && braces.length > 0) braces[braces.length - 1]!--;
      code.fill(1, i, i + len);
      last = word ?? ch;
      i += len;
    }
  }
  return { text: out.join(""), isCode: (index) => code[index] === 1 };
}

/** The 1-based line of a character offset. */
function lineAt(text: string, index: number): number {
  return text.slice(0, index).split("\n").length;
}

/**
 * The imports of a TypeScript source: `import … from`, `export … from`, bare `import "x"` and `import("x")`, read
 * from code only (not from comments, strings or template text).
 */
export function importsOf(source: string): ImportRef[] {
  const { text, isCode } = scanSource(source);
  const out: ImportRef[] = [];
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    if (!isCode(m.index)) continue;
    const braces = /^\{([^}]*)\}$/.exec(m[3]!.trim());
    const names = braces?.[1]
      ?.split(",")
      .map((s) => s.trim())
      .filter(Boolean);
    const allTyped = names?.every((s) => s.startsWith("type "));
    out.push({ spec: m[4]!, typeOnly: m[2] !== undefined || allTyped, line: lineAt(text, m.index) });
  }
  for (const m of text.matchAll(/^import\s*["']([^"']+)["']/gm)) {
    if (isCode(m.index)) out.push({ spec: m[1]!, typeOnly: false, line: lineAt(text, m.index) });
  }
  for (const m of text.matchAll(/\bimport\s*\(\s*["']([^"'\n]+)["']\s*\)/g)) {
    if (isCode(m.index)) out.push({ spec: m[1]!, typeOnly: false, line: lineAt(text, m.index) });
  }
  return out;
}

/** The lines of the `import(…)` calls whose argument is not one string literal (a variable, a template string, …). */
export function dynamicImportsOf(source: string): number[] {
  const { text, isCode } = scanSource(source);
  const lines: number[] = [];
  for (const m of text.matchAll(/\bimport\s*\(/g)) {
    if (!isCode(m.index)) continue;
    const literal = /^\bimport\s*\(\s*(["'])[^"'\n]+\1\s*\)/.test(text.slice(m.index));
    if (!literal) lines.push(lineAt(text, m.index));
  }
  return lines;
}

/** The cycles of a directed graph: each strongly connected component of more than one node, or a node importing itself. */
export function cyclesOf(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const next = (v: string) => (graph.get(v) ?? []).filter((w) => graph.has(w));
  return stronglyConnected([...graph.keys()].sort(), next)
    .filter((group) => group.length > 1 || next(group[0]!).includes(group[0]!))
    .map((group) => group.sort());
}
