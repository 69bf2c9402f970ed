import { useCacheFolder } from "../support/cache-folder.ts";
import { describe, expect, test } from "bun:test";
import { readdirSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { cachedEntities } from "../../src/project/entities-cache.ts";
import { loadEntities } from "../../src/project/entities-loader.ts";
import type { Schema } from "../../src/schema/model.ts";

const DSL = resolve(import.meta.dir, "..", "..", "src", "entities", "index.ts");

const folder = useCacheFolder("stats-db-entities-cache-test-");

/** An entities module in two files: index.ts and the column list it imports from columns.ts. */
function writeModule(columns: string, extra = ""): string {
  writeFileSync(
    join(folder.dir(), "columns.ts"),
    `import { col } from "${DSL}";\nexport const columns = { ${columns} };\n`,
  );
  writeFileSync(
    join(folder.dir(), "index.ts"),
    `import { table } from "${DSL}";\nimport { columns } from "./columns.ts";\n${extra}\nexport const t = table("t", columns, { primaryKey: ["id"] });\n`,
  );
  return join(folder.dir(), "index.ts");
}

/** An evaluation that counts its runs (the schema itself comes from the real loader, uncached). */
function counted(entry: string, flavor = mysql8) {
  let n = 0;
  return {
    evaluate: async (): Promise<Schema> => {
      n++;
      const off = process.env.STATS_DB_CACHE;
      process.env.STATS_DB_CACHE = "off";
      try {
        return await loadEntities(entry, flavor);
      } finally {
        if (off === undefined) delete process.env.STATS_DB_CACHE;
        else process.env.STATS_DB_CACHE = off;
      }
    },
    runs: () => n,
  };
}

const entries = () => readdirSync(join(folder.dir(), "cache")).filter((n) => n.endsWith(".json"));

describe("entities cache", () => {
  test("an unchanged module comes from the cache, equal to its evaluation", async () => {
    const entry = writeModule(`id: col.int()`);
    const e = counted(entry);
    const first = await cachedEntities(entry, mysql8, e.evaluate);
    const second = await cachedEntities(entry, mysql8, e.evaluate);
    expect(e.runs()).toBe(1);
    expect(second).toEqual(first);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    expect(entries()).toHaveLength(1);
  });

  test("a change to a file the entry imports is a new key; so is another flavour", async () => {
    const entry = writeModule(`id: col.int()`);
    const e = counted(entry);
    await cachedEntities(entry, mysql8, e.evaluate);
    writeModule(`id: col.int(), name: col.varchar(20)`);
    await cachedEntities(entry, mysql8, e.evaluate);
    await cachedEntities(entry, mariadb, e.evaluate);
    // Both missed the first entry (the later two are not stored: this process imported the files already).
    expect(e.runs()).toBe(3);
  });

  test("a module that reads the environment is evaluated every time and stores nothing", async () => {
    const entry = writeModule(`id: col.int()`, `export const prefix = process.env.PREFIX;`);
    const e = counted(entry);
    await cachedEntities(entry, mysql8, e.evaluate);
    await cachedEntities(entry, mysql8, e.evaluate);
    expect(e.runs()).toBe(2);
    expect(() => readdirSync(join(folder.dir(), "cache"))).toThrow();
  });

  test("a failing evaluation stores nothing", async () => {
    const entry = writeModule(`id: col.int()`);
    await expect(cachedEntities(entry, mysql8, async () => Promise.reject(new Error("boom")))).rejects.toThrow("boom");
    const e = counted(entry);
    await cachedEntities(entry, mysql8, e.evaluate);
    expect(e.runs()).toBe(1);
  });

  test("STATS_DB_CACHE=off evaluates every time", async () => {
    process.env.STATS_DB_CACHE = "off";
    const entry = writeModule(`id: col.int()`);
    const e = counted(entry);
    await cachedEntities(entry, mysql8, e.evaluate);
    await cachedEntities(entry, mysql8, e.evaluate);
    expect(e.runs()).toBe(2);
  });

  test("loadEntities stores the module's schema and serves it again", async () => {
    const entry = writeModule(`id: col.int(), name: col.varchar(20, { nullable: true })`);
    const first = await loadEntities(entry, mysql8);
    expect(entries()).toHaveLength(1);
    const second = await loadEntities(entry, mysql8);
    expect(second).toEqual(first);
    expect(second.tables.map((t) => t.columns.map((c) => c.name))).toEqual([["id", "name"]]);
  });
});

describe("entities cache in a long-lived process", () => {
  test("a module evaluated before in this process is not stored under a changed text's key", async () => {
    const entry = writeModule(`id: col.int()`);
    await loadEntities(entry, mysql8);
    expect(entries()).toHaveLength(1);
    // The runtime keeps the first import of index.ts and columns.ts; their new text must not be cached as that value.
    writeModule(`id: col.int(), added: col.int()`);
    await loadEntities(entry, mysql8);
    expect(entries()).toHaveLength(1);
  });
});
