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
  /** The flavour's name, for display and JSON only: behaviour goes by the capabilities below. */
  readonly name: "mysql" | "mariadb";
  /** The server version the flavour stands for. */
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
  /** A generated column may say NULL / NOT NULL (MySQL); MariaDB rejects it. */
  readonly generatedNullability: boolean;
  /** CHECK constraints take `[NOT] ENFORCED` and information_schema reports it (MySQL ≥ 8.0.16); MariaDB always enforces them. */
  readonly checkEnforcement: boolean;
  /** The ALTER TABLE words that drop a CHECK constraint: MySQL `DROP CHECK`, MariaDB `DROP CONSTRAINT`. */
  readonly dropCheck: "DROP CHECK" | "DROP CONSTRAINT";
  /** A CHECK named after a column is that column's own: written inside its definition, named after it when unnamed, dropped by MODIFY (MariaDB). */
  readonly columnLevelChecks: boolean;
  /** Without a CONSTRAINT symbol, the name after FOREIGN KEY names the constraint (MariaDB; MySQL ≥ 8.0.16 ignores it). */
  readonly foreignKeyIndexNameIsSymbol: boolean;
  /** information_schema caches TABLES statistics (AUTO_INCREMENT among them) unless `information_schema_stats_expiry` is 0 (MySQL 8). */
  readonly cachedTableStats: boolean;
  /** information_schema reports expressions (generated columns, functional index parts, CHECK clauses) with quotes and backslashes escaped (MySQL). */
  readonly escapedExpressions: boolean;
  /** Functional (expression) index parts, read from STATISTICS.EXPRESSION (MySQL ≥ 8.0.13); MariaDB has neither. */
  readonly functionalIndexes: boolean;
  /** COLUMN_DEFAULT holds SQL text, literals quoted and expressions as written (MariaDB); MySQL gives bare values and marks expressions DEFAULT_GENERATED. */
  readonly defaultsAsSql: boolean;
  /** Charset default collations that differ from the common table of `charset.ts`, by charset (MySQL 8: `utf8mb4_0900_ai_ci`, …). */
  readonly collationOverrides: Readonly<Record<string, string>>;
  /** information_schema wraps CHECK clauses in parentheses (MySQL), and Atlas's HCL prints them so. */
  readonly parenthesizedChecks: boolean;
  /** Binary-string defaults are reported in hexadecimal, `0x616263` (MySQL); MariaDB reports them quoted. */
  readonly hexBinaryDefaults: boolean;
  /** A NOT NULL TIMESTAMP column without a default may get an implicit CURRENT_TIMESTAMP (MariaDB: Atlas's lint assumes it for the first one, Ent declares `executed_at` NULL to avoid it). */
  readonly implicitTimestampDefault: boolean;
  /** ADD COLUMN … NOT NULL without a default fills existing rows for every type (MariaDB); MySQL fails on date/datetime/spatial, and Atlas reports nothing for text/json. */
  readonly implicitValueForEveryType: boolean;
  /** Widening a VARCHAR/VARBINARY is in place even across the 255/256-byte length-prefix boundary (MariaDB, as Atlas's lint assumes); MySQL copies the table. */
  readonly inplaceWideningAnyLength: boolean;
  /** Moving a column (FIRST / AFTER) rebuilds the table (MySQL, as Atlas's lint assumes); MariaDB does it in place. */
  readonly columnMoveRebuilds: boolean;
  /** Changing a table's default character set rebuilds the table (MySQL, as Atlas's lint assumes). */
  readonly charsetChangeRebuilds: boolean;
  /** Most parts in one index (MySQL 16, MariaDB 32) and most indexes in one table, the primary key included (MySQL 64 secondary + 1, MariaDB 64). */
  readonly keyLimits: { readonly parts: number; readonly keys: number };
  /**
   * Whether the server runs the text of a versioned comment, `/*!NNNNN … *\/` (`mariadbOnly` false) or MariaDB's
   * `/*M!NNNNNN … *\/` (true); `version` is undefined when none is written. Otherwise the comment is a comment.
   * MySQL runs `/*!` up to its own version and ignores `/*M!`; MariaDB runs both up to its version, except the
   * MySQL 5.7+ range 50700–99999 of `/*!`.
   */
  readonly runsVersionedComment: (mariadbOnly: boolean, version: number | undefined) => boolean;
  /** A non-unique B-tree key part over 3072 bytes (a TEXT/BLOB column without a length included) is stored as a prefix of the limit (MariaDB); MySQL 8 refuses it. */
  readonly longKeyPartsAsPrefix: boolean;
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
  generatedNullability: true,
  checkEnforcement: true,
  dropCheck: "DROP CHECK",
  columnLevelChecks: false,
  foreignKeyIndexNameIsSymbol: false,
  cachedTableStats: true,
  escapedExpressions: true,
  functionalIndexes: true,
  defaultsAsSql: false,
  collationOverrides: { utf8mb4: "utf8mb4_0900_ai_ci", gb18030: "gb18030_chinese_ci" },
  parenthesizedChecks: true,
  hexBinaryDefaults: true,
  implicitTimestampDefault: false,
  implicitValueForEveryType: false,
  inplaceWideningAnyLength: false,
  columnMoveRebuilds: true,
  charsetChangeRebuilds: true,
  keyLimits: { parts: 16, keys: 65 },
  longKeyPartsAsPrefix: false,
  runsVersionedComment: (mariadbOnly, version) => !mariadbOnly && (version === undefined || version <= 80040),
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
  generatedNullability: false,
  checkEnforcement: false,
  dropCheck: "DROP CONSTRAINT",
  columnLevelChecks: true,
  foreignKeyIndexNameIsSymbol: true,
  cachedTableStats: false,
  escapedExpressions: false,
  functionalIndexes: false,
  defaultsAsSql: true,
  collationOverrides: {},
  parenthesizedChecks: false,
  hexBinaryDefaults: false,
  implicitTimestampDefault: true,
  implicitValueForEveryType: true,
  inplaceWideningAnyLength: true,
  columnMoveRebuilds: false,
  charsetChangeRebuilds: false,
  keyLimits: { parts: 32, keys: 64 },
  longKeyPartsAsPrefix: true,
  // 101100: the first 10.11 release; a comment for a later 10.11 patch release is taken as not run.
  runsVersionedComment: (mariadbOnly, version) =>
    version === undefined || (version <= 101100 && (mariadbOnly || version < 50700 || version > 99999)),
  defaults: { charset: "utf8mb4", collate: "utf8mb4_general_ci", engine: "InnoDB" },
};

/** Picks a flavour by name (`mysql` or `mariadb`). */
export function flavorByName(name: string): Flavor | undefined {
  return name === "mysql" ? mysql8 : name === "mariadb" || name === "maria" ? mariadb : undefined;
}
