/**
 * The bad-input corpus: one row per operator mistake or hostile input, run as a user would (the CLI from source, in a
 * fresh project folder, against its own test database when the row needs one). Every row checks the exit code, the
 * first line of output, that no stack trace and no password is printed, and that nothing changed: the project's files
 * and the database (tables, their DDL, revision rows) are compared before and after.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import type { Connection } from "mysql2/promise";
import { cli, type CliResult } from "../cli/run-cli.ts";

/** The password every database row's URL carries (the test user accepts it); it must never be printed. */
export const SECRET = "s3cr3t-Pa55-never-printed";

/** What a row's setup and arguments can use. */
export interface CaseContext {
  /** The project folder (cwd of the command): `migrations/`, `atlas.hcl`. */
  readonly root: string;
  /** `file://<root>/migrations`. */
  readonly dirUrl: string;
  /** The test database's URL with the SECRET password (only for rows with `db: true`). */
  readonly url: string;
  /** A connection to the test database (only for rows with `db: true`). */
  readonly conn: Connection | undefined;
}

/** One row of the corpus. */
export interface BadInputCase {
  /** What is wrong, as a sentence: the test's name. */
  readonly name: string;
  /** The command line after `stats-db`. */
  readonly args: (ctx: CaseContext) => string[];
  /** Prepares the project or the database before the snapshot (e.g. apply the directory, tamper with a file). */
  readonly setup?: (ctx: CaseContext) => void | Promise<void>;
  readonly env?: Record<string, string>;
  /** Whether the row needs a test database. */
  readonly db?: boolean;
  /** The expected exit code. */
  readonly code: number;
  /** The expected first non-empty line of stderr (else stdout): a pattern or the exact text. */
  readonly first: RegExp | string;
  /** Files or database may change (e.g. `diff` writing a file on purpose); default false. */
  readonly mayChange?: boolean;
}

/** The project every row starts from: two small migration files with their atlas.sum, and an atlas.hcl. */
export const BASE_FILES: Readonly<Record<string, string>> = {
  "20260101000000_init.sql": "CREATE TABLE `t1` (`id` int NOT NULL, PRIMARY KEY (`id`));\n",
  "20260102000000_add_b.sql": "ALTER TABLE `t1` ADD COLUMN `b` int NULL;\n",
};

export const BASE_HCL = `env "local" {
  url = getenv("STATS_DB_URL")
  migration {
    dir = "file://migrations"
  }
}
`;

/** Path → sha256 of every file below a folder. */
export function fileSnapshot(root: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out[relative(root, p)] = createHash("sha256").update(readFileSync(p)).digest("hex");
    }
  };
  walk(root);
  return out;
}

/** Every table of the server's user schemas with its DDL, and every revision row. */
export async function databaseSnapshot(conn: Connection): Promise<string[]> {
  const [tables] = await conn.query(
    "SELECT TABLE_SCHEMA AS s, TABLE_NAME AS t FROM information_schema.TABLES WHERE TABLE_SCHEMA NOT IN ('mysql','information_schema','performance_schema','sys') ORDER BY 1, 2",
  );
  const out: string[] = [];
  for (const { s, t } of tables as { s: string; t: string }[]) {
    const [rows] = await conn.query(`SHOW CREATE TABLE \`${s}\`.\`${t}\``);
    out.push(String((rows as Record<string, unknown>[])[0]?.["Create Table"] ?? ""));
    if (t === "atlas_schema_revisions") {
      const [revs] = await conn.query(
        `SELECT version, applied, total, error, hash FROM \`${s}\`.\`${t}\` ORDER BY version`,
      );
      out.push(JSON.stringify(revs));
    }
  }
  return out;
}

/** The first non-empty line of stderr, else of stdout. */
export function firstLine(r: CliResult): string {
  const line = (s: string) => s.split("\n").find((l) => l.trim() !== "");
  return line(r.stderr) ?? line(r.stdout) ?? "";
}

/** Runs one row's command in its project folder and returns the result (the caller checks it). */
export function runCase(c: BadInputCase, ctx: CaseContext): CliResult {
  return cli(c.args(ctx), { cwd: ctx.root, env: { STATS_DB_URL: ctx.url, ...c.env } });
}

/** Removes a project folder. */
export function removeProject(root: string): void {
  rmSync(root, { recursive: true, force: true });
}
