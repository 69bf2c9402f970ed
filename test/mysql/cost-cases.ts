/**
 * The statements whose cost test/mysql/cost.test.ts checks offline and test/mysql/cost-server.test.ts checks on the
 * server (each ALTER run with ALGORITHM= forced): one per kind of change, on the table BASE creates.
 */
import type { Algorithm, LockLevel } from "../../src/mysql/cost.ts";

/** The tables every case starts from (`p` is referenced by the foreign-key case). */
export const BASE = [
  "CREATE TABLE p (id int PRIMARY KEY)",
  "CREATE TABLE t (id int PRIMARY KEY, a int, b varchar(10), c enum('x','y'), d int NOT NULL DEFAULT 0, e text, KEY ka (a), CONSTRAINT fk0 FOREIGN KEY (d) REFERENCES p (id), CONSTRAINT ck0 CHECK (d >= 0)) ENGINE=InnoDB",
];

/** A statement and the algorithm and lowest lock expected per flavour. */
export interface CostCase {
  readonly sql: string;
  readonly mariadb: readonly [Algorithm, LockLevel];
  readonly mysql: readonly [Algorithm, LockLevel];
}

export const CASES: readonly CostCase[] = [
  { sql: "ALTER TABLE t ADD COLUMN z int", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t ADD COLUMN z int FIRST", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  {
    sql: "ALTER TABLE t ADD COLUMN z int AS (a + 1) VIRTUAL",
    mariadb: ["INSTANT", "NONE"],
    mysql: ["INSTANT", "NONE"],
  },
  { sql: "ALTER TABLE t ADD COLUMN z int AS (a + 1) STORED", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  { sql: "ALTER TABLE t DROP COLUMN b", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t DROP COLUMN a", mariadb: ["NOCOPY", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "ALTER TABLE t RENAME COLUMN b TO bb", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t ALTER COLUMN d SET DEFAULT 5", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t MODIFY b varchar(10) COMMENT 'x'", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t MODIFY b varchar(10) AFTER d", mariadb: ["INSTANT", "NONE"], mysql: ["INPLACE", "NONE"] },
  { sql: "ALTER TABLE t MODIFY a bigint", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  { sql: "ALTER TABLE t MODIFY b varchar(20)", mariadb: ["INSTANT", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "ALTER TABLE t MODIFY b varchar(300)", mariadb: ["INSTANT", "NONE"], mysql: ["COPY", "SHARED"] },
  { sql: "ALTER TABLE t MODIFY c enum('x','y','z')", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t MODIFY c enum('y','x')", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  {
    sql: "ALTER TABLE t MODIFY b varchar(10) CHARACTER SET latin1",
    mariadb: ["COPY", "SHARED"],
    mysql: ["COPY", "SHARED"],
  },
  { sql: "ALTER TABLE t MODIFY a int NOT NULL", mariadb: ["INPLACE", "NONE"], mysql: ["INPLACE", "NONE"] },
  { sql: "ALTER TABLE t ADD INDEX kb (b)", mariadb: ["NOCOPY", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "CREATE UNIQUE INDEX kb ON t (b)", mariadb: ["NOCOPY", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "ALTER TABLE t DROP INDEX ka", mariadb: ["NOCOPY", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "ALTER TABLE t RENAME INDEX ka TO kaa", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t ADD FULLTEXT INDEX fe (e)", mariadb: ["INPLACE", "SHARED"], mysql: ["INPLACE", "SHARED"] },
  {
    sql: "ALTER TABLE t DROP PRIMARY KEY, ADD PRIMARY KEY (id, d)",
    mariadb: ["INPLACE", "NONE"],
    mysql: ["INPLACE", "NONE"],
  },
  { sql: "ALTER TABLE t DROP PRIMARY KEY", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  {
    sql: "ALTER TABLE t ADD CONSTRAINT fk1 FOREIGN KEY (a) REFERENCES p (id)",
    mariadb: ["COPY", "SHARED"],
    mysql: ["COPY", "SHARED"],
  },
  { sql: "ALTER TABLE t DROP FOREIGN KEY fk0", mariadb: ["INSTANT", "NONE"], mysql: ["NOCOPY", "NONE"] },
  { sql: "ALTER TABLE t ADD CONSTRAINT ck1 CHECK (a > 0)", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  { sql: "ALTER TABLE t CONVERT TO CHARACTER SET latin1", mariadb: ["COPY", "SHARED"], mysql: ["COPY", "SHARED"] },
  { sql: "ALTER TABLE t DEFAULT CHARACTER SET latin1", mariadb: ["INSTANT", "NONE"], mysql: ["INPLACE", "SHARED"] },
  { sql: "ALTER TABLE t ENGINE=InnoDB", mariadb: ["INPLACE", "NONE"], mysql: ["INPLACE", "NONE"] },
  { sql: "ALTER TABLE t COMMENT='hello'", mariadb: ["INSTANT", "NONE"], mysql: ["INSTANT", "NONE"] },
  { sql: "ALTER TABLE t AUTO_INCREMENT=100", mariadb: ["INSTANT", "NONE"], mysql: ["NOCOPY", "NONE"] },
];
