import { useCacheFolder } from "../support/cache-folder.ts";
import { describe, expect, test } from "bun:test";
import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { cachedReplay } from "../../src/project/replay-cache.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import type { Schema } from "../../src/schema/model.ts";

const SQL =
  "CREATE TABLE `t` (`id` int NOT NULL, `name` varchar(20) NULL DEFAULT 'x', PRIMARY KEY (`id`), KEY `n` (`name`)) ENGINE=InnoDB;";

const folder = useCacheFolder("stats-db-replay-cache-test-");

/** A replay that counts its runs. */
function counted(): { replay: () => Schema; runs: () => number } {
  let n = 0;
  return {
    replay: () => {
      n++;
      return replaySql(SQL, mysql8);
    },
    runs: () => n,
  };
}

function entries(): string[] {
  return readdirSync(join(folder.dir(), "cache")).filter((n) => n.endsWith(".json"));
}

describe("replay cache", () => {
  test("a second replay of the same directory comes from the cache and equals the replay exactly", () => {
    const r = counted();
    const first = cachedReplay("total-a", mysql8, r.replay);
    const second = cachedReplay("total-a", mysql8, r.replay);
    expect(r.runs()).toBe(1);
    expect(second).toEqual(first);
    expect(second).toEqual(replaySql(SQL, mysql8));
    expect(entries()).toHaveLength(1);
  });

  test.each([
    ["another atlas.sum total", "total-b", mysql8],
    ["another flavour", "total-a", mariadb],
  ] as const)("%s is a different key: replayed again", (_what, total, flavor) => {
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    cachedReplay(total, flavor, r.replay);
    expect(r.runs()).toBe(2);
    expect(entries()).toHaveLength(2);
  });

  test("an unreadable entry is ignored and replaced", () => {
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    for (const name of entries()) writeFileSync(join(folder.dir(), "cache", name), "{not json");
    const again = cachedReplay("total-a", mysql8, r.replay);
    expect(r.runs()).toBe(2);
    expect(again).toEqual(replaySql(SQL, mysql8));
    expect(cachedReplay("total-a", mysql8, r.replay)).toEqual(again);
    expect(r.runs()).toBe(2);
  });

  test("an entry whose stored key differs from its file name is not trusted", () => {
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    for (const name of entries())
      writeFileSync(join(folder.dir(), "cache", name), JSON.stringify({ key: "other", schema: { tables: [] } }));
    expect(cachedReplay("total-a", mysql8, r.replay)).toEqual(replaySql(SQL, mysql8));
    expect(r.runs()).toBe(2);
  });

  test("a cache folder others can write to is not used", () => {
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    chmodSync(join(folder.dir(), "cache"), 0o777);
    cachedReplay("total-a", mysql8, r.replay);
    expect(r.runs()).toBe(2);
  });

  test("STATS_DB_CACHE=off always replays and stores nothing", () => {
    process.env.STATS_DB_CACHE = "off";
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    cachedReplay("total-a", mysql8, r.replay);
    expect(r.runs()).toBe(2);
    expect(() => readdirSync(join(folder.dir(), "cache"))).toThrow();
  });

  test("a failing replay stores nothing", () => {
    expect(() =>
      cachedReplay("total-a", mysql8, () => {
        throw new Error("boom");
      }),
    ).toThrow("boom");
    const r = counted();
    cachedReplay("total-a", mysql8, r.replay);
    expect(r.runs()).toBe(1);
  });

  test("a cache folder that cannot be created does not fail the replay", () => {
    writeFileSync(join(folder.dir(), "file"), "");
    process.env.STATS_DB_CACHE_DIR = join(folder.dir(), "file", "cache");
    const r = counted();
    expect(cachedReplay("total-a", mysql8, r.replay)).toEqual(replaySql(SQL, mysql8));
    expect(r.runs()).toBe(1);
  });
});
