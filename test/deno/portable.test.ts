/**
 * `src/` must run under Deno as well as Bun: no Bun-only APIs (`Bun.*`, `bun:*` modules, `import.meta.dir`/`.main`),
 * relative imports with their `.ts` extension, built-ins as `node:x`.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import { join, relative } from "node:path";
import { repoRoot } from "../cli/run-cli.ts";

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith(".ts") ? [path] : [];
  });
}

// Strings and comments are blanked so a doc comment mentioning `Bun.build` is not a use of it.
function code(text: string): string {
  return text.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, "").replace(/`(?:\\.|[^`\\])*`/g, "``");
}

const specifier = /(?:^|\s)(?:import|export)[^;]*?from\s*"([^"]+)"|import\(\s*"([^"]+)"\s*\)|^import\s*"([^"]+)"/gm;

/** Every problem in one file's text: `path:line: message`. */
export function portabilityProblems(file: string, text: string): string[] {
  const problems: string[] = [];
  const body = code(text);
  const at = (index: number) => `${file}:${body.slice(0, index).split("\n").length}`;
  for (const m of body.matchAll(/\bBun\.\w+|\bimport\.meta\.(?:dir|dirname|file|filename|path|main)\b/g))
    problems.push(`${at(m.index)}: Bun-only ${m[0]}`);
  for (const m of body.matchAll(specifier)) {
    const spec = m[1] ?? m[2] ?? m[3] ?? "";
    if (spec.startsWith("bun:") || spec === "bun") problems.push(`${at(m.index)}: Bun-only module "${spec}"`);
    else if (spec.startsWith(".") && !spec.endsWith(".ts"))
      problems.push(`${at(m.index)}: relative import without .ts: "${spec}"`);
    else if (builtinModules.includes(spec)) problems.push(`${at(m.index)}: built-in without node: prefix: "${spec}"`);
  }
  return problems;
}

describe("src/ is portable to Deno", () => {
  test.each([
    ["Bun.file", 'const f = Bun.file("x");', "Bun-only Bun.file"],
    ["bun:sqlite", 'import { Database } from "bun:sqlite";', 'Bun-only module "bun:sqlite"'],
    ["import.meta.dir", "const d = import.meta.dir;", "Bun-only import.meta.dir"],
    ["extensionless import", 'import { x } from "./x";', 'relative import without .ts: "./x"'],
    ["bare built-in", 'import { readFileSync } from "fs";', 'built-in without node: prefix: "fs"'],
  ])("the check catches %s", (_name, text, message) => {
    expect(portabilityProblems("f.ts", text)).toEqual([`f.ts:1: ${message}`]);
  });

  test("a mention in a comment or string is not a use", () => {
    expect(portabilityProblems("f.ts", "// Bun.build\nconst s = `Bun.file`;\n/* import.meta.dir */")).toEqual([]);
  });

  test("no file under src/ uses a Bun-only API or a non-portable import", () => {
    const files = sourceFiles(join(repoRoot, "src"));
    expect(files.length).toBeGreaterThan(20);
    const problems = files.flatMap((f) => portabilityProblems(relative(repoRoot, f), readFileSync(f, "utf8")));
    expect(problems).toEqual([]);
  });
});
