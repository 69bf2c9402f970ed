/**
 * The targets a command runs on when `--env` names a `for_each` env (or one that reads a `data "sql"` source):
 * the project file read with its `data "sql"` queries run over this run's connections (option file, password prompt).
 */
import { parseProject, type ProjectEnv, targetsNeeded } from "../config/atlas-hcl.ts";
import type { SqlQuery } from "../config/data-sql.ts";
import { loadTargets } from "../config/targets.ts";
import { databaseTarget, openDatabase } from "./connect.ts";
import { type CommonFlags, projectSource } from "./settings.ts";

/** Runs a `data "sql"` query on its own connection and returns the first column of each row. */
const runQuery: SqlQuery = async (url, query, args) => {
  const { conn } = await openDatabase(databaseTarget(url));
  try {
    const rows = await conn.query(query, args.length ? args : undefined);
    return rows.map((row) => Object.values(row)[0]);
  } finally {
    await conn.close();
  }
};

/**
 * Whether the env `--env` names needs `readTargets` (it has `for_each` or reads a `data "sql"` source). False for a
 * file that cannot be read or evaluated: the command then reads it the usual way and reports the problem itself.
 */
export function needsTargets(flags: CommonFlags): boolean {
  try {
    const source = projectSource(flags);
    return source !== undefined && targetsNeeded(parseProject(source.text, source.opts)) !== undefined;
  } catch {
    return false;
  }
}

/** The settings of each target of the env `--env` names (one, without `for_each`). */
export async function readTargets(flags: CommonFlags): Promise<ProjectEnv[]> {
  const source = projectSource(flags);
  if (!source) return [];
  return loadTargets(source.text, source.opts, runQuery);
}
