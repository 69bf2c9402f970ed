/**
 * The statement builders of src/mysql/queries/: the exact text the revisions store, the lock, the apply/down checks,
 * lint's row counts and `grants` send or print (Atlas's bytes where Atlas runs the same statement).
 */
import { describe, expect, test } from "bun:test";
import { createDatabaseStatement, schemasExceptQuery } from "../../src/mysql/queries/catalog.ts";
import { isEmptyQuery } from "../../src/mysql/queries/data-checks.ts";
import { accountName, grantStatement } from "../../src/mysql/queries/grants.ts";
import {
  deleteByKeysSql,
  qualifiedName,
  selectAllButSql,
  selectByKeySql,
  upsertSql,
} from "../../src/mysql/queries/rows.ts";

const table = { schema: "s`x", name: "atlas_schema_revisions" };

describe("mysql/queries", () => {
  const cases: [string, string, string][] = [
    ["qualifiedName", qualifiedName(table), "`s``x`.`atlas_schema_revisions`"],
    [
      "selectAllButSql",
      selectAllButSql(table, ["version", "hash"], "version"),
      "SELECT `version`, `hash` FROM `s``x`.`atlas_schema_revisions` WHERE `version` <> ? ORDER BY `version`",
    ],
    [
      "selectByKeySql",
      selectByKeySql(table, ["version", "hash"], "version"),
      "SELECT `version`, `hash` FROM `s``x`.`atlas_schema_revisions` WHERE `version` = ?",
    ],
    [
      "deleteByKeysSql",
      deleteByKeysSql(table, "version", 3),
      "DELETE FROM `s``x`.`atlas_schema_revisions` WHERE `version` IN (?, ?, ?)",
    ],
    [
      "upsertSql",
      upsertSql(table, ["version", "applied", "hash"], new Set(["version"])),
      "INSERT INTO `s``x`.`atlas_schema_revisions` (`version`, `applied`, `hash`) VALUES (?, ?, ?) ON DUPLICATE KEY UPDATE `applied` = VALUES(`applied`), `hash` = VALUES(`hash`)",
    ],
    [
      "schemasExceptQuery",
      schemasExceptQuery(2),
      "SELECT `SCHEMA_NAME` AS s FROM `INFORMATION_SCHEMA`.`SCHEMATA` WHERE `SCHEMA_NAME` NOT IN (?, ?) ORDER BY `SCHEMA_NAME`",
    ],
    ["createDatabaseStatement", createDatabaseStatement("a`b"), "CREATE DATABASE `a``b`"],
    ["isEmptyQuery (table)", isEmptyQuery("logs"), "SELECT NOT EXISTS (SELECT 1 FROM `logs`) AS `is_empty`"],
    [
      "isEmptyQuery (column)",
      isEmptyQuery("logs", "c"),
      "SELECT NOT EXISTS (SELECT 1 FROM `logs` WHERE `c` IS NOT NULL) AS `is_empty`",
    ],
    ["accountName", accountName("mig'r", "10.%"), "'mig''r'@'10.%'"],
    [
      "grantStatement",
      grantStatement(["SELECT", "INSERT"], "a`b", "'m'@'%'"),
      "GRANT SELECT, INSERT ON `a``b`.* TO 'm'@'%'",
    ],
  ];
  for (const [name, got, want] of cases) test(name, () => expect(got).toBe(want));
});
