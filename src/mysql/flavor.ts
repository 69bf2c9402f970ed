/**
 * MySQL/MariaDB differences as named capabilities, never version checks scattered around.
 */

/** Server defaults the offline replay must assume (a live database reports its own). */
export interface ServerDefaults {
  readonly charset: string;
  readonly collate: string;
  readonly engine: string;
}

/** A SQL flavour and what it can do. */
export interface Flavor {
  readonly name: "mysql" | "mariadb";
  readonly version: string;
  /** `ALTER TABLE … RENAME COLUMN a TO b` (MySQL 8, MariaDB ≥ 10.5.2); else CHANGE COLUMN. */
  readonly renameColumn: boolean;
  /** `ALTER TABLE … RENAME INDEX a TO b` (MySQL 5.7, MariaDB ≥ 10.5.2). */
  readonly renameIndex: boolean;
  /** JSON is stored as longtext with an automatic `json_valid` CHECK (MariaDB). */
  readonly jsonAsLongtext: boolean;
  /** The server reports integer display widths (`int(11)`): MariaDB and MySQL < 8.0.19. */
  readonly displayWidth: boolean;
  /** Name of an unnamed table CHECK: MySQL `<table>_chk_<n>`, MariaDB `CONSTRAINT_<n>`. */
  readonly checkName: (table: string, n: number) => string;
  readonly defaults: ServerDefaults;
}

/** MySQL 8.0 (≥ 8.0.19). */
export const mysql8: Flavor = {
  name: "mysql",
  version: "8.0.40",
  renameColumn: true,
  renameIndex: true,
  jsonAsLongtext: false,
  displayWidth: false,
  checkName: (table, n) => `${table}_chk_${n}`,
  defaults: { charset: "utf8mb4", collate: "utf8mb4_0900_ai_ci", engine: "InnoDB" },
};

/** MariaDB 10.11 (the server this project runs on). */
export const mariadb: Flavor = {
  name: "mariadb",
  version: "10.11",
  renameColumn: true,
  renameIndex: true,
  jsonAsLongtext: true,
  displayWidth: true,
  checkName: (_table, n) => `CONSTRAINT_${n}`,
  defaults: { charset: "utf8mb4", collate: "utf8mb4_general_ci", engine: "InnoDB" },
};

/** Picks a flavour by name (`mysql` or `mariadb`). */
export function flavorByName(name: string): Flavor | undefined {
  return name === "mysql" ? mysql8 : name === "mariadb" || name === "maria" ? mariadb : undefined;
}
