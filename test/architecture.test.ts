/**
 * docs/architecture.md's layer rules, enforced on the source: which folder of src/ may import which (type-only imports count),
 * mysql2 only in db/, no Bun-only API anywhere in src/ (it must also run under Deno), relative imports end in `.ts`.
 * `go/` (Go-compatibility helpers: `%q`, time.Duration, UTF-8 runes) is a leaf below every layer: it imports nothing
 * outside itself, not even a built-in, and every layer may import it. Inside `mysql/`, the rooms parse, plan and
 * inspect share only the model and the dialect basics; `import()` takes a string literal; src/ has no import cycle.
 */
import { describe, expect, test } from "bun:test";
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { cyclesOf, dynamicImportsOf, importsOf } from "./support/source-scan.ts";

const SRC = join(import.meta.dir, "..", "src");

type Layer =
  | "go"
  | "schema"
  | "entities"
  | "db"
  | "mysql"
  | "hcl"
  | "migrate"
  | "lint"
  | "config"
  | "project"
  | "cli"
  | "front";

/** docs/architecture.md's table: the layers each folder may import (`mysql` may import `db` for types only); all may import `go`. */
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
  project: ["go", "schema", "entities", "db", "mysql", "migrate", "config"],
  cli: ["go", "schema", "entities", "db", "mysql", "hcl", "migrate", "lint", "config", "project"],
  front: ["go", "schema", "entities", "db", "mysql", "hcl", "migrate", "lint", "config", "project"],
};
const TYPE_ONLY: Partial<Record<Layer, readonly Layer[]>> = { mysql: ["db"] };
const LAYERS = Object.keys(ALLOWED) as Layer[];

type Room = "basics" | "parse" | "plan" | "inspect" | "queries";

/**
 * The rooms of mysql/: each room is a folder with its front file (`parse/` and `parse.ts`; `blockers.ts` fronts
 * `queries/`); every other file of mysql/ is a dialect basic (lexer, cursor, types, typeinfo, flavor, sql, charset,
 * expr, defaults, normalize…). Basics import only basics; parse, plan and inspect never import each other.
 */
const ROOMS: Record<Room, readonly Room[]> = {
  basics: [],
  queries: ["basics"],
  parse: ["basics"],
  plan: ["basics"],
  inspect: ["basics", "queries"],
};
const ROOM_FRONTS: Readonly<Record<string, Room>> = {
  "parse.ts": "parse",
  "plan.ts": "plan",
  "inspect.ts": "inspect",
  "blockers.ts": "queries",
};

/** The room of a file of mysql/ (path below src/), or undefined outside mysql/. */
function roomOf(relPath: string): Room | undefined {
  const [layer, first, second] = relPath.split(sep);
  if (layer !== "mysql" || first === undefined) return undefined;
  if (second !== undefined) return first in ROOMS ? (first as Room) : "basics";
  return ROOM_FRONTS[first] ?? "basics";
}

/** The files of src/ that may `import()` a computed specifier, and why. */
const DYNAMIC_IMPORTS: Readonly<Record<string, string>> = {
  [join("project", "entities-loader.ts")]: "loads the project's entities file, which lives outside src/",
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return e.name.endsWith(".ts") ? [path] : [];
  });
}

const files = sourceFiles(SRC).map((path) => ({ path, rel: relative(SRC, path), text: readFileSync(path, "utf8") }));

/** src/index.ts, the library's front door, is the layer `front`: it re-exports the layers below cli/, and nothing in src/ imports it. */
function layerOf(relPath: string): Layer | undefined {
  if (relPath === "index.ts") return "front";
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
      else if (to !== from && TYPE_ONLY[from]?.includes(to) && !ref.typeOnly)
        out.push(`${at}: ${from}/ may import ${to}/ for types only`);
      else out.push(...roomViolations(file.rel, relative(SRC, resolve(dirname(file.path), ref.spec)), at));
    } else if (from === "go") out.push(`${at}: go/ is a leaf and imports nothing outside itself`);
    else if (ref.spec === "bun" || ref.spec.startsWith("bun:")) out.push(`${at}: Bun-only module`);
    else if ((ref.spec === "mysql2" || ref.spec.startsWith("mysql2/")) && from !== "db")
      out.push(`${at}: only db/ may import mysql2`);
    else if (/^(fs|path|crypto|os|url|util|child_process|process|buffer|stream|events)(\/|$)/.test(ref.spec))
      out.push(`${at}: built-ins as node:x`);
  }
  if (!(file.rel in DYNAMIC_IMPORTS)) {
    for (const line of dynamicImportsOf(file.text))
      out.push(`${file.rel}:${line}: import() of something other than a string literal`);
  }
  file.text.split("\n").forEach((line, k) => {
    if (/\bBun\.|from\s+["']bun["']|["']bun:/.test(line))
      out.push(`${file.rel}:${k + 1}: Bun-only API: ${line.trim()}`);
  });
  return out;
}

/** The mysql/ room rule broken by one import, if any. */
function roomViolations(fromRel: string, toRel: string, at: string): string[] {
  const from = roomOf(fromRel);
  const to = roomOf(toRel);
  if (!from || !to || from === to || ROOMS[from].includes(to)) return [];
  return [`${at}: mysql/ room ${from} may not import room ${to} (only ${["its own", ...ROOMS[from]].join(", ")})`];
}

/** src/'s import graph: each file (path below src/) → the src/ files it imports, type-only imports included. */
function importGraph(): Map<string, string[]> {
  return new Map(
    files.map((f) => [
      f.rel,
      importsOf(f.text)
        .filter((ref) => ref.spec.startsWith("."))
        .map((ref) => relative(SRC, resolve(dirname(f.path), ref.spec))),
    ]),
  );
}

describe("the scanner", () => {
  test.each([
    [`import { a } from "./x.ts";`, [{ spec: "./x.ts", typeOnly: false, line: 1 }]],
    [`import type { A } from "../m/y.ts";`, [{ spec: "../m/y.ts", typeOnly: true, line: 1 }]],
    [`import { type A, type B } from "./z.ts";`, [{ spec: "./z.ts", typeOnly: true, line: 1 }]],
    [`import { type A, b } from "./z.ts";`, [{ spec: "./z.ts", typeOnly: false, line: 1 }]],
    [`\nimport {\n  a,\n  b,\n} from "./multi.ts";`, [{ spec: "./multi.ts", typeOnly: false, line: 2 }]],
    [
      `export { x } from "./re.ts";\nexport type { T } from "./t.ts";`,
      [
        { spec: "./re.ts", typeOnly: false, line: 1 },
        { spec: "./t.ts", typeOnly: true, line: 2 },
      ],
    ],
    [`const m = () => import("./lazy.ts");`, [{ spec: "./lazy.ts", typeOnly: false, line: 1 }]],
    [`/** rename a table from "a" to "b" */`, []],
    [`import { a /* one; two */ } from "../cli/x.ts";`, [{ spec: "../cli/x.ts", typeOnly: false, line: 1 }]],
    [
      `import {\n  a, // the first; then\n  b,\n} from "../cli/y.ts";`,
      [{ spec: "../cli/y.ts", typeOnly: false, line: 1 }],
    ],
    [`// import { a } from "../cli/z.ts";\n/*\nimport { b } from "../cli/w.ts";\n*/`, []],
    [`const s = \`\nimport { table } from "stats-db/entities";\n\`;`, []],
    [`const s = "import('./not.ts')";`, []],
    [
      `const re = /["']/;\nimport { a } from "./after-regex.ts";`,
      [{ spec: "./after-regex.ts", typeOnly: false, line: 2 }],
    ],
    [
      `const t = \`\${a ? \`x\` : "y"}\`;\nimport { a } from "./after-template.ts";`,
      [{ spec: "./after-template.ts", typeOnly: false, line: 2 }],
    ],
    [`const m = () => import ( "./spaced.ts" );`, [{ spec: "./spaced.ts", typeOnly: false, line: 1 }]],
  ] as const)("%s", (text, expected) => {
    expect(importsOf(text)).toEqual([...expected]);
  });

  test("a forbidden import is reported", () => {
    const fake = {
      path: join(SRC, "schema", "fake.ts"),
      rel: join("schema", "fake.ts"),
      text: `import { plan } from "../mysql/plan.ts";\nimport x from "./y";\nconst v = Bun.version;\n`,
    };
    expect(violations(fake)).toEqual([
      `schema/fake.ts:1 imports "../mysql/plan.ts": schema/ may not import mysql/`,
      `schema/fake.ts:2 imports "./y": a relative import must end in .ts`,
      "schema/fake.ts:3: Bun-only API: const v = Bun.version;",
    ]);
  });

  test("go/ importing anything outside itself is reported, and any layer may import go/", () => {
    const leaf = {
      path: join(SRC, "go", "fake.ts"),
      rel: join("go", "fake.ts"),
      text: `import { Buffer } from "node:buffer";\nimport { a } from "../schema/model.ts";\nimport { b } from "./utf8.ts";\n`,
    };
    expect(violations(leaf)).toEqual([
      `go/fake.ts:1 imports "node:buffer": go/ is a leaf and imports nothing outside itself`,
      `go/fake.ts:2 imports "../schema/model.ts": go/ may not import schema/`,
    ]);
    const user = {
      path: join(SRC, "schema", "fake.ts"),
      rel: join("schema", "fake.ts"),
      text: `import { goQuote } from "../go/quote.ts";\n`,
    };
    expect(violations(user)).toEqual([]);
  });

  test.each([
    ["const m = await import(`../cli/${name}.ts`);", [1]],
    ["const m = await import(`../cli/x.ts`);", [1]],
    ["const spec = '../cli/x.ts';\nconst m = await import(spec);", [2]],
    ["const m = await import(\n  '../cli/' + name\n);", [1]],
    ["const m = await import(\"./x.ts\");\n// import(spec)\nconst s = 'import(spec)';", []],
  ] as const)("a non-literal import() is found: %s", (text, lines) => {
    expect(dynamicImportsOf(text)).toEqual([...lines]);
  });

  test("a non-literal import() in src/ is reported outside the allowed loader", () => {
    const fake = {
      path: join(SRC, "migrate", "fake.ts"),
      rel: join("migrate", "fake.ts"),
      text: "const m = await import(`../cli/${name}.ts`);\n",
    };
    expect(violations(fake)).toEqual(["migrate/fake.ts:1: import() of something other than a string literal"]);
  });

  test("the mysql/ rooms: parse, plan and inspect share only the basics", () => {
    const at = (rel: string, text: string) => violations({ path: join(SRC, rel), rel, text });
    expect(at(join("mysql", "inspect", "fake.ts"), `import { readTable } from "../parse/fake.ts";\n`)).toEqual([
      `mysql/inspect/fake.ts:1 imports "../parse/fake.ts": mysql/ room inspect may not import room parse (only its own, basics, queries)`,
    ]);
    expect(at(join("mysql", "types.ts"), `import type { Cursor } from "./parse/cursor.ts";\n`)).toEqual([
      `mysql/types.ts:1 imports "./parse/cursor.ts": mysql/ room basics may not import room parse (only its own)`,
    ]);
    expect(
      at(
        join("mysql", "plan.ts"),
        `import { canonicalType } from "./types.ts";\nimport { x } from "./plan/fake.ts";\n`,
      ),
    ).toEqual([]);
    expect(at(join("mysql", "queries", "fake.ts"), `import { plan } from "../plan.ts";\n`)).toEqual([
      `mysql/queries/fake.ts:1 imports "../plan.ts": mysql/ room queries may not import room plan (only its own, basics)`,
    ]);
  });

  test("cycles are found, type imports included", () => {
    const graph = new Map([
      ["a", ["b"]],
      ["b", ["c"]],
      ["c", ["a"]],
      ["d", ["d"]],
      ["e", ["a"]],
    ]);
    expect(cyclesOf(graph)).toEqual([["a", "b", "c"], ["d"]]);
    expect(importsOf(`import type { A } from "./a.ts";`)).toEqual([{ spec: "./a.ts", typeOnly: true, line: 1 }]);
  });

  test("mysql/ importing db/ for more than types is reported", () => {
    const fake = {
      path: join(SRC, "mysql", "fake.ts"),
      rel: join("mysql", "fake.ts"),
      text: `import { connect } from "../db/connect.ts";\nimport type { Queryable } from "../db/types.ts";\n`,
    };
    expect(violations(fake)).toEqual([
      `mysql/fake.ts:1 imports "../db/connect.ts": mysql/ may import db/ for types only`,
    ]);
  });
});

describe("src/ follows docs/architecture.md's layers", () => {
  test("there are source files in every core layer", () => {
    for (const layer of ["schema", "mysql", "migrate", "cli", "config", "db"] as const) {
      expect(files.some((f) => layerOf(f.rel) === layer)).toBe(true);
    }
  });

  test("no file breaks an import rule or uses a Bun-only API", () => {
    expect(files.flatMap(violations)).toEqual([]);
  });

  test("the import graph of src/ has no cycle (type imports count)", () => {
    const graph = importGraph();
    expect(graph.size).toBe(files.length);
    expect(cyclesOf(graph).map((c) => c.join(" ⇄ "))).toEqual([]);
  });

  test("every file allowed a computed import() still has one", () => {
    for (const rel of Object.keys(DYNAMIC_IMPORTS))
      expect(dynamicImportsOf(files.find((f) => f.rel === rel)?.text ?? "")).not.toEqual([]);
  });
});

/** The src/ files a file loads at once: its static value imports, followed (type-only and `import()` left out). */
function loadedAtOnce(entry: string): Set<string> {
  const byRel = new Map(files.map((f) => [f.rel, f]));
  const seen = new Set<string>([entry]);
  for (const rel of seen) {
    const file = byRel.get(rel);
    if (!file) continue;
    const lines = file.text.split("\n");
    for (const ref of importsOf(file.text)) {
      if (!ref.spec.startsWith(".") || ref.typeOnly || /\bimport\s*\(/.test(lines[ref.line - 1] ?? "")) continue;
      seen.add(relative(SRC, resolve(dirname(file.path), ref.spec)));
    }
  }
  return seen;
}

describe("read-only commands load only what they read with", () => {
  // Parser, planner, inspection, replay, in-doubt deciding, the apply lock: `migrate status` needs none of them.
  const heavy = [
    "mysql/parse.ts",
    "mysql/plan.ts",
    "mysql/inspect.ts",
    "schema/diff.ts",
    "migrate/replay.ts",
    "migrate/apply/in-doubt.ts",
    "migrate/apply/executor.ts",
    "cli/migrate-command.ts",
    "project/sources.ts",
  ].map((p) => p.split("/").join(sep));

  test("migrate status loads none of the apply and replay code", () => {
    const loaded = loadedAtOnce(join("cli", "commands", "migrate-status.ts"));
    expect(heavy.filter((h) => loaded.has(h))).toEqual([]);
  });

  test("the walk sees them where they are loaded (migrate apply)", () => {
    const loaded = loadedAtOnce(join("cli", "commands", "migrate-apply.ts"));
    expect(heavy.filter((h) => loaded.has(h))).toEqual(heavy);
  });
});
