/**
 * The CLI on a partitioned live table: `schema diff` between a partitioned and an unpartitioned database is a change
 * (it used to say "synced"), `schema inspect` prints the partition block, and the TypeBox export declares it.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(60_000);

const maria = (url: string) => url.replace(/^mysql:/, "maria:");
const TABLE = "CREATE TABLE t (id int NOT NULL, d date NOT NULL, PRIMARY KEY (id, d))";

test("drift, inspect and TypeBox see the partitioning", async () => {
  await withTestDatabase(async (a) => {
    await withTestDatabase(async (b) => {
      await a.conn.query(
        `${TABLE} PARTITION BY RANGE COLUMNS(d) (PARTITION p2026_01 VALUES LESS THAN ('2026-02-01'), PARTITION pmax VALUES LESS THAN (MAXVALUE))`,
      );
      await b.conn.query(TABLE);
      const drift = cli(["schema", "diff", "--from", maria(a.url), "--to", maria(b.url)]);
      expect(drift.stdout).toBe('-- Modify "t" table\nALTER TABLE `t` REMOVE PARTITIONING;\n');
      const back = cli(["schema", "diff", "--from", maria(b.url), "--to", maria(a.url)]);
      expect(back.stdout).toContain("ALTER TABLE `t` PARTITION BY RANGE COLUMNS(`d`) (PARTITION `p2026_01`");
      const same = cli(["schema", "diff", "--from", maria(a.url), "--to", maria(a.url)]);
      expect(same.stdout).toBe("Schemas are synced, no changes to be made.\n");
      const hcl = cli(["schema", "inspect", "--url", maria(a.url)]);
      expect(hcl.stdout).toContain("  partition {\n    type    = RANGE_COLUMNS\n    columns = [column.d]\n");
      const typebox = cli(["schema", "inspect", "--url", maria(a.url), "--format", "typebox"]);
      expect(typebox.stdout).toContain(
        '    partitionBy: {\n      type: "RANGE COLUMNS",\n      columns: ["d"],\n      partitions: [\n',
      );
    });
  });
});
