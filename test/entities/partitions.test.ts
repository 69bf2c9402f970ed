/**
 * Partitioned entities offline: the helpers give the model's shape, the entity checks refuse what InnoDB refuses
 * (foreign keys, a partition column outside a unique key), and a declared partitioning normalises to what the parser
 * gives for the same DDL.
 */
import { describe, expect, test } from "bun:test";
import {
  col,
  entitiesToSchema,
  hash,
  key,
  list,
  monthly,
  range,
  table,
  validateEntities,
} from "../../src/entities/index.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";
import { normalizeSchema } from "../../src/mysql/normalize-schema.ts";

const columns = { id: col.int(), day: col.date(), region: col.varchar(8) };
const problems = (spec: Parameters<typeof table>[2]) =>
  validateEntities([table("sites", { id: col.int() }, { primaryKey: ["id"] }), table("t", columns, spec)]).map(
    (e) => e.message,
  );

describe("entity checks", () => {
  test("a partitioned table with a foreign key is refused", () => {
    expect(
      problems({
        primaryKey: ["id", "day"],
        foreignKeys: [{ name: "fk", columns: ["id"], references: { table: "sites", columns: ["id"] } }],
        partitionBy: monthly("day", "2026-01", "2026-02"),
      }),
    ).toEqual(['table "t": is partitioned and has foreign keys: InnoDB cannot partition a table with foreign keys']);
  });
  test("a partition column must be in the primary key and every unique index, and declared", () => {
    expect(
      problems({
        primaryKey: ["id"],
        indexes: [{ name: "u", columns: ["region"], unique: true }],
        partitionBy: key(["day", "nope"], 4),
      }),
    ).toEqual([
      'table "t" column "day": partitions the table but is not in the primary key',
      'table "t" column "day": partitions the table but is not in unique index "u"',
      'table "t" column "nope": named in partitionBy but not declared',
      'table "t" column "nope": partitions the table but is not in the primary key',
      'table "t" column "nope": partitions the table but is not in unique index "u"',
    ]);
  });
  test("RANGE and LIST need their partitions", () => {
    expect(problems({ primaryKey: ["id", "day"], partitionBy: range("day", []) })).toEqual([
      'table "t": RANGE COLUMNS partitioning needs its partitions listed',
    ]);
  });
  test("sound declarations pass", () => {
    expect(problems({ primaryKey: ["id", "day"], partitionBy: monthly("day", "2026-01", "2026-03") })).toEqual([]);
    expect(problems({ primaryKey: ["id"], partitionBy: hash("id", 8, { linear: true }) })).toEqual([]);
  });
});

test("declared partitionings normalise to what the parser gives for the same DDL", () => {
  const declared = normalizeSchema(
    entitiesToSchema(
      [
        table("a", columns, { primaryKey: ["id", "day"], partitionBy: monthly("day", "2026-12", "2027-01") }),
        table("b", columns, {
          partitionBy: range({ expr: "TO_DAYS(day)" }, [
            { name: "p0", lessThan: "TO_DAYS('2026-01-01')", comment: "old" },
            { name: "pmax", lessThan: "MAXVALUE" },
          ]),
        }),
        table("c", columns, { partitionBy: list("region", [{ name: "eu", in: ["'de'", "'fr'"] }]) }),
        table("d", columns, { partitionBy: hash("id % 4", 3) }),
      ],
      { charset: "utf8mb4", collate: "utf8mb4_general_ci" },
    ),
    mariadb,
  );
  const cols = "(id int, day date, region varchar(8))";
  const parsed = replaySql(
    `CREATE TABLE a (id int NOT NULL, day date NOT NULL, region varchar(8), PRIMARY KEY (id, day))
       PARTITION BY RANGE COLUMNS(day) (PARTITION p2026_12 VALUES LESS THAN ('2027-01-01'),
       PARTITION p2027_01 VALUES LESS THAN ('2027-02-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE));
     CREATE TABLE b ${cols} PARTITION BY RANGE (to_days(day)) (PARTITION p0 VALUES LESS THAN (739982) COMMENT 'old',
       PARTITION pmax VALUES LESS THAN MAXVALUE);
     CREATE TABLE c ${cols} PARTITION BY LIST COLUMNS(region) (PARTITION eu VALUES IN ('de','fr'));
     CREATE TABLE d ${cols} PARTITION BY HASH (id MOD 4) PARTITIONS 3;`,
    mariadb,
  );
  expect(declared.tables.map((t) => t.partition)).toEqual(parsed.tables.map((t) => t.partition));
});
