/** The `partition` block of Atlas's MySQL HCL, written from a replayed partitioned table. */
import { expect, test } from "bun:test";
import { schemaToHcl } from "../../src/hcl/write-schema.ts";
import { replaySql } from "../../src/migrate/replay.ts";
import { mariadb } from "../../src/mysql/flavor.ts";

const hclOf = (sql: string) => schemaToHcl(replaySql(sql, mariadb), mariadb, "app");

test("RANGE COLUMNS: columns, one named block per partition, values split outside quotes", () => {
  const text = hclOf(`CREATE TABLE t (d date, s varchar(3)) PARTITION BY RANGE COLUMNS(d, s)
    (PARTITION p0 VALUES LESS THAN ('2026-01-01', 'a,b') COMMENT 'x', PARTITION pmax VALUES LESS THAN (MAXVALUE, MAXVALUE))`);
  expect(text).toContain(`  partition {
    type    = RANGE_COLUMNS
    columns = [column.d, column.s]
    partition "p0" {
      values_less_than = ["'2026-01-01'", "'a,b'"]
      comment          = "x"
    }
    partition "pmax" {
      values_less_than = ["MAXVALUE", "MAXVALUE"]
    }
  }
}
`);
});

test("expression methods use a by block; LIST uses values_in; counted partitions are named p0…", () => {
  expect(hclOf("CREATE TABLE t (a int) PARTITION BY LIST (a) (PARTITION p0 VALUES IN (1, 2))")).toContain(
    `    type = LIST
    by {
      expr = "\`a\`"
    }
    partition "p0" {
      values_in = ["1", "2"]
    }`,
  );
  const hash = hclOf("CREATE TABLE t (a int) PARTITION BY LINEAR KEY (a) PARTITIONS 2");
  expect(hash).toContain(
    'type    = LINEAR_KEY\n    columns = [column.a]\n    partition "p0" {\n    }\n    partition "p1" {',
  );
});
