import { afterEach, beforeEach, describe, expect, test } from "bun:test";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { staticModuleFiles } from "../../src/project/module-graph.ts";

const TOOL_SRC = resolve(import.meta.dir, "..", "..", "src");
const DSL = join(TOOL_SRC, "entities", "index.ts");

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "stats-db-module-graph-test-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

/** Writes files under the temp folder; returns the path of the first. */
function write(files: Record<string, string>): string {
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, ".."), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, Object.keys(files)[0]!);
}

describe("the static module graph of an entities module", () => {
  test("follows relative imports and re-exports transitively, stops at the tool, hashes JSON, and keeps each text", () => {
    const entry = write({
      "index.ts": `import { col, table } from "${DSL}";\nimport {\n  sites,\n} from "./sites.ts";\nexport * from './more/index';\nexport const t = table("t", { id: col.int() });\n`,
      "sites.ts": `import { col, table } from "stats-db";\nimport names from "./names.json" with { type: "json" };\nexport const sites = table(names.sites, { id: col.int() });\n`,
      "names.json": `{ "sites": "sites" }`,
      "more/index.ts": `export { sites as again } from "../sites.js";\n`,
    });
    const files = staticModuleFiles(entry, TOOL_SRC);
    expect(files && [...files.keys()].map((p) => p.slice(dir.length + 1)).sort()).toEqual([
      "index.ts",
      "more/index.ts",
      "names.json",
      "sites.ts",
    ]);
    expect(files!.get(join(dir, "names.json"))).toBe(`{ "sites": "sites" }`);
  });

  test.each([
    ["reads the environment", `export const p = process.env.PREFIX ?? "";`],
    ["reads the clock", `export const y = new Date().getFullYear();`],
    ["draws a random number", `export const r = Math.random();`],
    ["imports at run time", `export const m = await import("./other.ts");`],
    ["requires", `export const m = require("./other.ts");`],
    ["knows its own URL", `export const u = import.meta.url;`],
    ["imports a package", `import { Type } from "@sinclair/typebox";`],
    ["imports a built-in", `import { readFileSync } from "node:fs";`],
    ["imports a file that does not exist", `import { x } from "./missing.ts";`],
    ["reaches into node_modules", `import { x } from "../node_modules/y/index.js";`],
  ])("is unknown when a module %s", (_what, line) => {
    const entry = write({
      "index.ts": `import { x } from "./leaf.ts";\n`,
      "leaf.ts": `${line}\nexport const x = 1;\n`,
    });
    expect(staticModuleFiles(entry, TOOL_SRC)).toBeUndefined();
  });

  test("words that only contain a runtime name are not taken for it", () => {
    const entry = write({ "index.ts": `export const processed = { lastUpdate: "x", DateTime: 1 };\n` });
    expect(staticModuleFiles(entry, TOOL_SRC)?.size).toBe(1);
  });
});
