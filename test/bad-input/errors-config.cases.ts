import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { memoryDir } from "../../src/migrate/dir.ts";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { repoRoot } from "../cli/run-cli.ts";
import { BASE_FILES, type BadInputCase, type CaseContext } from "./harness.ts";
import { gitIn } from "../support/git.ts";

/** A URL nothing listens on (connection refused at once). */
const DEAD = "mysql://root@127.0.0.1:1/x";

/** Replaces the project's atlas.hcl. */
const hcl = (text: string) => (c: CaseContext) => writeFileSync(join(c.root, "atlas.hcl"), text);

/** An env "local" whose migration block holds `extra` (one line). */
const localWith = (extra: string) =>
  hcl(`env "local" {\n  url = "${DEAD}"\n  migration {\n    dir = "file://migrations"\n    ${extra}\n  }\n}\n`);

/** Writes an entities module in the project (importing the builders from this repository). */
const entities = (body: string) => (c: CaseContext) =>
  writeFileSync(
    join(c.root, "ents.ts"),
    `import { col, table } from ${JSON.stringify(join(repoRoot, "src", "entities", "index.ts"))};\n${body}\n`,
  );

const dbCommands: [string, (c: CaseContext) => string[]][] = [
  ["migrate status", (c) => ["migrate", "status", "--dir", c.dirUrl]],
  ["migrate apply", (c) => ["migrate", "apply", "--dir", c.dirUrl]],
  ["migrate down", (c) => ["migrate", "down", "--dir", c.dirUrl]],
  ["schema inspect", () => ["schema", "inspect"]],
  ["schema apply", () => ["schema", "apply", "--to", "file://migrations", "--auto-approve"]],
  ["schema clean", () => ["schema", "clean", "--auto-approve"]],
];

/** `migrate apply` creates Atlas's (empty) revisions table before these checks, as Atlas does: the database may change. */
const CREATES_REVISIONS_TABLE = true;

export const cases: readonly BadInputCase[] = [
  // ── Usage: exit 2 ──────────────────────────────────────────────────────────────────────────────────────────────
  ...dbCommands.map(
    ([name, args]): BadInputCase => ({
      name: `${name}: no --url and no env`,
      args,
      code: 2,
      first: 'Error: required flag "url" not set',
    }),
  ),
  {
    name: "an unknown command",
    args: () => ["migrate", "aply"],
    code: 2,
    first: /^Error: unknown command "migrate aply"/,
  },
  {
    name: "apply: amount 0",
    args: (c) => ["migrate", "apply", "0", "--dir", c.dirUrl, "--url", DEAD],
    code: 2,
    first: "Error: cannot apply '0' migration files",
  },
  {
    name: "apply: an amount that is not a number",
    args: (c) => ["migrate", "apply", "two", "--dir", c.dirUrl, "--url", DEAD],
    code: 2,
    first: /^Error: invalid amount argument "two"/,
  },
  {
    name: "down: amount 0",
    args: (c) => ["migrate", "down", "0", "--dir", c.dirUrl, "--url", DEAD],
    code: 2,
    first: "Error: cannot revert '0' migration files",
  },
  {
    name: "apply: an unknown --exec-order",
    args: (c) => ["migrate", "apply", "--exec-order", "sideways", "--dir", c.dirUrl, "--url", DEAD],
    code: 2,
    first: /^Error: unknown exec-order "sideways"/,
  },
  {
    name: "schema diff: an unknown --flavor",
    args: () => ["schema", "diff", "--from", "file://migrations", "--to", "file://migrations", "--flavor", "oracle"],
    code: 2,
    first: /^Error: unknown --flavor "oracle"/,
  },
  {
    name: "schema inspect: an unknown --format",
    args: () => ["schema", "inspect", "--format", "yaml", "--url", DEAD],
    code: 2,
    first: /^Error: unknown --format "yaml"/,
  },
  {
    name: "lint: --latest not a number",
    args: () => ["migrate", "lint", "--latest", "x"],
    code: 2,
    first: 'Error: --latest needs a whole number, got "x"',
  },
  {
    name: "lint: --git-base outside a git repository",
    args: () => ["migrate", "lint", "--git-base", "main"],
    code: 2,
    first: /^Error: git diff against "main" failed/,
  },

  // ── Bad input: malformed URLs, durations, directories: exit 2 ─────────────────────────────────────────────────
  {
    name: "a URL that does not parse",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", "mysql://root@127.0.0.1:notaport/x"],
    code: 2,
    first: /^Error: invalid database URL/,
  },
  {
    name: "a URL of another database",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", "postgres://root@127.0.0.1/x"],
    code: 2,
    first: /^Error: invalid database URL.*scheme/,
  },
  {
    name: "a URL with an unknown tls value",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", "mysql://root@127.0.0.1/x?tls=maybe"],
    code: 2,
    first: /^Error: invalid database URL.*tls/,
  },
  {
    name: "a URL with a bad timeout duration",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", "mysql://root@127.0.0.1/x?timeout=soon"],
    code: 2,
    first: /^Error: invalid database URL.*invalid duration "soon"/,
  },
  {
    name: "a --dir of an unknown scheme",
    args: () => ["migrate", "status", "--dir", "s3://bucket/migrations", "--url", DEAD],
    code: 2,
    first: 'Error: unsupported driver "s3"',
  },
  {
    name: "a --dir without a scheme",
    args: () => ["migrate", "status", "--dir", "migrations", "--url", DEAD],
    code: 2,
    first: /^Error: missing scheme for dir url/,
  },
  {
    name: "a --dir in another format",
    args: (c) => ["migrate", "status", "--dir", `${c.dirUrl}?format=flyway`, "--url", DEAD],
    code: 2,
    first: /^Error: dir format "flyway" is not supported/,
  },

  // ── Entities: exit 2 ──────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "entities that export no table",
    setup: entities("export const nothing = 1;"),
    args: () => ["schema", "diff", "--from", "file://migrations", "--to", "ents.ts"],
    code: 2,
    first: /^Error: \S*ents\.ts exports no tables/,
  },
  {
    name: "an entity whose primary key names a missing column",
    setup: entities('export const t = table("t", { id: col.int() }, { primaryKey: ["nope"] });'),
    args: () => ["schema", "diff", "--from", "file://migrations", "--to", "ents.ts"],
    code: 2,
    first: /^Error: \S*ents\.ts: 1 problem in the entities; nothing was written/,
  },
  {
    name: "an entities module that does not load",
    setup: entities("export const t = ;"),
    args: () => ["schema", "diff", "--from", "file://migrations", "--to", "ents.ts"],
    code: 2,
    first: /^Error: ents\.ts:2:18: syntax error: Unexpected ;$/,
  },
  {
    name: "an entities path that does not exist",
    args: () => ["schema", "diff", "--from", "file://migrations", "--to", "nope.ts"],
    code: 2,
    first: /^Error: source not found: nope\.ts/,
  },

  // ── atlas.hcl: exit 2 with file:line ──────────────────────────────────────────────────────────────────────────
  {
    name: "atlas.hcl: an unknown --env",
    args: () => ["migrate", "status", "--env", "staging"],
    code: 2,
    first: 'Error: atlas.hcl: env "staging" not defined in project file (defined: "local")',
  },
  {
    name: "atlas.hcl: --env with no project file",
    args: () => ["migrate", "status", "--env", "local", "--config", "file://nope.hcl"],
    code: 2,
    first: /^Error: --env local given but the project file .*nope\.hcl does not exist/,
  },
  {
    name: "atlas.hcl: a syntax error",
    setup: hcl('env "local" {\n  url = \n}\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:2:\d+: /,
  },
  {
    name: "atlas.hcl: an unclosed block",
    setup: hcl('env "local" {\n  url = "x"\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:\d+:\d+: expected "}"/,
  },
  {
    name: "atlas.hcl: an unknown attribute in an env",
    setup: hcl('env "local" {\n  ur = getenv("STATS_DB_URL")\n}\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:2:3: unknown attribute "ur" in env "local" \(expected one of: url, dev/,
  },
  {
    name: "atlas.hcl: an unknown block in an env",
    setup: hcl('env "local" {\n  url = "x"\n  migrations {\n    dir = "file://migrations"\n  }\n}\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:3:3: unknown block "migrations" in env "local" \(expected one of: migration/,
  },
  {
    name: "atlas.hcl: an unknown attribute in a migration block",
    setup: localWith('revision_schema = "x"'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:5:5: unknown attribute "revision_schema" in env "local" > migration/,
  },
  {
    name: "atlas.hcl: an unknown block in a migration block",
    setup: localWith("lock {\n    }"),
    args: () => ["migrate", "apply", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:5:5: unknown block "lock" in env "local" > migration \(expected one of: repo\)/,
  },
  {
    name: "atlas.hcl: an unknown attribute in the global lint block",
    setup: hcl("lint {\n  lastest = 1\n}\n" + 'env "local" {\n}\n'),
    args: () => ["migrate", "lint", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:2:3: unknown attribute "lastest" in lint/,
  },
  {
    name: "atlas.hcl: an unknown analyzer in an env's lint block",
    setup: hcl('env "local" {\n  lint {\n    destructiv {\n      error = false\n    }\n  }\n}\n'),
    args: () => ["migrate", "lint", "--env", "local", "--latest", "1"],
    code: 2,
    first: /^Error: atlas\.hcl:3:5: unknown block "destructiv" in env "local" > lint/,
  },
  {
    name: "atlas.hcl: a misspelt analyzer option",
    setup: hcl('lint {\n  destructive {\n    errors = false\n  }\n}\nenv "local" {\n}\n'),
    args: () => ["migrate", "lint", "--env", "local", "--latest", "1"],
    code: 2,
    first: /^Error: atlas\.hcl:3:5: unknown attribute "errors" in lint > destructive \(expected one of: error\)/,
  },
  {
    name: "atlas.hcl: an unknown top-level block",
    setup: hcl('environment "local" {\n}\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:1:1: unknown block "environment" at the top level/,
  },
  {
    name: "atlas.hcl: two env blocks of one name",
    setup: hcl(`env "local" {\n  url = "${DEAD}"\n}\n\nenv "local" {\n  url = "${DEAD}"\n}\n`),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: 'Error: atlas.hcl:5:1: env "local" is defined twice (first at line 1)',
  },
  {
    name: "atlas.hcl: an undeclared --var",
    args: () => ["migrate", "status", "--env", "local", "--var", "tenant=a"],
    code: 2,
    first: /^Error: atlas\.hcl:1:1: --var tenant is not declared: add a variable "tenant" block/,
  },
  {
    name: "--var without --env",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--var", "tenant=a", "--url", DEAD],
    code: 2,
    first: "Error: --var sets atlas.hcl variables: it needs --env",
  },
  {
    name: "atlas.hcl: a --var of a number variable given text",
    setup: hcl('variable "n" {\n  type = number\n  default = 1\n}\nenv "local" {\n}\n'),
    args: () => ["migrate", "status", "--env", "local", "--var", "n=many"],
    code: 2,
    first: 'Error: atlas.hcl:1:1: variable "n" expects a number',
  },
  {
    name: "atlas.hcl: a required variable without --var",
    setup: hcl('variable "tenant" {\n  type = string\n}\nenv "local" {\n}\n'),
    args: () => ["migrate", "status", "--env", "local"],
    code: 2,
    first: /^Error: atlas\.hcl:1:1: missing value for required variable "tenant"/,
  },
  {
    name: "atlas.hcl: a bad lock_timeout",
    setup: localWith('lock_timeout = "soon"'),
    args: () => ["migrate", "apply", "--env", "local"],
    code: 2,
    first: /^Error: invalid --lock-timeout: time: invalid duration "soon"/,
  },
  {
    name: "atlas.hcl: the env's url reads an unset variable",
    args: () => ["migrate", "status", "--env", "local"],
    env: { STATS_DB_URL: "" },
    code: 2,
    first: "Error: STATS_DB_URL is not set (atlas.hcl:2): export it or pass --url",
  },
  {
    name: "atlas.hcl: the env's url comes from a variable whose default reads an unset variable",
    setup: hcl(
      'variable "url" {\n  type    = string\n  default = getenv("APP_DB_URL")\n}\n\nenv "prod" {\n  url = var.url\n}\n',
    ),
    args: () => ["migrate", "apply", "--env", "prod", "--dry-run"],
    env: { APP_DB_URL: "" },
    code: 2,
    first: "Error: APP_DB_URL is not set (atlas.hcl:3): export it or pass --url",
  },
  {
    name: "atlas.hcl: an unset url for schema clean",
    args: () => ["schema", "clean", "--env", "local", "--auto-approve"],
    env: { STATS_DB_URL: "" },
    code: 2,
    first: /^Error: STATS_DB_URL is not set \(atlas\.hcl:2\)/,
  },

  // ── lint --git-base: files not committed yet are new (issue 9, item 12) ────────────────────────────────────────
  {
    name: "lint --git-base main: an untracked file newer than the committed ones does not make them 'added out of order'",
    setup: (c) => {
      const git = gitIn(c.root);
      git("init", "-q", "-b", "main");
      git("add", "migrations/20260101000000_init.sql");
      git("commit", "-qm", "base");
      git("checkout", "-qb", "feature");
      git("add", ".");
      git("commit", "-qm", "feature");
      writeFileSync(
        join(c.root, "migrations", "20260103000000_add_c.sql"),
        "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n",
      );
      const files = ["20260101000000_init.sql", "20260102000000_add_b.sql", "20260103000000_add_c.sql"].map((name) => ({
        name,
        bytes: readFileSync(join(c.root, "migrations", name)),
      }));
      writeFileSync(join(c.root, "migrations", "atlas.sum"), formatSum(computeSum(files)));
    },
    args: () => ["migrate", "lint", "--git-base", "main"],
    code: 0,
    first: "Analyzing changes from version 20260101000000 to 20260103000000 (2 migrations in total):",
  },

  // ── A revisions table an Atlas < 0.8 created (no error_stmt) is read, not refused (issue 9, item 15) ──────────────
  {
    name: "status on a revisions table Atlas 0.7 created (no error_stmt): read as it is, nothing changed",
    db: true,
    setup: async (c) => {
      await c.conn!.query(
        "CREATE TABLE `atlas_schema_revisions` (`version` varchar(255) NOT NULL, `description` varchar(255) NOT NULL, `type` bigint unsigned NOT NULL DEFAULT 2, `applied` bigint NOT NULL DEFAULT 0, " +
          "`total` bigint NOT NULL DEFAULT 0, `executed_at` timestamp NULL, `execution_time` bigint NOT NULL, `error` longtext NULL, `hash` varchar(255) NOT NULL, `partial_hashes` json NULL, " +
          "`operator_version` varchar(255) NOT NULL, PRIMARY KEY (`version`)) CHARSET utf8mb4 COLLATE utf8mb4_bin",
      );
      await c.conn!.query("CREATE TABLE `t1` (`id` int NOT NULL, PRIMARY KEY (`id`))");
      // The applied file's real hash: status compares it with the directory.
      const hash = computeSum(memoryDir(BASE_FILES).files()).entries[0]!.hash;
      await c.conn!.query(
        "INSERT INTO `atlas_schema_revisions` VALUES ('20260101000000', 'init', 2, 1, 1, NOW(), 1000, '', ?, 'null', 'Atlas CLI v0.7.2')",
        [hash],
      );
    },
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", c.url],
    code: 0,
    first: "Migration Status: PENDING",
  },

  // ── Failures: exit 1 ──────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "a refused connection",
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", DEAD],
    code: 1,
    first: /^Error: connection refused by 127\.0\.0\.1/,
  },
  {
    name: "a checksum mismatch (validate)",
    setup: (c) =>
      writeFileSync(
        join(c.root, "migrations", "20260102000000_add_b.sql"),
        "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n",
      ),
    args: (c) => ["migrate", "validate", "--dir", c.dirUrl],
    code: 1,
    first: "Error: checksum mismatch",
  },
  {
    name: "a checksum mismatch (apply)",
    db: true,
    setup: (c) =>
      writeFileSync(
        join(c.root, "migrations", "20260102000000_add_b.sql"),
        "ALTER TABLE `t1` ADD COLUMN `c` int NULL;\n",
      ),
    args: (c) => ["migrate", "apply", "--dir", c.dirUrl, "--url", c.url],
    code: 1,
    first: "Error: checksum mismatch",
  },
  {
    name: "a wrong password",
    db: true,
    args: (c) => ["migrate", "status", "--dir", c.dirUrl, "--url", c.url.replace(/:[^:@/]+@/, ":wrong-password@")],
    code: 1,
    first: /^Error: access denied/,
  },
  {
    name: "the apply lock is held by another session",
    db: true,
    setup: async (c) => void (await c.conn!.query("SELECT GET_LOCK('atlas_migrate_execute', 0)")),
    args: (c) => ["migrate", "apply", "--lock-timeout", "0s", "--dir", c.dirUrl, "--url", c.url],
    code: 1,
    first: /^Error: acquiring database lock: sql\/schema: lock is held by other session/,
  },
  {
    name: "a database with tables and no revisions",
    db: true,
    mayChange: CREATES_REVISIONS_TABLE,
    setup: async (c) => void (await c.conn!.query("CREATE TABLE stray (id int)")),
    args: (c) => ["migrate", "apply", "--dir", c.dirUrl, "--url", c.url],
    code: 1,
    first: /^Error: sql\/migrate: connected database is not clean/,
  },
  {
    name: "a statement the server rejects",
    db: true,
    mayChange: true,
    setup: (c) => {
      writeFileSync(join(c.root, "migrations", "20260103000000_bad.sql"), "ALTER TABLE `nope` ADD COLUMN `x` int;\n");
      const files = ["20260101000000_init.sql", "20260102000000_add_b.sql", "20260103000000_bad.sql"].map((name) => ({
        name,
        bytes: readFileSync(join(c.root, "migrations", name)),
      }));
      writeFileSync(join(c.root, "migrations", "atlas.sum"), formatSum(computeSum(files)));
    },
    args: (c) => ["migrate", "apply", "--dir", c.dirUrl, "--url", c.url],
    code: 1,
    first:
      /^Error: sql\/migrate: executing statement "ALTER TABLE `nope` ADD COLUMN `x` int;" from version "20260103000000": Error 1146/,
  },
  {
    name: "apply: a --to-version the directory lacks",
    db: true,
    mayChange: CREATES_REVISIONS_TABLE,
    args: (c) => ["migrate", "apply", "--to-version", "29990101000000", "--dir", c.dirUrl, "--url", c.url],
    code: 2,
    first: 'Error: sql/migrate: migration with version "29990101000000" not found',
  },
  {
    name: "apply: --baseline with --allow-dirty",
    db: true,
    args: (c) => [
      "migrate",
      "apply",
      "--baseline",
      "20260101000000",
      "--allow-dirty",
      "--dir",
      c.dirUrl,
      "--url",
      c.url,
    ],
    code: 2,
    first: "Error: sql/migrate: baseline and allow-dirty are mutually exclusive",
  },
  {
    name: "apply: a --baseline the directory lacks",
    db: true,
    mayChange: CREATES_REVISIONS_TABLE,
    setup: async (c) => void (await c.conn!.query("CREATE TABLE stray (id int)")),
    args: (c) => ["migrate", "apply", "--baseline", "20250101000000", "--dir", c.dirUrl, "--url", c.url],
    code: 2,
    first: 'Error: baseline version "20250101000000" not found',
  },
];
