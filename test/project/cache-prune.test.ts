import { useCacheFolder } from "../support/cache-folder.ts";
import { describe, expect, test } from "bun:test";
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pruneCache } from "../../src/project/cache-prune.ts";
import { cacheSlot } from "../../src/project/schema-cache.ts";
import { mysql8 } from "../../src/mysql/flavor.ts";
import { emptySchema } from "../../src/schema/model.ts";

const folder = useCacheFolder("stats-db-cache-prune-test-");
const cache = () => join(folder.dir(), "cache");

/** Writes `n` entries of `size` bytes, entry i last used i minutes after the epoch of the test (e0 is the oldest). */
function entries(n: number, size = 10): void {
  mkdirSync(cache(), { recursive: true });
  const base = Date.now() / 1000 - 3600;
  for (let i = 0; i < n; i++) {
    const path = join(cache(), `e${i}.json`);
    writeFileSync(path, "x".repeat(size));
    utimesSync(path, base + i * 60, base + i * 60);
  }
}

const names = () => readdirSync(cache()).sort();

describe("schema cache pruning", () => {
  test("beyond the entry count the least recently used go; the entry just stored stays however old", () => {
    entries(6);
    pruneCache(cache(), "e0.json", { entries: 4, bytes: 1e9 });
    expect(names()).toEqual(["e0.json", "e3.json", "e4.json", "e5.json"]);
  });

  test("beyond the total size the least recently used go", () => {
    entries(5, 100);
    pruneCache(cache(), "e4.json", { entries: 100, bytes: 250 });
    expect(names()).toEqual(["e3.json", "e4.json"]);
  });

  test("a writer's temp file goes after an hour, a fresh one and other files stay", () => {
    entries(1);
    for (const [name, ageS] of [
      [".old.tmp", 7200],
      [".new.tmp", 10],
      ["notes.txt", 7200],
    ] as const) {
      writeFileSync(join(cache(), name), "");
      const at = Date.now() / 1000 - ageS;
      utimesSync(join(cache(), name), at, at);
    }
    pruneCache(cache(), "e0.json", { entries: 1, bytes: 1e9 });
    expect(names()).toEqual([".new.tmp", "e0.json", "notes.txt"]);
  });

  test("a hit renews its entry, so the entries a loop keeps using survive a store", () => {
    const slot = (i: number) => cacheSlot("test", mysql8, () => i);
    slot(1).store(emptySchema);
    const [entry] = readdirSync(cache());
    const path = join(cache(), entry!);
    utimesSync(path, 1000, 1000);
    expect(slot(1).hit).toEqual(emptySchema);
    expect(statSync(path).mtimeMs).toBeGreaterThan(Date.now() - 60_000);
  });

  test("a store prunes the folder to the default budget", () => {
    entries(70);
    cacheSlot("test", mysql8, () => "new").store(emptySchema);
    const left = names();
    expect(left).toHaveLength(64);
    expect(left).not.toContain("e0.json");
    expect(left).toContain("e69.json");
  });
});
