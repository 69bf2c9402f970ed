/**
 * Table and index options and column forms, offline: parse (CREATE and ALTER), canonical forms, plan text on both
 * flavours, diff (resets, AUTO_INCREMENT only raised), a live desired state's counters, the entity DSL and its
 * TypeBox export. The same forms run on the real server in table-options-live.test.ts.
 */
import { describe, expect, test } from "bun:test";
import { col, entitiesToSchema, table, validateEntities } from "../../src/entities/index.ts";
import { schemaToEntitiesSource } from "../../src/entities/typebox-source.ts";
import { mariadb, mysql8 } from "../../src/mysql/flavor.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";
import { parse } from "../../src/mysql/parse.ts";
import { PlanError, plan } from "../../src/mysql/plan.ts";
import { storageOptionsFromCreateOptions } from "../../src/mysql/storage-options.ts";
import { driftLines } from "../../src/migrate/down/drift.ts";
import { withoutCounters } from "../../src/schema/counters.ts";
import { diff } from "../../src/schema/diff.ts";
import { findTable, type Schema } from "../../src/schema/model.ts";
import { added, altered, replay } from "./parse-helpers.ts";

const create = (sql: string, flavor = mariadb) => added(parse(sql, { flavor, schema: { tables: [] } }));
const sqlOf = (from: Schema, to: Schema, flavor = mariadb) =>
  plan(diff(from, to), flavor, { current: from }).map((s) => s.sql);

describe("storage options", () => {
  test("CREATE: each option with and without =, values canonical, defaults left out", () => {
    const t = create(
      "CREATE TABLE t (a int) row_format=compressed KEY_BLOCK_SIZE 8 STATS_PERSISTENT=0 STATS_AUTO_RECALC=DEFAULT STATS_SAMPLE_PAGES=25",
    );
    expect(t.options).toEqual({
      engine: "InnoDB",
      charset: "utf8mb4",
      collate: "utf8mb4_general_ci",
      rowFormat: "COMPRESSED",
      keyBlockSize: 8,
      statsPersistent: 0,
      statsSamplePages: 25,
    });
    expect(create("CREATE TABLE t (a int) ROW_FORMAT=DEFAULT KEY_BLOCK_SIZE=0 PAGE_COMPRESSED=0").options).toEqual({
      engine: "InnoDB",
      charset: "utf8mb4",
      collate: "utf8mb4_general_ci",
    });
  });

  test("CREATE: MariaDB page compression as SHOW CREATE TABLE writes it (quoted name and value)", () => {
    const t = create("CREATE TABLE t (a int) ENGINE=InnoDB `PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='6'");
    expect(t.options).toMatchObject({ pageCompressed: true, pageCompressionLevel: 6 });
  });

  test("ALTER: a value sets, DEFAULT resets (only what the table has)", () => {
    const s = replay(["CREATE TABLE t (a int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"]);
    const changes = altered(
      parse("ALTER TABLE t ROW_FORMAT=DEFAULT, KEY_BLOCK_SIZE=0, STATS_PERSISTENT=DEFAULT", {
        flavor: mariadb,
        schema: s,
      }),
    );
    // One ModifyOptions per comma-separated clause; STATS_PERSISTENT was not set, so it resets nothing.
    expect((changes as { kind: string; reset?: string[] }[]).map((c) => [c.kind, c.reset])).toEqual([
      ["ModifyOptions", ["rowFormat"]],
      ["ModifyOptions", ["keyBlockSize"]],
    ]);
    const after = replay([
      "CREATE TABLE t (a int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8",
      "ALTER TABLE t ROW_FORMAT=DEFAULT KEY_BLOCK_SIZE=0",
    ]);
    expect(findTable(after, "t")!.options.rowFormat).toBeUndefined();
    expect(findTable(after, "t")!.options.keyBlockSize).toBeUndefined();
  });

  test("drift names the options a live table has beyond the directory's", () => {
    const live = replay(["CREATE TABLE t (a int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8"]);
    const dir = replay(["CREATE TABLE t (a int)"]);
    expect(driftLines(live, dir, mariadb)).toEqual([
      'table "t" has rowFormat=COMPRESSED keyBlockSize=8; the directory has rowFormat=DEFAULT keyBlockSize=DEFAULT',
    ]);
  });

  test("a bad row format is a parse error naming it", () => {
    expect(() => create("CREATE TABLE t (a int) ROW_FORMAT=SQUASHED")).toThrow('expected row format, found "SQUASHED"');
  });

  test("plan: CREATE writes them before ENGINE; ALTER sets and resets in one clause; MySQL refuses page compression", () => {
    const to = replay(["CREATE TABLE t (a int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=0"]);
    expect(sqlOf({ tables: [] }, to)).toEqual([
      "CREATE TABLE `t` (`a` int NULL) CHARSET utf8mb4 COLLATE utf8mb4_general_ci STATS_PERSISTENT=0 ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8",
    ]);
    const from = replay(["CREATE TABLE t (a int) ROW_FORMAT=COMPRESSED KEY_BLOCK_SIZE=8 STATS_PERSISTENT=0"]);
    const dynamic = replay(["CREATE TABLE t (a int) ROW_FORMAT=DYNAMIC"]);
    expect(sqlOf(from, dynamic)).toEqual([
      "ALTER TABLE `t` ROW_FORMAT=DYNAMIC STATS_PERSISTENT=DEFAULT KEY_BLOCK_SIZE=0",
    ]);
    const paged = replay(["CREATE TABLE t (a int) PAGE_COMPRESSED=1"]);
    expect(() => sqlOf({ tables: [] }, paged, mysql8)).toThrow(PlanError);
  });

  test("inspect: CREATE_OPTIONS as MySQL 8 and MariaDB show them; other options ignored", () => {
    expect(
      storageOptionsFromCreateOptions("row_format=COMPRESSED KEY_BLOCK_SIZE=8 stats_persistent=0 partitioned"),
    ).toEqual({ rowFormat: "COMPRESSED", keyBlockSize: 8, statsPersistent: 0 });
    expect(storageOptionsFromCreateOptions("`PAGE_COMPRESSED`='1' `PAGE_COMPRESSION_LEVEL`='6' max_rows=10")).toEqual({
      pageCompressed: true,
      pageCompressionLevel: 6,
    });
    expect(storageOptionsFromCreateOptions("")).toEqual({});
  });
});

describe("indexes, keys and columns", () => {
  test("IGNORED and INVISIBLE mean the same; VISIBLE / NOT IGNORED undo it; the primary key keeps its COMMENT", () => {
    const t = create(
      "CREATE TABLE t (id int, a int, b int, c int, PRIMARY KEY (id) COMMENT 'pk', KEY ia (a) IGNORED, KEY ib (b) COMMENT 'x' INVISIBLE, KEY ic (c) NOT IGNORED)",
    );
    expect(t.primaryKey).toEqual({ parts: [{ column: "id" }], comment: "pk" });
    expect(t.indexes.map((i) => [i.name, i.invisible ?? false, i.comment ?? ""])).toEqual([
      ["ia", true, ""],
      ["ib", true, "x"],
      ["ic", false, ""],
    ]);
  });

  test("plan: IGNORED on MariaDB, INVISIBLE on MySQL; ADD PRIMARY KEY keeps its comment", () => {
    const from = replay(["CREATE TABLE t (id int NOT NULL, a int)"]);
    const to = replay(["CREATE TABLE t (id int NOT NULL, a int, PRIMARY KEY (id) COMMENT 'pk', KEY ia (a) IGNORED)"]);
    expect(sqlOf(from, to)).toEqual([
      "ALTER TABLE `t` ADD PRIMARY KEY (`id`) COMMENT 'pk', ADD INDEX `ia` (`a`) IGNORED",
    ]);
    expect(sqlOf(from, to, mysql8)).toEqual([
      "ALTER TABLE `t` ADD PRIMARY KEY (`id`) COMMENT 'pk', ADD INDEX `ia` (`a`) INVISIBLE",
    ]);
  });

  test("ALTER INDEX … IGNORED / VISIBLE and ALTER COLUMN … SET INVISIBLE / VISIBLE", () => {
    const base = "CREATE TABLE t (a int, b int, KEY ia (a))";
    const after = (...alters: string[]) => findTable(replay([base, ...alters]), "t")!;
    expect(after("ALTER TABLE t ALTER INDEX ia IGNORED").indexes[0]!.invisible).toBe(true);
    expect(after("ALTER TABLE t ALTER INDEX ia INVISIBLE", "ALTER TABLE t ALTER KEY ia VISIBLE").indexes[0]).toEqual({
      name: "ia",
      unique: false,
      type: "BTREE",
      parts: [{ column: "a" }],
    });
    expect(after("ALTER TABLE t ALTER COLUMN b SET INVISIBLE").columns[1]!.invisible).toBe(true);
    expect(
      after("ALTER TABLE t ALTER COLUMN b SET INVISIBLE", "ALTER TABLE t ALTER b SET VISIBLE").columns[1]!.invisible,
    ).toBeUndefined();
    expect(() => after("ALTER TABLE t ALTER INDEX nope IGNORED")).toThrow('index "nope" does not exist');
  });

  test("plan: a change of visibility alone is ALTER INDEX, not a drop and re-add", () => {
    const from = replay(["CREATE TABLE t (a int, KEY ia (a) COMMENT 'x')"]);
    const to = replay(["CREATE TABLE t (a int, KEY ia (a) COMMENT 'x' IGNORED)"]);
    expect(sqlOf(from, to)).toEqual(["ALTER TABLE `t` ALTER INDEX `ia` IGNORED"]);
    expect(sqlOf(to, from)).toEqual(["ALTER TABLE `t` ALTER INDEX `ia` NOT IGNORED"]);
    expect(sqlOf(from, to, mysql8)).toEqual(["ALTER TABLE `t` ALTER INDEX `ia` INVISIBLE"]);
    expect(sqlOf(to, from, mysql8)).toEqual(["ALTER TABLE `t` ALTER INDEX `ia` VISIBLE"]);
  });

  test("INVISIBLE columns parse and plan", () => {
    const t = create("CREATE TABLE t (a int INVISIBLE, b int VISIBLE)");
    expect(t.columns.map((c) => c.invisible ?? false)).toEqual([true, false]);
    expect(sqlOf({ tables: [] }, { tables: [t] })[0]).toContain("`a` int NULL INVISIBLE, `b` int NULL)");
  });

  test("the BINARY attribute is the binary collation of the column's charset", () => {
    const t = create(
      "CREATE TABLE t (a varchar(10) BINARY, b char(2) CHARACTER SET latin1 BINARY, c text BINARY COLLATE utf8mb4_unicode_ci) CHARSET utf8mb3",
    );
    expect(t.columns.map((c) => [c.charset, c.collate])).toEqual([
      ["utf8mb3", "utf8mb3_bin"],
      ["latin1", "latin1_bin"],
      ["utf8mb4", "utf8mb4_unicode_ci"],
    ]);
  });

  test("SPATIAL index parts take no prefix", () => {
    const t = create("CREATE TABLE t (g point NOT NULL, SPATIAL KEY sg (g))");
    expect(sqlOf({ tables: [] }, { tables: [t] })[0]).toContain("SPATIAL INDEX `sg` (`g`)");
  });
});

describe("unnamed foreign keys", () => {
  const ddl = (ref: string) => [
    "CREATE TABLE users (id int PRIMARY KEY)",
    "CREATE TABLE admins (id int PRIMARY KEY)",
    `CREATE TABLE posts (id int PRIMARY KEY, author_id int, FOREIGN KEY (author_id) REFERENCES ${ref}(id))`,
  ];

  test("re-added under the name the server would give it: no CONSTRAINT, so the server keeps the key's index", () => {
    const from = replay(ddl("users"));
    const to = replay(ddl("admins"));
    expect(findTable(to, "posts")!.indexes.map((i) => i.name)).toEqual(["author_id"]);
    expect(sqlOf(from, to)).toEqual([
      "ALTER TABLE `posts` DROP FOREIGN KEY `posts_ibfk_1`",
      "ALTER TABLE `posts` ADD FOREIGN KEY (`author_id`) REFERENCES `admins` (`id`)",
    ]);
    const replayed = replay([...ddl("users"), ...sqlOf(from, to)]);
    expect(findTable(replayed, "posts")).toEqual(findTable(to, "posts"));
  });

  test("a key whose index is named after it keeps its CONSTRAINT (the server names the new index after it)", () => {
    const ddl = (action: string) => [
      "CREATE TABLE users (id int PRIMARY KEY)",
      `CREATE TABLE posts (user_id int, CONSTRAINT posts_ibfk_1 FOREIGN KEY (user_id) REFERENCES users (id)${action})`,
    ];
    const from = replay(ddl(""));
    const to = replay(ddl(" ON DELETE CASCADE"));
    expect(findTable(to, "posts")!.indexes.map((i) => i.name)).toEqual(["posts_ibfk_1"]);
    expect(sqlOf(from, to).at(-1)).toBe(
      "ALTER TABLE `posts` ADD CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`user_id`) REFERENCES `users` (`id`) ON DELETE CASCADE",
    );
  });

  test("a generated name the server would not pick next keeps its CONSTRAINT", () => {
    const from = replay([
      "CREATE TABLE users (id int PRIMARY KEY)",
      "CREATE TABLE posts (id int PRIMARY KEY, a int, b int, FOREIGN KEY (b) REFERENCES users(id), CONSTRAINT posts_ibfk_5 FOREIGN KEY (a) REFERENCES users(id))",
    ]);
    const to = replay([
      "CREATE TABLE users (id int PRIMARY KEY)",
      "CREATE TABLE posts (id int PRIMARY KEY, a int, b int, FOREIGN KEY (b) REFERENCES users(id) ON DELETE CASCADE, CONSTRAINT posts_ibfk_5 FOREIGN KEY (a) REFERENCES users(id))",
    ]);
    expect(sqlOf(from, to).at(-1)).toBe(
      "ALTER TABLE `posts` ADD CONSTRAINT `posts_ibfk_1` FOREIGN KEY (`b`) REFERENCES `users` (`id`) ON DELETE CASCADE",
    );
  });
});

describe("integer display widths", () => {
  test("a width other than the type's own is kept and planned on MariaDB, dropped for MySQL", () => {
    const t = create(
      "CREATE TABLE t (a tinyint(2), b tinyint(1) unsigned, c int(11), d int(10) unsigned, e bigint(20))",
    );
    expect(t.columns.map((c) => c.type)).toEqual([
      "tinyint(2)",
      "tinyint(1) unsigned",
      "int",
      "int unsigned",
      "bigint",
    ]);
    expect(create("CREATE TABLE t (a tinyint(2), b int(5) zerofill)", mysql8).columns.map((c) => c.type)).toEqual([
      "tinyint",
      "int(5) unsigned zerofill",
    ]);
  });
});

describe("AUTO_INCREMENT", () => {
  const at = (n?: number) =>
    replay([`CREATE TABLE t (id int AUTO_INCREMENT PRIMARY KEY)${n ? ` AUTO_INCREMENT=${n}` : ""}`]);

  test("a declared start is planned on create and raised on an existing table, never lowered", () => {
    expect(sqlOf({ tables: [] }, at(100))[0]).toEndWith(" AUTO_INCREMENT 100");
    expect(sqlOf(at(), at(100))).toEqual(["ALTER TABLE `t` AUTO_INCREMENT 100"]);
    expect(sqlOf(at(500), at(100))).toEqual([]);
    expect(sqlOf(at(500), at())).toEqual([]);
  });

  test("a live desired state's counters are left out", () => {
    const live = at(100);
    expect(withoutCounters(live).tables[0]!.options.autoIncrement).toBeUndefined();
    expect(sqlOf({ tables: [] }, withoutCounters(live))[0]).not.toContain("AUTO_INCREMENT 100");
    const none = at();
    expect(withoutCounters(none)).toBe(none);
  });
});

describe("entity DSL and TypeBox export", () => {
  const places = table(
    "places",
    {
      id: col.int({ autoIncrement: true, invisible: true }),
      level: col.tinyint({ displayWidth: 2 }),
      flag: col.tinyint({ unsigned: true, displayWidth: 1 }),
      ratio: col.float({ precision: 7, scale: 2, nullable: true }),
      location: col.point(),
      code: col.varchar(10, { collate: "utf8mb4_bin" }),
    },
    {
      primaryKey: ["id"],
      primaryKeyComment: "surrogate",
      indexes: [
        { name: "location", columns: ["location"], type: "SPATIAL" },
        { name: "code", columns: ["code"], comment: "lookup", ignored: true },
      ],
      rowFormat: "COMPRESSED",
      keyBlockSize: 8,
      statsPersistent: false,
      autoIncrement: 100,
    },
  );

  test("entities → schema carries every option", () => {
    expect(validateEntities([places]).map((e) => e.message)).toEqual([]);
    const t = normalizeSchema(entitiesToSchema([places]), mariadb).tables[0]!;
    expect(t.options).toMatchObject({
      rowFormat: "COMPRESSED",
      keyBlockSize: 8,
      statsPersistent: 0,
      autoIncrement: 100,
    });
    expect(t.primaryKey?.comment).toBe("surrogate");
    expect(t.indexes.find((i) => i.name === "code")).toMatchObject({ invisible: true, comment: "lookup" });
    expect(t.columns.map((c) => c.type)).toEqual([
      "int",
      "tinyint(2)",
      "tinyint(1) unsigned",
      "float(7,2)",
      "point",
      "varchar(10)",
    ]);
    expect(t.columns[0]!.invisible).toBe(true);
  });

  test("bad options are reported", () => {
    const bad = table("b", { id: col.int() }, { rowFormat: "DYNAMIC", keyBlockSize: 3 as 4, pageCompressionLevel: 12 });
    expect(validateEntities([bad]).map((e) => e.message)).toEqual([
      'table "b": keyBlockSize must be 1, 2, 4, 8 or 16, got 3',
      'table "b": keyBlockSize needs rowFormat "COMPRESSED" (or no rowFormat), not "DYNAMIC"',
      'table "b": pageCompressionLevel must be an integer from 1 to 9, got 12',
    ]);
  });

  test("the TypeBox export writes them back (AUTO_INCREMENT counters aside)", () => {
    const schema = normalizeSchema(entitiesToSchema([places]), mariadb);
    const source = schemaToEntitiesSource(schema, { importFrom: "stats-db" });
    for (const want of [
      "id: col.int({ autoIncrement: true, invisible: true })",
      "level: col.tinyint({ displayWidth: 2 })",
      "flag: col.tinyint({ displayWidth: 1, unsigned: true })",
      "ratio: col.float({ precision: 7, scale: 2, nullable: true })",
      "location: col.point()",
      'primaryKeyComment: "surrogate"',
      '{ name: "code", columns: ["code"], comment: "lookup", invisible: true }',
      'rowFormat: "COMPRESSED"',
      "keyBlockSize: 8",
      "statsPersistent: false",
    ])
      expect(source).toContain(want);
    expect(source).not.toContain("autoIncrement: 100");
  });
});
