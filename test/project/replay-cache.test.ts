import { useCacheFolder } from "../support/cache-folder.ts";
import { describe, expect, test } from "bun:test";
import { chmodSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { chainLinks, type ReplayInput, resumeReplay, storeReplay } from "../../src/project/replay-cache.ts";
import { replayFiles } from "../../src/migrate/replay.ts";
import { type Flavor, mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import type { Schema } from "../../src/schema/model.ts";

/** A migration history touching most of what a replay tracks: each later file's start is the earlier files' schema. */
const HISTORY = [
  "CREATE TABLE `sites` (`id` int unsigned NOT NULL AUTO_INCREMENT, `host` varchar(191) NOT NULL, PRIMARY KEY (`id`), UNIQUE KEY `host` (`host`)) ENGINE=InnoDB;",
  "CREATE TABLE `hits` (`id` bigint NOT NULL AUTO_INCREMENT, `site_id` int unsigned NOT NULL, `path` varchar(255) NULL DEFAULT '/', `at` timestamp(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3) ON UPDATE CURRENT_TIMESTAMP(3), PRIMARY KEY (`id`), CONSTRAINT `hits_site` FOREIGN KEY (`site_id`) REFERENCES `sites` (`id`) ON DELETE CASCADE) ENGINE=InnoDB;",
  "ALTER TABLE `hits` ADD COLUMN `referrer` varchar(255) NULL AFTER `path`, ADD INDEX `hits_at` (`at` DESC);",
  "INSERT INTO `sites` (`host`) VALUES ('example.org');\nALTER TABLE `sites` ADD COLUMN `name` varchar(64) NOT NULL DEFAULT '' COMMENT 'shown name';",
  "CREATE VIEW `busy` AS SELECT `site_id`, COUNT(*) AS `n` FROM `hits` GROUP BY `site_id`;",
  "ALTER TABLE `hits` RENAME COLUMN `referrer` TO `referer`, MODIFY `path` varchar(512) NULL, ADD CONSTRAINT `path_set` CHECK (`path` <> '');",
  "CREATE TABLE `tmp` (`id` int NOT NULL, PRIMARY KEY (`id`));\nDROP TABLE `tmp`;\nALTER TABLE `sites` CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_bin;",
  "RENAME TABLE `hits` TO `page_hits`;\nALTER TABLE `page_hits` DROP INDEX `hits_at`, ADD FULLTEXT INDEX `path_text` (`path`);",
];

const utf8 = new TextEncoder();
const file = (i: number, text: string) => {
  const name = `2024010100000${i}_f${i}.sql`;
  return { name, text, bytes: utf8.encode(text) };
};
const history = (texts: readonly string[] = HISTORY) => texts.map((t, i) => file(i, t));

const folder = useCacheFolder("stats-db-replay-cache-test-");

/** A replay through the cache that counts the files it replays. */
function replayCounting(
  files: ReturnType<typeof history>,
  flavor: Flavor = mysql8,
): { schema: Schema; replayed: number } {
  const resume = resumeReplay(files, flavor);
  if (resume.hit) return { schema: resume.hit, replayed: 0 };
  return { schema: resume.store(replayFiles(resume.rest, flavor, resume.start)), replayed: resume.rest.length };
}

function entries(): string[] {
  return readdirSync(join(folder.dir(), "cache")).filter((n) => n.endsWith(".json"));
}

describe("replay cache", () => {
  test("a second replay of the same directory comes from the cache and equals the replay exactly", () => {
    const files = history();
    const first = replayCounting(files);
    const second = replayCounting(files);
    expect([first.replayed, second.replayed]).toEqual([HISTORY.length, 0]);
    expect(second.schema).toEqual(first.schema);
    expect(second.schema).toEqual(replayFiles(files, mysql8));
    expect(entries()).toHaveLength(1);
  });

  test("a directory grown by files replays only the new ones, from the stored schema of the old directory", () => {
    const files = history();
    replayCounting(files.slice(0, 5));
    const grown = replayCounting(files);
    expect(grown.replayed).toBe(HISTORY.length - 5);
    expect(grown.schema).toEqual(replayFiles(files, mysql8));
    expect(replayCounting(files).replayed).toBe(0);
  });

  test.each([0, 1, 2, 3, 4, 5, 6])(
    "resuming after file %i, from the stored (JSON) schema, gives exactly the whole replay",
    (k) => {
      const files = history();
      replayCounting(files.slice(0, k + 1));
      const resumed = replayCounting(files);
      expect(resumed.replayed).toBe(files.length - k - 1);
      expect(resumed.schema).toEqual(replayFiles(files, mysql8));
    },
  );

  test("an edited file is replayed again with every file after it: only a stored prefix before it is used", () => {
    const files = history();
    replayCounting(files.slice(0, 2));
    replayCounting(files);
    const edited = history(
      HISTORY.map((t, i) => (i === 2 ? t.replace("`referrer` varchar(255)", "`referrer` text") : t)),
    );
    const after = replayCounting(edited);
    expect(after.replayed).toBe(HISTORY.length - 2);
    expect(after.schema).toEqual(replayFiles(edited, mysql8));
    expect(after.schema).not.toEqual(replayFiles(files, mysql8));
  });

  test("the bytes of an `atlas:sum ignore` file are part of the key, though atlas.sum leaves them out", () => {
    const ignored = (table: string) =>
      history([
        "CREATE TABLE `a` (`id` int NOT NULL, PRIMARY KEY (`id`));",
        `-- atlas:sum ignore\nCREATE TABLE \`${table}\` (\`id\` int NOT NULL, PRIMARY KEY (\`id\`));`,
      ]);
    replayCounting(ignored("b"));
    const changed = replayCounting(ignored("c"));
    expect(changed.replayed).toBe(2);
    expect(changed.schema.tables.map((t) => t.name)).toEqual(["a", "c"]);
  });

  test("each link of the chain pins names and bytes apart: moving bytes between a name and its file changes it", () => {
    const a: ReplayInput[] = [{ name: "1_a.sql", bytes: utf8.encode("xy") }];
    const b: ReplayInput[] = [{ name: "1_a.sqlx", bytes: utf8.encode("y") }];
    expect(chainLinks(a)).not.toEqual(chainLinks(b));
    const two = chainLinks([...a, { name: "2_b.sql", bytes: utf8.encode("z") }]);
    expect(two[0]).toBe(chainLinks(a)[0]!);
    expect(two[1]).not.toBe(two[0]);
  });

  test("a schema stored for files (as diff stores the directory it wrote) is what the next replay of them reads", () => {
    const files = history();
    const computed = replayFiles(files, mysql8);
    storeReplay(files, mysql8, computed);
    const next = replayCounting(files);
    expect(next.replayed).toBe(0);
    expect(next.schema).toEqual(computed);
    // A longer directory resumes from it.
    expect(replayCounting(history([...HISTORY, "DROP VIEW `busy`;"])).replayed).toBe(1);
  });

  test("another flavour is a different key: replayed again", () => {
    const files = history();
    replayCounting(files, mysql8);
    expect(replayCounting(files, mariadb).replayed).toBe(HISTORY.length);
    expect(entries()).toHaveLength(2);
  });

  test("an unreadable entry is ignored and replaced", () => {
    const files = history();
    replayCounting(files);
    for (const name of entries()) writeFileSync(join(folder.dir(), "cache", name), "{not json");
    const again = replayCounting(files);
    expect(again.replayed).toBe(HISTORY.length);
    expect(again.schema).toEqual(replayFiles(files, mysql8));
    expect(replayCounting(files).replayed).toBe(0);
  });

  test("an entry whose stored key differs from its file name is not trusted", () => {
    const files = history();
    replayCounting(files);
    for (const name of entries())
      writeFileSync(join(folder.dir(), "cache", name), JSON.stringify({ key: "other", schema: { tables: [] } }));
    const again = replayCounting(files);
    expect(again.replayed).toBe(HISTORY.length);
    expect(again.schema).toEqual(replayFiles(files, mysql8));
  });

  test("a cache folder others can write to is not used", () => {
    const files = history();
    replayCounting(files);
    chmodSync(join(folder.dir(), "cache"), 0o777);
    expect(replayCounting(files).replayed).toBe(HISTORY.length);
  });

  test("STATS_DB_CACHE=off always replays everything and stores nothing", () => {
    process.env.STATS_DB_CACHE = "off";
    const files = history();
    expect(replayCounting(files).replayed).toBe(HISTORY.length);
    expect(replayCounting(files).replayed).toBe(HISTORY.length);
    expect(() => readdirSync(join(folder.dir(), "cache"))).toThrow();
  });

  test("a failing replay stores nothing", () => {
    const broken = history([...HISTORY, "ALTER TABLE `missing` ADD COLUMN `x` int;"]);
    expect(() => replayCounting(broken)).toThrow();
    expect(() => readdirSync(join(folder.dir(), "cache"))).toThrow();
  });

  test("a cache folder that cannot be created does not fail the replay", () => {
    writeFileSync(join(folder.dir(), "file"), "");
    process.env.STATS_DB_CACHE_DIR = join(folder.dir(), "file", "cache");
    const files = history();
    expect(replayCounting(files).schema).toEqual(replayFiles(files, mysql8));
    expect(replayCounting(files).replayed).toBe(HISTORY.length);
  });
});
