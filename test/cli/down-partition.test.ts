/**
 * `migrate down` of partition changes through the CLI: reverting a range extension merges the months back into the
 * catch-all (their rows stay); reverting ADD PARTITION drops the partition only when it holds no row.
 */
import { expect, setDefaultTimeout, test } from "bun:test";
import { withTestDatabase } from "../support/mariadb.ts";
import { writeProject } from "../support/project.ts";
import { cli } from "./run-cli.ts";

setDefaultTimeout(60_000);

const FILES: Record<string, string> = {
  "1_init.sql":
    "CREATE TABLE `m` (`id` int NOT NULL, `d` date NOT NULL, PRIMARY KEY (`id`, `d`)) PARTITION BY RANGE COLUMNS(`d`) (PARTITION `p2026_01` VALUES LESS THAN ('2026-02-01'), PARTITION `pmax` VALUES LESS THAN (MAXVALUE));\n" +
    "CREATE TABLE `r` (`a` int) PARTITION BY RANGE (`a`) (PARTITION `p0` VALUES LESS THAN (10));\n",
  "2_extend.sql":
    "ALTER TABLE `m` REORGANIZE PARTITION `pmax` INTO (PARTITION `p2026_02` VALUES LESS THAN ('2026-03-01'), PARTITION `pmax` VALUES LESS THAN (MAXVALUE));\n" +
    "ALTER TABLE `r` ADD PARTITION (PARTITION `p1` VALUES LESS THAN (20));\n",
};

test("down merges an extension back and refuses to drop a partition that holds rows", async () => {
  await withTestDatabase(async ({ url, conn }) => {
    const root = writeProject(FILES);
    expect(cli(["migrate", "apply", "--url", url], { cwd: root }).code).toBe(0);
    await conn.query("INSERT INTO m VALUES (1, '2026-02-15')");
    await conn.query("INSERT INTO r VALUES (15)");
    const refused = cli(["migrate", "down", "--url", url], { cwd: root });
    expect(refused.code).toBe(1);
    expect(refused.stdout + refused.stderr).toContain('partition "p1" of table "r" holds rows');
    await conn.query("DELETE FROM r");
    const down = cli(["migrate", "down", "--url", url], { cwd: root });
    expect(down.stdout).toContain(
      "ALTER TABLE `m` REORGANIZE PARTITION `p2026_02`, `pmax` INTO (PARTITION `pmax` VALUES LESS THAN (MAXVALUE))",
    );
    expect(down.stdout).toContain("ALTER TABLE `r` DROP PARTITION `p1`");
    expect(down.code).toBe(0);
    const [rows] = (await conn.query("SELECT COUNT(*) AS n FROM m")) as unknown as [{ n: number }[]];
    expect(Number(rows[0]!.n)).toBe(1);
  });
});
