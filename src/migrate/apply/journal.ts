/**
 * The statement journal (stats-db's own table beside the revisions table): which statement of which file a run was
 * about to send, and on which server session. A row whose statement the revisions table does not show as done or
 * failed marks a statement in doubt (see in-doubt.ts).
 */
import type { Queryable } from "../../db/types.ts";
import { createJournalSql, deleteIntentsSql, recordIntentSql, selectIntentsSql } from "../../mysql/queries/journal.ts";

// Versions per DELETE when many rows are cleared at once (well under the server's limit on parameters).
const CHUNK = 1000;

/** A statement a run was about to send: file version, 0-based index, its partial hash and the session that sent it. */
export interface Intent {
  readonly version: string;
  readonly index: number;
  readonly hash: string;
  readonly connId: number;
}

/** The journal of one revisions schema over a connection. */
export class StatementJournal {
  private recording: string | undefined;

  constructor(
    private readonly conn: Queryable,
    readonly schema: string,
  ) {}

  /** Creates the table when missing (DDL: call it outside any transaction). */
  async ensure(): Promise<void> {
    await this.conn.exec(createJournalSql(this.schema));
  }

  /** Records that this session is about to send statement `index` of `version`. */
  async record(version: string, index: number, hash: string): Promise<void> {
    this.recording ??= recordIntentSql(this.schema);
    const params = [version, index, hash];
    // Prepared once: an apply records every statement.
    await (this.conn.execPrepared
      ? this.conn.execPrepared(this.recording, params)
      : this.conn.exec(this.recording, params));
  }

  /** Every recorded intent. */
  async readAll(): Promise<Intent[]> {
    const rows = await this.conn.query(selectIntentsSql(this.schema));
    return rows.map((r) => ({
      version: String(r.version),
      index: Number(r.stmt_index),
      hash: String(r.stmt_hash),
      connId: Number(r.conn_id),
    }));
  }

  /** Forgets the intents of versions (their statements are recorded in the revisions table now). */
  async clear(...versions: string[]): Promise<void> {
    for (let at = 0; at < versions.length; at += CHUNK) {
      const part = versions.slice(at, at + CHUNK);
      await this.conn.exec(deleteIntentsSql(this.schema, part.length), part);
    }
  }
}
