/**
 * Opens a connection from a database URL (mysql2, text protocol): what the URL leaves out from an option file, the
 * password from the URL, else `MYSQL_PWD`, else the option file, else the `password` option (a prompted one); connect
 * and statement timeouts; session variables from the URL; errors mapped to ConnectionError / DatabaseError with the URL
 * redacted.
 */
import type { Connection as DriverConnection, ConnectionOptions } from "mysql2/promise";
import { choosePassword, tlsOptions } from "./credentials.ts";
import { toConnectionError, toStatementError } from "./errors.ts";
import type { ClientOptions } from "./option-file.ts";
import type { Queryable, Row } from "./types.ts";
import { type DatabaseUrl, parseDatabaseUrl } from "./url.ts";

export { isDatabaseUrl } from "./url.ts";

/** Options of connect(); everything is optional. */
export interface ConnectOptions {
  /** A password typed at a prompt: used when neither the URL, `MYSQL_PWD` nor the option file gives one. */
  readonly password?: string;
  /** An option file's `[client]` settings: user, host, port, socket, TLS and password where the URL gives none. */
  readonly client?: ClientOptions;
  /** Connect timeout in ms (default: the URL's `?timeout=`, else 10 s). */
  readonly connectTimeoutMs?: number;
  /** Per-statement timeout in ms (default: the URL's `?readTimeout=`, else none: DDL may run long). */
  readonly statementTimeoutMs?: number;
}

/** A live connection: a Queryable plus what the tool needs to know about the server. */
export interface Connection extends Queryable {
  /** The URL with its password redacted. */
  readonly url: string;
  /** The parsed URL (schema binding, driver; its password is not exposed in any message). */
  readonly target: DatabaseUrl;
  /** `@@version`, e.g. `10.11.6-MariaDB`. */
  readonly serverVersion: string;
  /** `mariadb` when `@@version` says MariaDB, else `mysql`. */
  readonly flavorName: "mysql" | "mariadb";
  /** The server's id for this session (`CONNECTION_ID()`). */
  readonly threadId: number;
  /** Closes the connection; closing twice is harmless. */
  close(): Promise<void>;
}

const DEFAULT_CONNECT_TIMEOUT_MS = 10_000;

/** mysql2, loaded on the first connection: commands that never connect (diff, lint, validate) do not pay its load. */
function driver(): Promise<typeof import("mysql2/promise")> {
  return import("mysql2/promise");
}

function driverOptions(target: DatabaseUrl, password: string | undefined, opts: ConnectOptions): ConnectionOptions {
  const ssl = tlsOptions(target);
  return {
    ...(target.socketPath ? { socketPath: target.socketPath } : { host: target.host, port: target.port }),
    user: target.user,
    ...(password !== undefined ? { password } : {}),
    ...(target.schema !== undefined ? { database: target.schema } : {}),
    ...(ssl ? { ssl } : {}),
    connectTimeout: opts.connectTimeoutMs ?? target.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS,
    // Timestamps are written and read as UTC, as go-sql-driver does with Atlas's parseTime=true and loc=UTC.
    timezone: "Z",
    dateStrings: false,
    multipleStatements: false,
    // No stack captured per query (mysql2's default): errors are mapped to one line, and an apply sends thousands.
    trace: false,
    supportBigNumbers: true,
    bigNumberStrings: false,
  };
}

class LiveConnection implements Connection {
  private closed = false;

  constructor(
    private readonly conn: DriverConnection,
    readonly target: DatabaseUrl,
    readonly serverVersion: string,
    private readonly timeoutMs: number | undefined,
  ) {}

  get url(): string {
    return this.target.redacted;
  }

  get flavorName(): "mysql" | "mariadb" {
    return /mariadb/i.test(this.serverVersion) ? "mariadb" : "mysql";
  }

  get threadId(): number {
    return this.conn.threadId;
  }

  async query<T extends Row = Row>(sql: string, params?: readonly unknown[]): Promise<T[]> {
    const rows = await this.run(sql, params);
    return (Array.isArray(rows) ? rows : []) as T[];
  }

  async exec(sql: string, params?: readonly unknown[]): Promise<void> {
    await this.run(sql, params);
  }

  async execPrepared(sql: string, params: readonly unknown[]): Promise<void> {
    try {
      const options = { sql, ...(this.timeoutMs !== undefined ? { timeout: this.timeoutMs } : {}) };
      await this.conn.execute(options, params as Parameters<DriverConnection["execute"]>[1]);
    } catch (e) {
      throw toStatementError(e, this.url, this.target);
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.conn.end();
    } catch {
      // The server is gone already (killed, network down): nothing is left to close politely.
      this.conn.destroy();
    }
  }

  private async run(sql: string, params?: readonly unknown[]): Promise<unknown> {
    try {
      const options = { sql, ...(this.timeoutMs !== undefined ? { timeout: this.timeoutMs } : {}) };
      const [rows] =
        params === undefined ? await this.conn.query(options) : await this.conn.query(options, params as unknown[]);
      return rows;
    } catch (e) {
      throw toStatementError(e, this.url, this.target);
    }
  }
}

/** Connects to the database a URL (or its parsed value) names; throws ConnectionError (one line, URL redacted) when it cannot. */
export async function connect(url: string | DatabaseUrl, opts: ConnectOptions = {}): Promise<Connection> {
  const target = typeof url === "string" ? parseDatabaseUrl(url, opts.client) : url;
  const { password, source } = choosePassword(target, opts.client, opts.password);
  const options = driverOptions(target, password, opts);
  const { createConnection } = await driver();
  let conn: DriverConnection;
  try {
    conn = await createConnection(options);
  } catch (e) {
    throw toConnectionError(e, target.redacted, { ...target, passwordSource: source });
  }
  // A fatal socket error after connecting must not become an unhandled 'error' event; queries report it themselves.
  conn.on("error", () => {});
  try {
    const [rows] = await conn.query("SELECT @@version AS v");
    for (const [name, value] of Object.entries(target.sessionVars)) {
      await conn.query(`SET SESSION \`${name}\` = ${/^-?\d+(\.\d+)?$/.test(value) ? value : conn.escape(value)}`);
    }
    const version = String((rows as { v: string }[])[0]?.v ?? "");
    return new LiveConnection(conn, target, version, opts.statementTimeoutMs ?? target.statementTimeoutMs);
  } catch (e) {
    conn.destroy();
    throw toConnectionError(e, target.redacted, target);
  }
}
