/**
 * Entities the server would reject, entity modules that do not load, and new migration files the dev database
 * refuses (issue 9, item 10): each is refused before anything is written — one line naming the table and column, or
 * `file:line:column` for a module — and `migrate lint --dev-url` fails on a statement the server refuses.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { computeSum, formatSum } from "../../src/migrate/dir/sum.ts";
import { repoRoot } from "../cli/run-cli.ts";
import type { BadInputCase, CaseContext } from "./harness.ts";

const DSL = JSON.stringify(join(repoRoot, "src", "entities", "index.ts"));
const L = (n: number, c = "a") => c.repeat(n);

/** Writes `ents.ts` in the project: the DSL import on line 1, then `body`. */
const entities =
  (body: string, file = "ents.ts") =>
  (c: CaseContext) => {
    mkdirSync(join(c.root, file, ".."), { recursive: true });
    writeFileSync(join(c.root, file), `import { col, table } from ${DSL};\n${body}\n`);
  };

/** One table `t` declared with `columns` (an object literal's inside) and `spec`. */
const oneTable = (columns: string, spec = "{}") =>
  entities(`export const tables = [table("t", { ${columns} }, ${spec})];`);

const ONE_PROBLEM = /^Error: \S*ents\.ts: 1 problem in the entities; nothing was written$/;
const schemaDiff = () => ["schema", "diff", "--from", "file://migrations", "--to", "ents.ts"];
const migrateDiff = (c: CaseContext) => [
  "migrate",
  "diff",
  "x",
  "--dir",
  c.dirUrl,
  "--to",
  `file://${join(c.root, "ents.ts")}`,
];

/** A rule of the server, shown by `schema diff` and `migrate diff` (the problem line is the second line). */
const rule = (name: string, setup: (c: CaseContext) => void): BadInputCase[] => [
  { name: `schema diff: ${name}`, setup, args: schemaDiff, code: 2, first: ONE_PROBLEM },
  { name: `migrate diff: ${name}, no file written`, setup, args: migrateDiff, code: 2, first: ONE_PROBLEM },
];

const members = (n: number) => Array.from({ length: n }, (_, i) => `"v${i}"`).join(", ");
const tinyints = (n: number) => Array.from({ length: n }, (_, i) => `c${i}: col.tinyint()`).join(", ");
const names = (n: number) => Array.from({ length: n }, (_, i) => `"c${i}"`).join(", ");
const parent = 'const p = table("p", { id: col.int() }, { primaryKey: ["id"] });';

const serverRules: BadInputCase[] = [
  ...rule("a table name of 65 characters", entities(`export const tables = [table("${L(65)}", { a: col.int() })];`)),
  ...rule("a column name of 65 characters", oneTable(`${L(65)}: col.int()`)),
  ...rule("a column name of 65 two-byte characters", oneTable(`${L(65, "é")}: col.int()`)),
  ...rule(
    "an index name of 65 characters",
    oneTable("a: col.int()", `{ indexes: [{ name: "${L(65)}", columns: ["a"] }] }`),
  ),
  ...rule(
    "a foreign key name of 65 characters",
    entities(
      `${parent}\nexport const tables = [p, table("t", { p: col.int() }, { foreignKeys: [{ name: "${L(65)}", columns: ["p"], references: { table: p, columns: ["id"] } }] })];`,
    ),
  ),
  ...rule(
    "a check name of 65 characters",
    oneTable("a: col.int()", `{ checks: [{ name: "${L(65)}", expr: "a > 0" }] }`),
  ),
  ...rule("a column name ending with a space", oneTable('"a ": col.int()')),
  ...rule("an ENUM with a member twice", oneTable('a: col.enum(["x", "y", "x"])')),
  ...rule("an ENUM with members differing only in case", oneTable('a: col.enum(["draft", "Draft"])')),
  ...rule("an ENUM with members differing only in trailing spaces", oneTable('a: col.enum(["x", "x "])')),
  ...rule("a SET with members differing only in case", oneTable('a: col.set(["ab", "AB"])')),
  ...rule(
    "a binary-collated ENUM with a member twice",
    oneTable('a: col.enum(["x", "x"], { collate: "utf8mb4_bin" })'),
  ),
  ...rule("an ENUM member of 256 characters", oneTable(`a: col.enum(["${L(256)}"])`)),
  ...rule("a SET member of 256 characters", oneTable(`a: col.set(["x", "${L(256)}"])`)),
  ...rule("a SET of 65 members", oneTable(`a: col.set([${members(65)}])`)),
  ...rule("a SET member with a comma", oneTable('a: col.set(["a,b"])')),
  ...rule("an ENUM without members", oneTable("a: col.enum([])")),
  ...rule("a column comment of 1025 characters", oneTable(`a: col.int({ comment: "${L(1025)}" })`)),
  ...rule("a table comment of 2049 characters", oneTable("a: col.int()", `{ comment: "${L(2049)}" }`)),
  ...rule(
    "an index comment of 1025 characters",
    oneTable("a: col.int()", `{ indexes: [{ name: "i", columns: ["a"], comment: "${L(1025)}" }] }`),
  ),
  ...rule("a table of 4097 columns", oneTable(tinyints(4097))),
  ...rule(
    "an index of 17 parts (MySQL)",
    oneTable(tinyints(17), `{ indexes: [{ name: "i", columns: [${names(17)}] }] }`),
  ),
  ...rule("a primary key of 17 parts (MySQL)", oneTable(tinyints(17), `{ primaryKey: [${names(17)}] }`)),
  ...rule(
    "66 indexes with the primary key (MySQL)",
    oneTable(
      "a: col.int()",
      `{ primaryKey: ["a"], indexes: Array.from({ length: 65 }, (_, i) => ({ name: "k" + i, columns: ["a"] })) }`,
    ),
  ),
  {
    name: "schema diff --flavor mariadb: an index of 33 parts",
    setup: oneTable(tinyints(33), `{ indexes: [{ name: "i", columns: [${names(33)}] }] }`),
    args: () => [...schemaDiff(), "--flavor", "mariadb"],
    code: 2,
    first: ONE_PROBLEM,
  },
  {
    name: "schema diff --flavor mariadb: 65 indexes with the primary key",
    setup: oneTable(
      "a: col.int()",
      `{ primaryKey: ["a"], indexes: Array.from({ length: 64 }, (_, i) => ({ name: "k" + i, columns: ["a"] })) }`,
    ),
    args: () => [...schemaDiff(), "--flavor", "mariadb"],
    code: 2,
    first: ONE_PROBLEM,
  },
  {
    name: "schema diff: three server limits in one table are three problems",
    setup: oneTable(`${L(65)}: col.enum(["x", "X"], { comment: "${L(1025)}" })`),
    args: schemaDiff,
    code: 2,
    first: /^Error: \S*ents\.ts: 3 problems in the entities; nothing was written$/,
  },
  {
    name: "schema apply: a column name of 65 characters changes nothing in the database",
    db: true,
    setup: oneTable(`${L(65)}: col.int()`),
    args: (c) => ["schema", "apply", "--url", c.url, "--to", "ents.ts", "--auto-approve"],
    code: 2,
    first: ONE_PROBLEM,
  },
  {
    name: "schema apply: duplicate ENUM members change nothing in the database",
    db: true,
    setup: oneTable('a: col.enum(["x", "X"])'),
    args: (c) => ["schema", "apply", "--url", c.url, "--to", "ents.ts", "--auto-approve"],
    code: 2,
    first: ONE_PROBLEM,
  },
];

/** A helper module the entities import, and `ents.ts` importing it. */
const withHelper = (helper: string) => (c: CaseContext) => {
  writeFileSync(join(c.root, "helper.ts"), helper);
  entities('import { make } from "./helper.ts";\nexport const tables = [make()];')(c);
};

const moduleErrors: BadInputCase[] = [
  {
    name: "schema diff: a syntax error in the entities",
    setup: entities('export const tables = [\n  table("t", { id: col.int( }),\n];'),
    args: schemaDiff,
    code: 2,
    first: "Error: ents.ts:3:29: syntax error: Unexpected }",
  },
  {
    name: "migrate diff: a syntax error in the entities, no file written",
    setup: entities('export const tables = [\n  table("t", { id: col.int( }),\n];'),
    args: migrateDiff,
    code: 2,
    first: "Error: ents.ts:3:29: syntax error: Unexpected }",
  },
  {
    name: "schema diff: an unterminated string in the entities",
    setup: entities('export const tables = [table("t, { id: col.int() })];'),
    args: schemaDiff,
    code: 2,
    first: /^Error: ents\.ts:2:\d+: syntax error: /,
  },
  {
    name: "schema diff: the entities module throws",
    setup: entities('const x = 1;\nthrow new Error("no tables today");'),
    args: schemaDiff,
    code: 2,
    first: /^Error: ents\.ts:3:\d+: the module threw Error: no tables today$/,
  },
  {
    name: "schema diff: the entities call something undefined",
    setup: entities('const f = (): any => undefined;\nexport const tables = [table("t", { id: f().x })];'),
    args: schemaDiff,
    code: 2,
    first: /^Error: ents\.ts:3:\d+: the module threw TypeError: /,
  },
  {
    name: "schema diff: a builder given nonsense points at the entity line",
    setup: entities('export const tables = [\n  table("t", { a: col.enum(null as any) }),\n];'),
    args: schemaDiff,
    code: 2,
    first: /^Error: ents\.ts:3:\d+: the module threw TypeError: /,
  },
  {
    name: "schema diff: a helper module of the entities throws",
    setup: withHelper('export function make(): never {\n  throw new RangeError("bad helper");\n}\n'),
    args: schemaDiff,
    code: 2,
    first: /^Error: helper\.ts:2:\d+: the module threw RangeError: bad helper$/,
  },
  {
    name: "schema diff: a syntax error in a helper module of the entities",
    setup: withHelper("export function make( {\n}\n"),
    args: schemaDiff,
    code: 2,
    first: /^Error: helper\.ts:2:\d+: syntax error: /,
  },
  {
    name: "migrate diff --to file://entities: a syntax error in the folder's index.ts",
    setup: entities("export const tables = [;", "entities/index.ts"),
    args: (c) => ["migrate", "diff", "x", "--dir", c.dirUrl, "--to", "file://entities"],
    code: 2,
    first: /^Error: entities\/index\.ts:2:\d+: syntax error: /,
  },
  {
    name: "schema apply: a syntax error in the entities changes nothing in the database",
    db: true,
    setup: entities("export const tables = [;"),
    args: (c) => ["schema", "apply", "--url", c.url, "--to", "ents.ts", "--auto-approve"],
    code: 2,
    first: /^Error: ents\.ts:2:\d+: syntax error: /,
  },
];

/** Adds a third migration file (after the base two) and rewrites atlas.sum. */
const newFile = (text: string) => (c: CaseContext) => {
  const dir = join(c.root, "migrations");
  writeFileSync(join(dir, "20260103000000_new.sql"), text);
  const files = readdirSync(dir)
    .filter((n) => n.endsWith(".sql"))
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  writeFileSync(join(dir, "atlas.sum"), formatSum(computeSum(files)));
};

const LINT_HEAD = "Analyzing changes from version 20260102000000 to 20260103000000 (1 migration in total):";
const lintDev = (c: CaseContext) => ["migrate", "lint", "--dir", c.dirUrl, "--latest", "1", "--dev-url", c.url];

const lintRows: BadInputCase[] = [
  {
    name: "lint --dev-url: a default the server refuses",
    db: true,
    setup: newFile("ALTER TABLE `t1` ADD COLUMN `c` int NULL DEFAULT 'abc';\n"),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url: a table name of 65 characters",
    db: true,
    setup: newFile(`CREATE TABLE \`${L(65)}\` (\`id\` int NOT NULL);\n`),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url: a column name of 65 characters",
    db: true,
    setup: newFile(`ALTER TABLE \`t1\` ADD COLUMN \`${L(65)}\` int NULL;\n`),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url: duplicate ENUM members",
    db: true,
    setup: newFile("ALTER TABLE `t1` ADD COLUMN `e` enum('x','X') NULL;\n"),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url: a column comment of 1025 characters",
    db: true,
    setup: newFile(`ALTER TABLE \`t1\` ADD COLUMN \`c\` int NULL COMMENT '${L(1025)}';\n`),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url: the second statement refused after the first ran",
    db: true,
    setup: newFile("CREATE TABLE `t2` (`id` int NOT NULL);\nALTER TABLE `t2` ADD COLUMN `id` int NULL;\n"),
    args: lintDev,
    code: 1,
    first: LINT_HEAD,
  },
  {
    name: "lint --dev-url --format json: a refused statement",
    db: true,
    setup: newFile("ALTER TABLE `t1` ADD COLUMN `c` int NULL DEFAULT 'abc';\n"),
    args: (c) => [...lintDev(c), "--format", "json"],
    code: 1,
    first: /"Code":"SR101"/,
  },
];

/** Every row of item 10. */
export const cases: readonly BadInputCase[] = [...serverRules, ...moduleErrors, ...lintRows];
