/**
 * The version a database stands at (its last revision), read for the summary of a multi-target run: best effort,
 * without a password prompt (the command itself asks, and reports any connection problem).
 */
import { connect } from "../db/connect.ts";
import { revisionsSchemaOf } from "../migrate/revisions/schema.ts";
import { RevisionStore } from "../migrate/revisions.ts";
import { databaseTarget } from "./connect.ts";
import { clientOptions } from "./option-file-choice.ts";

/**
 * The last fully applied version of the database `url` names (a file that failed part-way does not count), or
 * undefined when it has none or cannot be read.
 */
export async function appliedVersion(url: string, revisionsSchema: string | undefined): Promise<string | undefined> {
  try {
    const target = databaseTarget(url);
    const client = clientOptions();
    const conn = await connect(target, client ? { client } : {});
    try {
      const store = new RevisionStore(conn, revisionsSchemaOf(revisionsSchema, target.schema));
      const revisions = (await store.exists()) ? await store.readAll() : [];
      return revisions.filter((r) => r.applied === r.total && r.error === "").at(-1)?.version;
    } finally {
      await conn.close();
    }
  } catch {
    return undefined;
  }
}
