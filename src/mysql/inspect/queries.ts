/**
 * The information_schema queries of an inspection (docs/atlas-compat.md §10): one per kind of object, each covering every
 * table of the schema at once, so the number of queries never depends on the table count.
 */
import type { Flavor } from "../flavor.ts";

/** Server identity and defaults. */
export const SERVER_QUERY =
  "SELECT @@version AS `version`, @@collation_server AS `collation`, @@character_set_server AS `charset`, @@lower_case_table_names AS `lower_case`";

/** MySQL 8 caches TABLES statistics (AUTO_INCREMENT among them); this session setting reads them fresh. */
export const MYSQL_STATS_EXPIRY = "SET SESSION information_schema_stats_expiry = 0";

/** The schema's default charset and collation. */
export const SCHEMA_QUERY =
  "SELECT `SCHEMA_NAME`, `DEFAULT_CHARACTER_SET_NAME`, `DEFAULT_COLLATION_NAME` FROM `INFORMATION_SCHEMA`.`SCHEMATA` WHERE `SCHEMA_NAME` = ?";

/**
 * Every base table with its options. One table, no join: a join with COLLATIONS or ENGINES makes MariaDB fill TABLES
 * into a temporary table first, six times the cost of this query for 1,000 tables.
 */
export const TABLES_QUERY =
  "SELECT TABLE_NAME, TABLE_COLLATION, AUTO_INCREMENT, TABLE_COMMENT, CREATE_OPTIONS, ENGINE FROM INFORMATION_SCHEMA.TABLES " +
  "WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME";

/** Every column of every table, in table order. */
export const COLUMNS_QUERY =
  "SELECT `TABLE_NAME`, `COLUMN_NAME`, `COLUMN_TYPE`, `COLUMN_COMMENT`, `IS_NULLABLE`, `COLUMN_KEY`, `COLUMN_DEFAULT`, " +
  "`EXTRA`, `CHARACTER_SET_NAME`, `COLLATION_NAME`, `GENERATION_EXPRESSION` FROM `INFORMATION_SCHEMA`.`COLUMNS` " +
  "WHERE `TABLE_SCHEMA` = ? ORDER BY `TABLE_NAME`, `ORDINAL_POSITION`";

/**
 * Every index part; MariaDB has no functional indexes, so no EXPRESSION column. No ORDER BY (Atlas sorts by index
 * name): the server lists a table's keys in its own key order, the one SHOW CREATE TABLE shows, and a plan that keeps
 * it reproduces the table; rows are grouped by table and parts sorted by SEQ_IN_INDEX in code.
 */
export function indexesQuery(flavor: Flavor): string {
  const expression = flavor.functionalIndexes ? "`EXPRESSION`" : "NULL AS `EXPRESSION`";
  // An index the optimizer does not use: MariaDB (≥ 10.6) IGNORED, MySQL IS_VISIBLE = 'NO'.
  const ignored = flavor.name === "mariadb" ? "`IGNORED`" : "IF(`IS_VISIBLE` = 'NO', 'YES', 'NO') AS `IGNORED`";
  return (
    "SELECT `TABLE_NAME`, `INDEX_NAME`, `COLUMN_NAME`, `NON_UNIQUE`, `SEQ_IN_INDEX`, `INDEX_TYPE`, UPPER(`COLLATION`) = 'D' AS `DESC`, " +
    `\`INDEX_COMMENT\`, \`SUB_PART\`, ${expression}, ${ignored} FROM \`INFORMATION_SCHEMA\`.\`STATISTICS\` ` +
    "WHERE `TABLE_SCHEMA` = ?"
  );
}

/**
 * Every foreign key column. REFERENTIAL_CONSTRAINTS is read in a derived table of the one schema (the LIMIT keeps the
 * server from merging it into the join): joined directly, MariaDB reads it for every database and the query costs
 * about six times as much for 1,000 tables.
 */
export const FOREIGN_KEYS_QUERY =
  "SELECT t1.CONSTRAINT_NAME, t1.TABLE_NAME, t1.COLUMN_NAME, t1.REFERENCED_TABLE_NAME, t1.REFERENCED_COLUMN_NAME, " +
  "t1.REFERENCED_TABLE_SCHEMA, t2.UPDATE_RULE, t2.DELETE_RULE FROM INFORMATION_SCHEMA.KEY_COLUMN_USAGE AS t1 " +
  "JOIN (SELECT CONSTRAINT_SCHEMA, CONSTRAINT_NAME, TABLE_NAME, UPDATE_RULE, DELETE_RULE " +
  "FROM INFORMATION_SCHEMA.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? LIMIT 18446744073709551615) AS t2 " +
  "ON t1.CONSTRAINT_NAME = t2.CONSTRAINT_NAME AND t1.CONSTRAINT_SCHEMA = t2.CONSTRAINT_SCHEMA AND t1.TABLE_NAME = t2.TABLE_NAME " +
  "WHERE t1.REFERENCED_COLUMN_NAME IS NOT NULL AND t1.TABLE_SCHEMA = ? " +
  "ORDER BY t1.TABLE_NAME, t1.CONSTRAINT_NAME, t1.ORDINAL_POSITION";

/**
 * Every CHECK constraint: MySQL reads ENFORCED from TABLE_CONSTRAINTS; MariaDB checks are always enforced, and listed
 * without ORDER BY in declaration order (what SHOW CREATE TABLE shows), grouped by table in code.
 */
export function checksQuery(flavor: Flavor): string {
  if (!flavor.checkEnforcement) {
    return "SELECT TABLE_NAME, CONSTRAINT_NAME, CHECK_CLAUSE, 'YES' AS ENFORCED FROM INFORMATION_SCHEMA.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?";
  }
  return (
    "SELECT t1.TABLE_NAME, t1.CONSTRAINT_NAME, t2.CHECK_CLAUSE, t1.ENFORCED FROM INFORMATION_SCHEMA.TABLE_CONSTRAINTS AS t1 " +
    "JOIN INFORMATION_SCHEMA.CHECK_CONSTRAINTS AS t2 ON t1.CONSTRAINT_NAME = t2.CONSTRAINT_NAME AND t1.CONSTRAINT_SCHEMA = t2.CONSTRAINT_SCHEMA " +
    "WHERE t1.CONSTRAINT_TYPE = 'CHECK' AND t1.TABLE_SCHEMA = ? ORDER BY t1.TABLE_NAME, t1.CONSTRAINT_NAME"
  );
}
