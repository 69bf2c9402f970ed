/**
 * The files an entities module's evaluation depends on, read from the text of its static imports, so a cache can key
 * the schema it yields by their content. The answer is undefined whenever the text alone may not pin the result down:
 * a dynamic import or require, a package or built-in module other than the tool itself, an import that does not
 * resolve to a file, or a module that names the environment, the clock, randomness or the runtime (process, Date,
 * Math.random, …). Comments count too: a false alarm only costs one evaluation.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

/** A dependency the text cannot pin down: the module reads its world or loads code at run time. */
const IMPURE =
  /\b(?:process|Deno|Bun|globalThis|window|Date|Math\s*\.\s*random|fetch|crypto|performance|eval|Function|require|import\s*\(|import\s*\.\s*meta)(?![\w$])/;
/** The specifier of an import or re-export statement (type-only ones included: a false alarm is harmless). */
const SPECIFIER = /(?<![\w$.])(?:import|export)\s*(?:[\w$*{][^;'"`]*?\sfrom\s*)?(["'])([^"'\n]+)\1/g;
/** Extensions tried, in order, for a specifier written without one (as Bun and Deno's sloppy imports do). */
const TRIED = ["", ".ts", ".tsx", ".mts", ".js", ".mjs", "/index.ts", "/index.js"];
/** Modules whose imports are followed (other files, JSON say, are hashed only). */
const SCRIPT = /\.[mc]?[jt]sx?$/;

function isFile(path: string): boolean {
  return existsSync(path) && statSync(path).isFile();
}

/** The file a relative, absolute or file: specifier names, or undefined. `.js` also finds the `.ts` beside it. */
function resolveFile(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith("file:")
    ? fileURLToPath(specifier)
    : specifier.startsWith("/")
      ? specifier
      : specifier.startsWith("./") || specifier.startsWith("../")
        ? resolve(dirname(from), specifier)
        : undefined;
  if (base === undefined) return undefined;
  for (const ext of TRIED) if (isFile(base + ext)) return base + ext;
  if (base.endsWith(".js") && isFile(`${base.slice(0, -3)}.ts`)) return `${base.slice(0, -3)}.ts`;
  return undefined;
}

/** Whether a bare specifier names the tool itself (the package `stats-db`), which the cache's code stamp covers. */
function isTool(specifier: string): boolean {
  return specifier === "stats-db" || specifier.startsWith("stats-db/");
}

/**
 * Every file `entry` statically imports, transitively, with its text, stopping at the tool's own modules (under
 * `toolSrc`); undefined when the graph does not pin the module's value down (see the header).
 */
export function staticModuleFiles(entry: string, toolSrc: string): Map<string, string> | undefined {
  const files = new Map<string, string>();
  const inTool = (path: string) => path.startsWith(toolSrc + sep);
  const pending = [resolve(entry)];
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (files.has(path)) continue;
    const text = readFileSync(path, "utf8");
    files.set(path, text);
    if (!SCRIPT.test(path)) continue;
    if (IMPURE.test(text)) return undefined;
    for (const m of text.matchAll(SPECIFIER)) {
      const specifier = m[2]!;
      if (isTool(specifier)) continue;
      const file = resolveFile(path, specifier);
      if (file === undefined || file.includes(`${sep}node_modules${sep}`)) return undefined;
      if (!inTool(file)) pending.push(file);
    }
  }
  return files;
}
