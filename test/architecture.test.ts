/**
 * design.md's layer rules, enforced on the source: which folder of src/ may import which (type-only imports count),
 * mysql2 only in db/, no Bun-only API anywhere in src/ (it must also run under Deno), relative imports end in `.ts`.
 * `go/` (Go-compatibility helpers: `%q`, time.Duration, UTF-8 runes) is a leaf below every layer: it imports nothing
 * outside itself, not even a built-in, and every layer may import it.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";

const SRC = join(import.meta.dir, "..", "src");

type Layer = "go" | "schema" | "entities" | "db" | "mysql" | "hcl" | "migrate" | "lint" | "config" | "cli";

/** design.md's table: the layers each folder may import (`mysql` may import `db` for types only); all may import `go`. */
const ALLOWED: Record<Layer, readonly Layer[]> = {
  go: [],
  schema: ["go"],
  entities: ["go", "schema"],
  db: ["go"],
  mysql: ["go", "schema", "db"],
  hcl: ["go", "schema", "mysql"],
  migrate: ["go", "schema", "mysql", "db"],
  lint: ["go", "schema", "mysql", "migrate"],
  config: ["go", "hcl", "db"],
  cli: ["go", "schema", "entities", "db", "mysql", "hcl", "migrate", "lint", "config"],
};
const TYPE_ONLY: Partial<Record<Layer, readonly Layer[]>> = { mysql: ["db"] };
const LAYERS = Object.keys(ALLOWED) as Layer[];

/** One import or re-export found in a source file. */
interface ImportRef {
  readonly spec: string;
  readonly typeOnly: boolean;
  readonly line: number;
}

/** The imports of a TypeScript source: `import … from`, `export … from`, bare `import "x"` and `import("x")`. */
function importsOf(text: string): ImportRef[] {
  const out: ImportRef[] = [];
  const lineOf = (index: number) => text.slice(0, index).split("\n").length;
  for (const m of text.matchAll(/^(import|export)\s+(type\s+)?([^;]*?)\s*from\s*["']([^"']+)["']/gm)) {
    const braces = /^\{([^}]*)\}$/.exec(m[3]!.trim());
    const allTyped = braces !== null && braces[1]!.split(",").map((s) => s.trim()).filter(Boolean).every((s) => s.startsWith("type "));
    out.push({ spec: m[4]!, typeOnly: m[2] !== undefined || allTyped, line: lineOf(m.index) });
  }
  for (const m of text.matchAll(/^import\s*["']([^"']+)["']/gm)) out.push({ spec: m[1]!, typeOnly: false, line: lineOf(m.index) });
  for (const m of text.matchAll(/\bimport\(\s*["']([^"']+)["']\s*\)/g)) out.push({ spec: m[1]!, typeOnly: false, line: lineOf(m.index) });
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path, rel: relative(SRC, path), text: readFileSync(path, "utf8") }));

function layerOf(relPath: string): Layer | undefined {
  const first = relPath.split(sep)[0] as Layer;
  return LAYERS.includes(first) ? first : undefined;
}

/** Every rule broken by one file, one line each. */
function violations(file: { path: string; rel: string; text: string }): string[] {
  const from = layerOf(file.rel);
  if (!from) return [`${file.rel}: not inside a layer folder (${LAYERS.join(", ")})`];
  const out: string[] = [];
  for (const ref of importsOf(file.text)) {
    const at = `${file.rel}:${ref.line} imports "${ref.spec}"`;
    if (ref.spec.startsWith(".")) {
      if (!ref.spec.endsWith(".ts")) out.push(`${at}: a relative import must end in .ts`);
      const to = layerOf(relative(SRC, resolve(dirname(file.path), ref.spec)));
      if (!to) out.push(`${at}: outside src/ layers`);
      else if (to !== from && !ALLOWED[from].includes(to)) out.push(`${at}: ${from}/ may not import ${to}/`);
      else if (to !== from && TYPE_ONLY[from]?.includes(to) && !ref.typeOnly) out.push(`${at}: ${from}/ may import ${to}/ for types only`);
    } else if (from === "go") out.push(`${at}: go/ is a leaf and imports nothing outside itself`);
    else if (ref.spec === "bun" || ref.spec.startsWith("bun:")) out.push(`${at}: Bun-only module`);
    else if ((ref.spec === "mysql2" || ref.spec.startsWith("mysql2/")) && from !== "db") out.push(`${at}: only db/ may import mysql2`);
    else if (/^(fs|path|crypto|os|url|util|child_process|process|buffer|stream|events)(\/|$)/.test(ref.spec)) out.push(`${at}: built-ins as node:x`);
  }
  file.text.split("\n").forEach((line, k) => {
    if (/\bBun\.|from\s+["']bun["']|["']bun:/.test(line)) out.push(`${file.rel}:${k + 1}: Bun-only API: ${line.trim()}`);
  });
  return out;
}

describe("the scanner", () => {
  test.each([
    [`import { a } from "./x.ts";`, [{ spec: "./x.ts", typeOnly: false, line: 1 }]],
    [`import type { A } from "../m/y.ts";`, [{ spec: "../m/y.ts", typeOnly: true, line: 1 }]],
    [`import { type A, type B } from "./z.ts";`, [{ spec: "./z.ts", typeOnly: true, line: 1 }]],
    [`import { type A, b } from "./z.ts";`, [{ spec: "./z.ts", typeOnly: false, line: 1 }]],
    [`\nimport {\n  a,\n  b,\n} from "./multi.ts";`, [{ spec: "./multi.ts", typeOnly: false, line: 2 }]],
    [`export { x } from "./re.ts";\nexport type { T } from "./t.ts";`, [{ spec: "./re.ts", typeOnly: false, line: 1 }, { spec: "./t.ts", typeOnly: true, line: 2 }]],
    [`const m = () => import("./lazy.ts");`, [{ spec: "./lazy.ts", typeOnly: false, line: 1 }]],
    [`/** rename a table from "a" to "b" */`, []],
  ] as const)("%s", (text, expected) => {
    expect(importsOf(text)).toEqual([...expected]);
  });

  test("a forbidden import is reported", () => {
    const fake = { path: join(SRC, "schema", "fake.ts"), rel: join("schema", "fake.ts"), text: `import { plan } from "../mysql/plan.ts";\nimport x from "./y";\nconst v = Bun.version;\n` };
    expect(violations(fake)).toEqual([
      `schema/fake.ts:1 imports "../mysql/plan.ts": schema/ may not import mysql/`,
      `schema/fake.ts:2 imports "./y": a relative import must end in .ts`,
      "schema/fake.ts:3: Bun-only API: const v = Bun.version;",
    ]);
  });

  test("go/ importing anything outside itself is reported, and any layer may import go/", () => {
    const leaf = { path: join(SRC, "go", "fake.ts"), rel: join("go", "fake.ts"), text: `import { Buffer } from "node:buffer";\nimport { a } from "../schema/model.ts";\nimport { b } from "./utf8.ts";\n` };
    expect(violations(leaf)).toEqual([
      `go/fake.ts:1 imports "node:buffer": go/ is a leaf and imports nothing outside itself`,
      `go/fake.ts:2 imports "../schema/model.ts": go/ may not import schema/`,
    ]);
    const user = { path: join(SRC, "schema", "fake.ts"), rel: join("schema", "fake.ts"), text: `import { goQuote } from "../go/quote.ts";\n` };
    expect(violations(user)).toEqual([]);
  });

  test("mysql/ importing db/ for more than types is reported", () => {
    const fake = { path: join(SRC, "mysql", "fake.ts"), rel: join("mysql", "fake.ts"), text: `import { connect } from "../db/connect.ts";\nimport type { Queryable } from "../db/types.ts";\n` };
    expect(violations(fake)).toEqual([`mysql/fake.ts:1 imports "../db/connect.ts": mysql/ may import db/ for types only`]);
  });
});

describe("src/ follows design.md's layers", () => {
  test("there are source files in every core layer", () => {
    for (const layer of ["schema", "mysql", "migrate", "cli", "config", "db"] as const) {
      expect(files.some((f) => layerOf(f.rel) === layer)).toBe(true);
    }
  });

  test("no file breaks an import rule or uses a Bun-only API", () => {
    expect(files.flatMap(violations)).toEqual([]);
  });
});
