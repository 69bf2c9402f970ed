/**
 * The run log (stats-db's own table beside the revisions table, `mysql/queries/run-log.ts`): a row is written when a
 * run that changes a database starts (outcome `running`: a run killed outright stays so) and completed when it ends.
 * Nothing in it holds a password: the first error is written with any URL password redacted.
 */
import { redactDatabaseUrl } from "../db/url.ts";
import type { Queryable } from "../db/types.ts";
import { TABLE_EXISTS_QUERY } from "../mysql/queries/catalog.ts";
import { createRunLogSql, RUN_LOG_TABLE, selectRunsSql, upsertRunSql } from "../mysql/queries/run-log.ts";

/** How a run ended; `running` while it runs, and for ever when it was killed outright. */
export type RunOutcome = "running" | "ok" | "failed" | "interrupted";

/** Who runs what, from where, with which tool: written when the run starts. */
export interface RunIdentity {
  readonly runId: string;
  /** e.g. `migrate apply`. */
  readonly command: string;
  readonly osUser: string;
  readonly clientHost: string;
  readonly toolVersion: string;
  /** SHA-256 (hex) of the compiled binary; undefined when running from source. */
  readonly binarySha256?: string;
  readonly startedAt: Date;
}

/** How a run ended: written when it ends. */
export interface RunResult {
  readonly outcome: RunOutcome;
  readonly endedAt: Date;
  /** Statements executed (the failing one included). */
  readonly statements: number;
  /** `sha256:` + hex SHA-256 of the planned statements, newline-joined; undefined when nothing was planned. */
  readonly planHash?: string;
  readonly firstError?: string;
}

/** One row of the log as read back. */
export interface RunRecord {
  readonly runId: string;
  readonly command: string;
  readonly osUser: string;
  /** `CURRENT_USER()` of the session that ran it. */
  readonly dbUser: string;
  readonly clientHost: string;
  readonly toolVersion: string;
  readonly binarySha256: string | null;
  readonly planHash: string | null;
  /** ISO 8601, UTC. */
  readonly startedAt: string;
  readonly endedAt: string | null;
  readonly outcome: string;
  readonly statements: number;
  readonly firstError: string | null;
}

// MySQL's DATETIME literal in UTC, microseconds.
const utc = (d: Date): string => d.toISOString().replace("T", " ").replace("Z", "000");

/** An error text as the log keeps it: any URL it quotes (a dev database, a connection) with its password redacted. */
export function redactedError(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'`]+/gi, (url) => redactDatabaseUrl(url));
}

/** The run log of one schema over a connection. */
export class RunLog {
  constructor(
    private readonly conn: Queryable,
    readonly schema: string,
  ) {}

  /** Whether the schema holds the run log. */
  async exists(): Promise<boolean> {
    const rows = await this.conn.query(TABLE_EXISTS_QUERY, [this.schema, RUN_LOG_TABLE]);
    return Number(rows[0]?.n) > 0;
  }

  /** Writes the row of a run (creating the table when missing; DDL: call it outside any transaction). */
  async write(identity: RunIdentity, result: RunResult): Promise<void> {
    await this.conn.exec(createRunLogSql(this.schema));
    await this.conn.exec(upsertRunSql(this.schema), [
      identity.runId,
      identity.command,
      identity.osUser,
      identity.clientHost,
      identity.toolVersion,
      identity.binarySha256 ?? null,
      utc(identity.startedAt),
      result.outcome === "running" ? null : utc(result.endedAt),
      result.outcome,
      result.statements,
      result.planHash ?? null,
      result.firstError === undefined ? null : redactedError(result.firstError).slice(0, 65_535),
    ]);
  }

  /** Every run, oldest first. */
  async readAll(): Promise<RunRecord[]> {
    const rows = await this.conn.query(selectRunsSql(this.schema));
    const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
    return rows.map((r) => ({
      runId: String(r.run_id),
      command: String(r.command),
      osUser: String(r.os_user),
      dbUser: String(r.db_user),
      clientHost: String(r.client_host),
      toolVersion: String(r.tool_version),
      binarySha256: text(r.binary_sha256),
      planHash: text(r.plan_hash),
      startedAt: String(r.started_at),
      endedAt: text(r.ended_at),
      outcome: String(r.outcome),
      statements: Number(r.statements),
      firstError: text(r.first_error),
    }));
  }
}
