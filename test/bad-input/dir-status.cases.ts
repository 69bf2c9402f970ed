/**
 * Migration directories and `migrate status` (issue 9, items 5–9 and 11): a missing `--dir`, two files of one
 * version, `diff` names and versions, what `status` must say, drift's exit code, files that are not UTF-8.
 */
import { readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { DIR_LOCK_FILE } from "../../src/migrate/dir/lock.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { cli } from "../cli/run-cli.ts";
import type { BadInputCase, CaseContext } from "./harness.ts";

const MISSING =
  /^Error: migration directory "[^"]*" \(.*\) does not exist: check --dir \(or migration\.dir in atlas\.hcl\)$/;
const NOT_A_DIR = /^Error: migration directory "[^"]*" \(.*\) is not a directory/;
const DUP =
  "Error: two migration files have version \"20260102000000\": 20260102000000_add_b.sql and 20260102000000_dup.sql; give one of them a new version and run 'stats-db migrate hash'";
// A Latin-1 é after this prefix: the first bad byte is at the prefix's length.
const LATIN1_PREFIX = "CREATE TABLE `t2` (`id` int NOT NULL";
const LATIN1 = `Error: migration file 20260103000000_latin1.sql is not valid UTF-8 (first bad byte at offset ${LATIN1_PREFIX.length}): save it as UTF-8`;
const BAD_NAME = (name: string) =>
  `Error: invalid migration name ${JSON.stringify(name)}: use letters, digits, _ and - only (e.g. add_referrer_host)`;
const UNREACHABLE = "mysql://root@127.0.0.1:1/x";

const migrations = (c: CaseContext) => join(c.root, "migrations");

/** Writes files into the project's migration directory and rewrites atlas.sum over the raw bytes (as `migrate hash`). */
function addFiles(c: CaseContext, files: Record<string, string | Uint8Array>): void {
  for (const [name, body] of Object.entries(files)) writeFileSync(join(migrations(c), name), body);
  rehash(c);
}

function removeFiles(c: CaseContext, ...names: string[]): void {
  for (const n of names) rmSync(join(migrations(c), n));
  rehash(c);
}

function rehash(c: CaseContext): void {
  const dir = migrations(c);
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(".sql"))
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  writeFileSync(join(dir, "atlas.sum"), formatSum(computeSum(files)));
}

/** A desired state with one more table than the base files (every row's setup writes it): `file://<root>/want.sql`. */
const wantSql = (c: CaseContext) => `file://${join(c.root, "want.sql")}`;

function writeWant(c: CaseContext): void {
  writeFileSync(
    join(c.root, "want.sql"),
    "CREATE TABLE `t1` (`id` int NOT NULL, `b` int NULL, PRIMARY KEY (`id`));\nCREATE TABLE `t2` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
  );
}

/** Applies the project's directory (as it is now) to the test database. */
function applyNow(c: CaseContext): void {
  const r = cli(["migrate", "apply", "--dir", c.dirUrl, "--url", c.url], { cwd: c.root });
  if (r.code !== 0 && !r.stderr.includes("executing statement")) throw new Error(`setup apply failed: ${r.stderr}`);
}

const dup = (c: CaseContext) =>
  addFiles(c, { "20260102000000_dup.sql": "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n" });
const latin1 = (c: CaseContext) =>
  addFiles(c, {
    "20260103000000_latin1.sql": new Uint8Array([
      ...Buffer.from(LATIN1_PREFIX),
      0xe9,
      ...Buffer.from(" COMMENT 'x');\n"),
    ]),
  });
const typoHcl = (c: CaseContext) =>
  writeFileSync(
    join(c.root, "atlas.hcl"),
    'env "typo" {\n  url = getenv("STATS_DB_URL")\n  migration {\n    dir = "file://migrationz"\n  }\n}\n',
  );

const missingDirRows: BadInputCase[] = [
  ...(["validate", "hash"] as const).map(
    (cmd): BadInputCase => ({
      name: `${cmd}: --dir names no directory`,
      args: () => ["migrate", cmd, "--dir", "file://migrationz"],
      code: 2,
      first: MISSING,
    }),
  ),
  {
    name: "lint --latest: --dir names no directory",
    args: () => ["migrate", "lint", "--latest", "1", "--dir", "file://migrationz"],
    code: 2,
    first: MISSING,
  },
  {
    name: "lint --git-base: --dir names no directory",
    args: () => ["migrate", "lint", "--git-base", "main", "--dir", "file://migrationz"],
    code: 2,
    first: MISSING,
  },
  {
    name: "status: --dir names no directory (checked before connecting)",
    args: () => ["migrate", "status", "--dir", "file://migrationz", "--url", UNREACHABLE],
    code: 2,
    first: MISSING,
  },
  {
    name: "apply: --dir names no directory (checked before connecting)",
    args: () => ["migrate", "apply", "--dir", "file://migrationz", "--url", UNREACHABLE],
    code: 2,
    first: MISSING,
  },
  {
    name: "down: --dir names no directory (checked before connecting)",
    args: () => ["migrate", "down", "--dir", "file://migrationz", "--url", UNREACHABLE],
    code: 2,
    first: MISSING,
  },
  {
    name: "validate: an absolute --dir that does not exist",
    args: (c) => ["migrate", "validate", "--dir", `file://${c.root}/nowhere/migrations`],
    code: 2,
    first: /^Error: migration directory ".*\/nowhere\/migrations" does not exist/,
  },
  {
    name: "validate: the default directory is missing",
    setup: (c) => rmSync(migrations(c), { recursive: true }),
    args: () => ["migrate", "validate"],
    code: 2,
    first: /^Error: migration directory "migrations" \(.*\) does not exist/,
  },
  {
    name: "hash: the default directory is missing (no directory is created)",
    setup: (c) => rmSync(migrations(c), { recursive: true }),
    args: () => ["migrate", "hash"],
    code: 2,
    first: MISSING,
  },
  {
    name: "validate: the env's migration.dir names no directory",
    setup: typoHcl,
    args: () => ["migrate", "validate", "--env", "typo"],
    code: 2,
    first: MISSING,
  },
  {
    name: "lint: the env's migration.dir names no directory",
    setup: typoHcl,
    args: () => ["migrate", "lint", "--latest", "1", "--env", "typo"],
    code: 2,
    first: MISSING,
  },
  {
    name: "validate: --dir names a file",
    args: () => ["migrate", "validate", "--dir", "file://atlas.hcl"],
    code: 2,
    first: NOT_A_DIR,
  },
  {
    name: "hash: --dir names a .sql file",
    args: () => ["migrate", "hash", "--dir", "file://migrations/20260101000000_init.sql"],
    code: 2,
    first: NOT_A_DIR,
  },
  {
    name: "diff: --dir names a file (not created over it)",
    args: (c) => ["diff", "x", "--dir", "file://atlas.hcl", "--to", wantSql(c)],
    code: 2,
    first: NOT_A_DIR,
  },
  {
    name: "diff --dry-run into a missing directory prints the file and creates nothing",
    args: (c) => ["diff", "x", "--dry-run", "--dir", "file://newdir", "--to", wantSql(c)],
    code: 0,
    first: /^-- \d{14}_x\.sql$/,
  },
  {
    name: "diff --check with a missing directory: exit 1, nothing created",
    args: (c) => ["diff", "--check", "--dir", "file://newdir", "--to", wantSql(c)],
    code: 1,
    first: /^Error: the migration directory is not in sync/,
  },
  {
    name: "diff into a missing directory creates it and says so",
    mayChange: true,
    args: (c) => ["diff", "x", "--dir", "file://newdir/m", "--to", wantSql(c)],
    code: 0,
    first: /^Wrote \d{14}_x\.sql \(2 statements\) and updated atlas\.sum$/,
  },
  {
    name: "diff into a missing directory that fails leaves no directory",
    args: (c) => ["diff", "x", "--dir", "file://newdir/m", "--to", `file://${c.root}/absent.sql`],
    code: 2,
    first: /^Error: source not found/,
  },
  {
    name: "status: --dir typo against a database changes nothing",
    db: true,
    args: (c) => ["migrate", "status", "--dir", "file://migrationz", "--url", c.url],
    code: 2,
    first: MISSING,
  },
  {
    name: "apply: --dir typo creates no revisions table",
    db: true,
    args: (c) => ["migrate", "apply", "--dir", "file://migrationz", "--url", c.url],
    code: 2,
    first: MISSING,
  },
  {
    name: "apply --dry-run: --dir typo",
    db: true,
    args: (c) => ["migrate", "apply", "--dry-run", "--dir", "file://migrationz", "--url", c.url],
    code: 2,
    first: MISSING,
  },
  {
    name: "apply: the env's migration.dir names no directory",
    db: true,
    setup: typoHcl,
    args: () => ["migrate", "apply", "--env", "typo"],
    code: 2,
    first: MISSING,
  },
  {
    name: "status: the env's migration.dir names no directory",
    db: true,
    setup: typoHcl,
    args: () => ["migrate", "status", "--env", "typo"],
    code: 2,
    first: MISSING,
  },
  {
    name: "down: --dir typo on an applied database reverts nothing",
    db: true,
    setup: applyNow,
    args: (c) => ["migrate", "down", "--dir", "file://migrationz", "--url", c.url],
    code: 2,
    first: MISSING,
  },
];

const duplicateRows: BadInputCase[] = [
  { name: "validate: two files of one version", setup: dup, args: () => ["migrate", "validate"], code: 2, first: DUP },
  {
    name: "lint: two files of one version",
    setup: dup,
    args: () => ["migrate", "lint", "--latest", "1"],
    code: 2,
    first: DUP,
  },
  {
    name: "hash: two files of one version (atlas.sum unchanged)",
    setup: dup,
    args: () => ["migrate", "hash"],
    code: 2,
    first: DUP,
  },
  {
    name: "diff: two files of one version",
    setup: dup,
    args: (c) => ["diff", "x", "--to", wantSql(c)],
    code: 2,
    first: DUP,
  },
  {
    name: "diff --check: two files of one version",
    setup: dup,
    args: (c) => ["diff", "--check", "--to", wantSql(c)],
    code: 2,
    first: DUP,
  },
  {
    name: "schema diff: a source directory with two files of one version",
    setup: dup,
    args: (c) => ["schema", "diff", "--from", "file://migrations", "--to", wantSql(c)],
    code: 2,
    first: DUP,
  },
  {
    name: "validate: one version with and without a description",
    setup: (c) => addFiles(c, { "20260101000000.sql": "SELECT 1;\n" }),
    args: () => ["migrate", "validate"],
    code: 2,
    first: /two migration files have version "20260101000000": 20260101000000\.sql and 20260101000000_init\.sql/,
  },
  {
    name: "apply: two files of one version (nothing applied)",
    db: true,
    setup: dup,
    args: (c) => ["migrate", "apply", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: DUP,
  },
  {
    name: "apply --dry-run: two files of one version",
    db: true,
    setup: dup,
    args: (c) => ["migrate", "apply", "--dry-run", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: DUP,
  },
  {
    name: "status: two files of one version",
    db: true,
    setup: dup,
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: DUP,
  },
  {
    name: "status: a duplicate added after apply (apply would skip it forever)",
    db: true,
    setup: (c) => {
      applyNow(c);
      dup(c);
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: DUP,
  },
  {
    name: "down: two files of one version",
    db: true,
    setup: (c) => {
      applyNow(c);
      dup(c);
    },
    args: (c) => ["migrate", "down", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: DUP,
  },
];

const versionRows: BadInputCase[] = [
  {
    name: "diff: a live lock of another diff is waited for, then refused in one line (exit 1), nothing written",
    setup: (c) => writeFileSync(join(migrations(c), DIR_LOCK_FILE), `${process.pid}\n`),
    args: (c) => ["diff", "x", "--lock-timeout", "200ms", "--to", wantSql(c)],
    code: 1,
    first: new RegExp(
      `^Error: another stats-db diff \\(pid ${process.pid}\\) is writing to the migration directory: try again when it is done, or remove .*${DIR_LOCK_FILE.replaceAll(".", "\\.")} if no such process runs$`,
    ),
  },
  {
    name: "diff: a bad --lock-timeout",
    args: (c) => ["diff", "x", "--lock-timeout", "soon", "--to", wantSql(c)],
    code: 2,
    first: /lock-timeout/,
  },
  {
    name: "diff: the latest version sorts after now and is no timestamp",
    setup: (c) => addFiles(c, { "9_late.sql": "-- a note\n" }),
    args: (c) => ["diff", "x", "--to", wantSql(c)],
    code: 2,
    first: /^Error: cannot pick a version after the directory's latest, "9": it is not a YYYYMMDDHHMMSS timestamp$/,
  },
  {
    name: "diff: a latest version in the future: the new file comes one second after it",
    mayChange: true,
    setup: (c) => addFiles(c, { "20991231235959_future.sql": "-- a note\n" }),
    args: (c) => ["diff", "x", "--to", wantSql(c)],
    code: 0,
    first: "Wrote 21000101000000_x.sql (1 statement) and updated atlas.sum",
  },
];

const NAMES = [
  "../../../../x",
  "../x",
  "a/b",
  "/tmp/x",
  "..",
  ".",
  "a b",
  " x",
  "x;touch pwned",
  "$HOME",
  "$(id)",
  "`id`",
  "x|y",
  "x>y",
  "*",
  "a\\b",
  "x.sql",
  "café",
  "a:b",
  "~",
  "x\ny",
  " ",
  "\t",
];
const nameRows: BadInputCase[] = [
  ...NAMES.map(
    (name): BadInputCase => ({
      name: `diff name ${JSON.stringify(name)}: exit 2, nothing written`,
      args: (c) => ["diff", name, "--to", wantSql(c)],
      code: 2,
      first: BAD_NAME(name),
    }),
  ),
  { name: "diff: an empty name", args: (c) => ["diff", "", "--to", wantSql(c)], code: 2, first: BAD_NAME("") },
  {
    name: "migrate diff: a path as the name",
    args: (c) => ["migrate", "diff", "../../../../x", "--to", wantSql(c)],
    code: 2,
    first: BAD_NAME("../../../../x"),
  },
  {
    name: "diff --dry-run: a path as the name",
    args: (c) => ["diff", "../x", "--dry-run", "--to", wantSql(c)],
    code: 2,
    first: BAD_NAME("../x"),
  },
  {
    name: "diff: a path as the name while the directory is synced",
    args: () => ["diff", "../x", "--to", "file://migrations"],
    code: 2,
    first: BAD_NAME("../x"),
  },
];

const statusRows: BadInputCase[] = [
  {
    name: "status: the database is ahead of the directory (an older checkout)",
    db: true,
    setup: (c) => {
      addFiles(c, { "20260103000000_c.sql": "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n" });
      applyNow(c);
      removeFiles(c, "20260103000000_c.sql");
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: OK",
  },
  {
    name: "status --format json: the database is ahead (Problems in the JSON, exit 1)",
    db: true,
    setup: (c) => {
      addFiles(c, { "20260103000000_c.sql": "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n" });
      applyNow(c);
      removeFiles(c, "20260103000000_c.sql");
    },
    args: (c) => ["migrate", "status", "--format", "json", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first:
      /^\{"Available".*"Problems":\["The database is ahead of the migration directory: version 20260103000000 is applied/,
  },
  {
    name: "status: an applied file was removed from the directory",
    db: true,
    setup: (c) => {
      applyNow(c);
      removeFiles(c, "20260101000000_init.sql");
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: OK",
  },
  {
    name: "status: an applied file was edited and rehashed (checksum mismatch)",
    db: true,
    setup: (c) => {
      applyNow(c);
      addFiles(c, { "20260101000000_init.sql": "CREATE TABLE `t1` (`id` bigint NOT NULL, PRIMARY KEY (`id`));\n" });
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: OK",
  },
  {
    name: "status: an applied file edited without rehashing (atlas.sum fails)",
    db: true,
    setup: (c) => {
      applyNow(c);
      writeFileSync(
        join(migrations(c), "20260101000000_init.sql"),
        "CREATE TABLE `t1` (`id` bigint NOT NULL, PRIMARY KEY (`id`));\n",
      );
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: OK",
  },
  {
    name: "status: after a killed run (partly applied, no error recorded)",
    db: true,
    setup: async (c) => {
      applyNow(c);
      await c.conn!.query("UPDATE atlas_schema_revisions SET applied = 0, total = 1 WHERE version = '20260102000000'");
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: PENDING",
  },
  {
    name: "status: a file that failed",
    db: true,
    setup: (c) => {
      addFiles(c, {
        "20260103000000_bad.sql":
          "ALTER TABLE `t1` ADD COLUMN `d` int NULL;\nALTER TABLE `t1` ADD COLUMN `b` int NULL;\n",
      });
      applyNow(c);
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: PENDING",
  },
  {
    name: "status: a file added out of order",
    db: true,
    setup: (c) => {
      applyNow(c);
      addFiles(c, { "20260101500000_late.sql": "ALTER TABLE `t1` ADD COLUMN `e` int NULL;\n" });
    },
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 1,
    first: "Migration Status: PENDING",
  },
  {
    name: "status: only pending files is not a problem (exit 0)",
    db: true,
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 0,
    first: "Migration Status: PENDING",
  },
  {
    name: "status: up to date (exit 0)",
    db: true,
    setup: applyNow,
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 0,
    first: "Migration Status: OK",
  },
];

const driftRows: BadInputCase[] = [
  {
    name: "schema diff --exit-code: changes exit 1",
    args: (c) => ["schema", "diff", "--exit-code", "--from", "file://migrations", "--to", wantSql(c)],
    code: 1,
    first: "Error: the schemas differ: 1 change (the statements above)",
  },
  {
    name: "schema diff --exit-code: synced exits 0",
    args: () => ["schema", "diff", "--exit-code", "--from", "file://migrations", "--to", "file://migrations"],
    code: 0,
    first: "Schemas are synced, no changes to be made.",
  },
  {
    name: "schema diff --exit-code: a column added by hand is drift (exit 1)",
    db: true,
    setup: async (c) => {
      applyNow(c);
      await c.conn!.query("ALTER TABLE t1 ADD COLUMN hotfix int NULL");
    },
    args: (c) => ["schema", "diff", "--exit-code", "--from", c.url, "--to", "file://migrations"],
    code: 1,
    first: "Error: the schemas differ: 1 change (the statements above)",
  },
  {
    name: "schema diff --exit-code: an applied database has no drift (exit 0)",
    db: true,
    setup: applyNow,
    args: (c) => ["schema", "diff", "--exit-code", "--from", c.url, "--to", "file://migrations"],
    code: 0,
    first: "Schemas are synced, no changes to be made.",
  },
  {
    name: "schema diff: mem://embedded?version=none outside the binary",
    args: () => ["schema", "diff", "--from", "mem://embedded?version=none", "--to", "file://migrations"],
    code: 2,
    first: /^Error: mem:\/\/embedded exists only in the compiled binary/,
  },
];

const utf8Rows: BadInputCase[] = [
  {
    name: "validate: a file that is not UTF-8",
    setup: latin1,
    args: () => ["migrate", "validate"],
    code: 2,
    first: LATIN1,
  },
  {
    name: "lint: a file that is not UTF-8",
    setup: latin1,
    args: () => ["migrate", "lint", "--latest", "1"],
    code: 2,
    first: LATIN1,
  },
  { name: "hash: a file that is not UTF-8", setup: latin1, args: () => ["migrate", "hash"], code: 2, first: LATIN1 },
  {
    name: "diff: a file that is not UTF-8",
    setup: latin1,
    args: (c) => ["diff", "x", "--to", wantSql(c)],
    code: 2,
    first: LATIN1,
  },
  {
    name: "schema diff: a source directory with a file that is not UTF-8",
    setup: latin1,
    args: (c) => ["schema", "diff", "--from", "file://migrations", "--to", wantSql(c)],
    code: 2,
    first: LATIN1,
  },
  {
    name: "validate: a file cut in the middle of a UTF-8 sequence",
    setup: (c) => addFiles(c, { "20260103000000_cut.sql": new Uint8Array([...Buffer.from("SELECT 'caf"), 0xc3]) }),
    args: () => ["migrate", "validate"],
    code: 2,
    first:
      "Error: migration file 20260103000000_cut.sql is not valid UTF-8 (first bad byte at offset 11): save it as UTF-8",
  },
  {
    name: "validate: a UTF-16 file",
    setup: (c) => addFiles(c, { "20260103000000_utf16.sql": new Uint8Array([0xff, 0xfe, 0x53, 0x00]) }),
    args: () => ["migrate", "validate"],
    code: 2,
    first: /^Error: migration file 20260103000000_utf16\.sql is not valid UTF-8 \(first bad byte at offset 0\)/,
  },
  {
    name: "apply: a file that is not UTF-8 (nothing applied)",
    db: true,
    setup: latin1,
    args: (c) => ["migrate", "apply", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: LATIN1,
  },
  {
    name: "status: a file that is not UTF-8",
    db: true,
    setup: latin1,
    args: (c) => ["migrate", "status", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: LATIN1,
  },
  {
    name: "down: a file that is not UTF-8",
    db: true,
    setup: (c) => {
      applyNow(c);
      latin1(c);
    },
    args: (c) => ["migrate", "down", "--url", c.url, "--dir", c.dirUrl],
    code: 2,
    first: LATIN1,
  },
];

export const cases: readonly BadInputCase[] = [
  ...missingDirRows,
  ...duplicateRows,
  ...versionRows,
  ...nameRows,
  ...statusRows,
  ...driftRows,
  ...utf8Rows,
].map((c) => ({
  ...c,
  setup: async (ctx: CaseContext) => {
    writeWant(ctx);
    await c.setup?.(ctx);
  },
}));
