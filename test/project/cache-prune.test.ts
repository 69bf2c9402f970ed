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

/** The name of entry `i`, as the cache names entries (a SHA-256 in hex). */
const e = (i: number) => `${i.toString(16).padStart(64, "0")}.json`;

/** Writes `n` entries of `size` bytes, entry i last used i minutes after an hour ago (entry 0 is the oldest). */
function entries(n: number, size = 10): void {
  mkdirSync(cache(), { recursive: true });
  const base = Date.now() / 1000 - 3600;
  for (let i = 0; i < n; i++) {
    const path = join(cache(), e(i));
    writeFileSync(path, "x".repeat(size));
    utimesSync(path, base + i * 60, base + i * 60);
  }
}

const names = () => readdirSync(cache()).sort();

describe("schema cache pruning", () => {
  test("beyond the entry count the least recently used go; the entry just stored stays however old", () => {
    entries(6);
    pruneCache(cache(), e(0), { entries: 4, bytes: 1e9 });
    expect(names()).toEqual([e(0), e(3), e(4), e(5)]);
  });

  test("beyond the total size the least recently used go", () => {
    entries(5, 100);
    pruneCache(cache(), e(4), { entries: 100, bytes: 250 });
    expect(names()).toEqual([e(3), e(4)]);
  });

  test("a writer's temp file goes after an hour; a fresh one, and files the cache did not write, stay", () => {
    entries(1);
    const temp = (c: string) => `.${c.repeat(64)}.${"0".repeat(12)}.tmp`;
    for (const [name, ageS] of [
      [temp("a"), 7200],
      [temp("b"), 10],
      ["notes.json", 7200],
      [".editor.tmp", 7200],
      ["notes.txt", 7200],
    ] as const) {
      writeFileSync(join(cache(), name), "");
      const at = Date.now() / 1000 - ageS;
      utimesSync(join(cache(), name), at, at);
    }
    pruneCache(cache(), e(0), { entries: 1, bytes: 0 });
    expect(names()).toEqual([".editor.tmp", temp("b"), e(0), "notes.json", "notes.txt"].sort());
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
    expect(left).not.toContain(e(0));
    expect(left).toContain(e(69));
  });
});
