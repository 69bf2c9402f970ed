/**
 * `migrate down` mistakes: drift from the directory, narrowing or dropping what holds data, nothing applied, bad
 * amounts and versions. Every database row applies the directory with the CLI first; nothing may change.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { cli } from "../cli/run-cli.ts";
import type { BadInputCase, CaseContext } from "./harness.ts";

const V1 = "20260101000000";
const V2 = "20260102000000";

/** Replaces the project's migration files (and atlas.sum). */
function writeFiles(ctx: CaseContext, files: Record<string, string>): void {
  const dir = join(ctx.root, "migrations");
  for (const name of readdirSync(dir)) rmSync(join(dir, name));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  writeFileSync(join(dir, "atlas.sum"), formatSum(computeSum(memoryDir(files).files())));
}

/** Applies the project's directory with the CLI, then runs the statements on the database. */
async function applied(ctx: CaseContext, ...sql: string[]): Promise<void> {
  const r = cli(["migrate", "apply", "--dir", ctx.dirUrl, "--url", ctx.url], { cwd: ctx.root });
  if (r.code !== 0) throw new Error(`setup: migrate apply failed: ${r.stderr}`);
  for (const s of sql) await ctx.conn!.query(s);
}

/** A setup with other migration files, applied, then the statements. */
function withFiles(files: Record<string, string>, ...sql: string[]): (ctx: CaseContext) => Promise<void> {
  return async (ctx) => {
    writeFiles(ctx, files);
    await applied(ctx, ...sql);
  };
}

/** A file that widens `t`.`c` from `from` to `to` (the revert narrows it back). */
function widening(from: string, to: string): Record<string, string> {
  return {
    [`${V1}_init.sql`]: `CREATE TABLE \`t\` (\`id\` int NOT NULL AUTO_INCREMENT, \`c\` ${from}, PRIMARY KEY (\`id\`));\n`,
    [`${V2}_widen.sql`]: `ALTER TABLE \`t\` MODIFY \`c\` ${to};\n`,
  };
}

const down = (c: CaseContext, ...rest: string[]): string[] => [
  "migrate",
  "down",
  "--dir",
  c.dirUrl,
  "--url",
  c.url,
  ...rest,
];
const drifted = (detail: string) =>
  new RegExp(
    `^Error: the database has drifted from the migration directory at version "${V2}" \\(1 difference: ${detail}`,
  );
const narrows = (rows: number, type: string) =>
  new RegExp(
    `^Error: column "c" of table "t" has ${rows} rows? whose values do not fit ${type.replace(/[()]/g, "\\$&")} and reverting version "${V2}" narrows it: nothing was changed`,
  );

export const cases: readonly BadInputCase[] = [
  // Item 3: drift from the directory at the applied version stops the run.
  {
    name: "down: a column added by hand is drift",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` ADD COLUMN `x` int NULL"),
    args: (c) => down(c),
    code: 1,
    first: drifted('extra column "x" of table "t1"'),
  },
  {
    name: "down: a widened type is drift",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` MODIFY `b` bigint NULL"),
    args: (c) => down(c),
    code: 1,
    first: drifted('column "b" of table "t1" is `b` bigint NULL; the directory has `b` int NULL'),
  },
  {
    name: "down: an index added by hand is drift",
    db: true,
    setup: (c) => applied(c, "CREATE INDEX `t1_b` ON `t1` (`b`)"),
    args: (c) => down(c),
    code: 1,
    first: drifted('extra index "t1_b" of table "t1"'),
  },
  {
    name: "down: a table added by hand is drift",
    db: true,
    setup: (c) => applied(c, "CREATE TABLE `hand` (`id` int)"),
    args: (c) => down(c),
    code: 1,
    first: drifted('extra table "hand"'),
  },
  {
    name: "down: a column dropped by hand is drift",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` DROP COLUMN `b`"),
    args: (c) => down(c),
    code: 1,
    first: drifted('missing column "b" of table "t1"'),
  },
  {
    name: "down: a column made NOT NULL by hand is drift",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` MODIFY `b` int NOT NULL"),
    args: (c) => down(c),
    code: 1,
    first: drifted('column "b" of table "t1" is `b` int NOT NULL'),
  },
  {
    name: "down: drift stops a --dry-run too",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` ADD COLUMN `x` int NULL"),
    args: (c) => down(c, "--dry-run"),
    code: 1,
    first: drifted('extra column "x"'),
  },
  {
    name: "down: drift stops --force-data-loss",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` ADD COLUMN `x` int NULL"),
    args: (c) => down(c, "--force-data-loss"),
    code: 1,
    first: drifted('extra column "x"'),
  },
  {
    name: "down: drift stops --to-version",
    db: true,
    setup: (c) => applied(c, "CREATE TABLE `hand` (`id` int)"),
    args: (c) => down(c, "--to-version", V1),
    code: 1,
    first: drifted('extra table "hand"'),
  },
  {
    name: "down: drift in JSON lists the differences",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` ADD COLUMN `x` int NULL"),
    args: (c) => down(c, "--format", "{{ json . }}"),
    code: 1,
    first: /"Drift":\["extra column \\"x\\" of table \\"t1\\": `x` int NULL"\]/,
  },
  {
    name: "down: --allow-drift still checks the hand-added column's values",
    db: true,
    setup: (c) => applied(c, "ALTER TABLE `t1` ADD COLUMN `x` int NULL", "INSERT INTO `t1` (`id`, `x`) VALUES (1, 5)"),
    args: (c) => down(c, "--allow-drift"),
    code: 1,
    first: `Error: column "x" of table "t1" holds non-NULL values and reverting version "${V2}" drops it: nothing was changed (--force-data-loss reverts anyway)`,
  },
  // Item 3: narrowing a column checks its values.
  {
    name: "down: varchar(255) → varchar(50) with longer values",
    db: true,
    setup: withFiles(
      widening("varchar(50) NULL", "varchar(255) NULL"),
      "INSERT INTO `t` (`c`) VALUES (REPEAT('x', 51)), (REPEAT('y', 200)), ('ok')",
    ),
    args: (c) => down(c),
    code: 1,
    first: narrows(2, "varchar(50)"),
  },
  {
    name: "down: text → varchar(20) with a longer value",
    db: true,
    setup: withFiles(widening("varchar(20) NULL", "text NULL"), "INSERT INTO `t` (`c`) VALUES (REPEAT('x', 21))"),
    args: (c) => down(c),
    code: 1,
    first: narrows(1, "varchar(20)"),
  },
  {
    name: "down: bigint → int with values out of range",
    db: true,
    setup: withFiles(
      widening("int NULL", "bigint NULL"),
      "INSERT INTO `t` (`c`) VALUES (4000000000), (-4000000000), (7)",
    ),
    args: (c) => down(c),
    code: 1,
    first: narrows(2, "int"),
  },
  {
    name: "down: decimal(10,4) → decimal(5,2) with too many digits",
    db: true,
    setup: withFiles(
      widening("decimal(5,2) NULL", "decimal(10,4) NULL"),
      "INSERT INTO `t` (`c`) VALUES (1234.5), (1.005)",
    ),
    args: (c) => down(c),
    code: 1,
    first: narrows(2, "decimal(5,2)"),
  },
  {
    name: "down: an ENUM member removed while rows use it",
    db: true,
    setup: withFiles(
      widening("enum('a','b') NULL", "enum('a','b','c') NULL"),
      "INSERT INTO `t` (`c`) VALUES ('c'), ('c'), ('a')",
    ),
    args: (c) => down(c),
    code: 1,
    first: narrows(2, "enum('a','b')"),
  },
  {
    name: "down: NULL → NOT NULL while rows hold NULL",
    db: true,
    setup: withFiles(widening("int NOT NULL DEFAULT 0", "int NULL"), "INSERT INTO `t` (`c`) VALUES (NULL)"),
    args: (c) => down(c),
    code: 1,
    first: narrows(1, "int NOT NULL"),
  },
  {
    name: "down: narrowing refused in a --dry-run too",
    db: true,
    setup: withFiles(widening("varchar(5) NULL", "varchar(9) NULL"), "INSERT INTO `t` (`c`) VALUES ('toolong')"),
    args: (c) => down(c, "--dry-run"),
    code: 1,
    first: narrows(1, "varchar(5)"),
  },
  {
    name: "down: narrowing refused in JSON",
    db: true,
    setup: withFiles(widening("varchar(5) NULL", "varchar(9) NULL"), "INSERT INTO `t` (`c`) VALUES ('toolong')"),
    args: (c) => down(c, "--format", "{{ json . }}"),
    code: 1,
    first: /"Passed":false.*"Error":"column \\"c\\" of table \\"t\\" has 1 row whose values do not fit varchar\(5\)/,
  },
  // Drops that would lose data (Atlas's checks), kept.
  {
    name: "down: a dropped column holds values",
    db: true,
    setup: (c) => applied(c, "INSERT INTO `t1` (`id`, `b`) VALUES (1, 2)"),
    args: (c) => down(c),
    code: 1,
    first: `Error: column "b" of table "t1" holds non-NULL values and reverting version "${V2}" drops it: nothing was changed (--force-data-loss reverts anyway)`,
  },
  {
    name: "down: a dropped table holds rows",
    db: true,
    setup: (c) => applied(c, "INSERT INTO `t1` (`id`) VALUES (1)"),
    args: (c) => down(c, "2"),
    code: 1,
    first: `Error: table "t1" is not empty and reverting version "${V1}" drops it: nothing was changed (--force-data-loss reverts anyway)`,
  },
  // Nothing to revert.
  {
    name: "down: nothing applied (no revisions table)",
    db: true,
    args: (c) => down(c),
    code: 0,
    first: "No migration files to revert",
  },
  {
    name: "down: already at --to-version",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--to-version", V2),
    code: 0,
    first: "No migration files to revert",
  },
  // Bad amounts and versions.
  {
    name: "down: amount 0",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "0"),
    code: 2,
    first: "Error: cannot revert '0' migration files",
  },
  {
    name: "down: amount -1",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--", "-1"),
    code: 2,
    first: "Error: cannot revert '-1' migration files",
  },
  {
    name: "down: amount -1 without --",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "-1"),
    code: 2,
    first: /^Error: (unknown flag: -1|cannot revert '-1' migration files)$/,
  },
  {
    name: "down: amount abc",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "abc"),
    code: 2,
    first: 'Error: invalid amount argument "abc" (invalid syntax). Omit the argument or pass a valid integer instead',
  },
  {
    name: "down: amount 1.5",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "1.5"),
    code: 2,
    first: /^Error: invalid amount argument "1\.5"/,
  },
  {
    name: "down: an amount out of range",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "99999999999999999999999"),
    code: 2,
    first:
      'Error: invalid amount argument "99999999999999999999999" (value out of range). Omit the argument or pass a valid integer instead',
  },
  {
    name: "down: a bad --lock-timeout",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--lock-timeout", "soon"),
    code: 2,
    first: 'Error: invalid --lock-timeout: time: invalid duration "soon"',
  },
  {
    name: "down: an unknown --format",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--format", "{{ .Foo }}"),
    code: 2,
    first: /^Error: unsupported --format/,
  },
  {
    name: "down: --dev-url is the target database itself (not clean)",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--dev-url", c.url),
    code: 1,
    first: /^Error: sql\/migrate: connected database is not clean/,
  },
  {
    name: "down: an amount and --to-version",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "1", "--to-version", V1),
    code: 2,
    first: "Error: give either an amount or --to-version, not both",
  },
  {
    name: "down: --to-version not in the directory",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--to-version", "20250101000000"),
    code: 2,
    first: `Error: --to-version "20250101000000" is not the version of a migration file (the directory has versions ${V1} to ${V2})`,
  },
  {
    name: "down: --to-version is a file name, not a version",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--to-version", `${V1}_init.sql`),
    code: 2,
    first: /^Error: --to-version "20260101000000_init\.sql" is not the version of a migration file/,
  },
  {
    name: "down: --to-version empty",
    db: true,
    setup: (c) => applied(c),
    args: (c) => down(c, "--to-version", ""),
    code: 2,
    first: /^Error: --to-version "" is not the version of a migration file/,
  },
  {
    name: "down: --to-version of a file not applied yet",
    db: true,
    setup: async (c) => {
      const all = Object.fromEntries(
        readdirSync(join(c.root, "migrations"))
          .filter((n) => n.endsWith(".sql"))
          .map((n) => [n, readFileSync(join(c.root, "migrations", n), "utf8")]),
      );
      await withFiles({ [`${V1}_init.sql`]: all[`${V1}_init.sql`]! })(c);
      writeFiles(c, all);
    },
    args: (c) => down(c, "--to-version", V2),
    // A target the database has not reached is bad input (DownTargetError), like any other wrong --to-version.
    code: 2,
    first: `Error: sql/migrate: migration with version "${V2}" is not applied: nothing to revert to`,
  },
  // The directory does not match the database.
  {
    name: "down: atlas.sum does not match the files",
    db: true,
    setup: async (c) => {
      await applied(c);
      writeFileSync(join(c.root, "migrations", `${V2}_add_b.sql`), "ALTER TABLE `t1` ADD COLUMN `b` bigint NULL;\n");
    },
    args: (c) => down(c),
    code: 1,
    first: /checksum mismatch|atlas\.sum/i,
  },
  {
    name: "down: the applied version's file is missing from the directory",
    db: true,
    setup: async (c) => {
      await applied(c);
      writeFiles(c, { [`${V1}_init.sql`]: "CREATE TABLE `t1` (`id` int NOT NULL, PRIMARY KEY (`id`));\n" });
    },
    args: (c) => down(c),
    code: 1,
    first: `Error: sql/migrate: migration file of version "${V2}" not found: cannot compare the database with the directory at its version (--allow-drift reverts without comparing)`,
  },
];
