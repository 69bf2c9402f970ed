/**
 * Database errors, typed: the only place MySQL/MariaDB error numbers and driver error codes are named.
 */

/** MySQL/MariaDB server error numbers this tool reacts to. */
export const ER = {
  /** ER_DBACCESS_DENIED_ERROR: no access to the database. */
  DBACCESS_DENIED: 1044,
  /** ER_ACCESS_DENIED_ERROR: wrong user or password. */
  ACCESS_DENIED: 1045,
  /** ER_ACCESS_DENIED_NO_PASSWORD_ERROR: the same refusal, worded without "(using password: …)". */
  ACCESS_DENIED_NO_PASSWORD: 1698,
  /** ER_BAD_DB_ERROR: unknown database. */
  BAD_DB: 1049,
  /** ER_TABLEACCESS_DENIED_ERROR: missing table privilege. */
  TABLEACCESS_DENIED: 1142,
  /** ER_SPECIFIC_ACCESS_DENIED_ERROR: missing global privilege. */
  SPECIFIC_ACCESS_DENIED: 1227,
  /** ER_NO_SUCH_TABLE. */
  NO_SUCH_TABLE: 1146,
  /** ER_DUP_FIELDNAME: the column already exists. */
  DUP_FIELDNAME: 1060,
  /** ER_TABLE_EXISTS_ERROR. */
  TABLE_EXISTS: 1050,
  /** ER_LOCK_WAIT_TIMEOUT: a metadata or row lock was not granted within the session's lock wait timeout. */
  LOCK_WAIT_TIMEOUT: 1205,
  /** ER_QUERY_INTERRUPTED: the statement was stopped by KILL QUERY. */
  QUERY_INTERRUPTED: 1317,
} as const;

/** Why a connection could not be made. */
export type ConnectionFailure =
  | "access-denied"
  | "unknown-host"
  | "refused"
  | "privilege"
  | "unknown-database"
  | "timeout"
  | "tls"
  | "lost"
  | "other";

/** A connection that failed or was lost; the message is one line naming the redacted URL. */
export class ConnectionError extends Error {
  constructor(
    readonly failure: ConnectionFailure,
    readonly url: string,
    readonly detail: string,
    options?: { cause?: unknown },
  ) {
    super(`${detail} (${url})`, options);
    this.name = "ConnectionError";
  }
}

/** A statement the server rejected; the message reads like go-sql-driver's: `Error 1062 (23000): Duplicate entry …`. */
export class DatabaseError extends Error {
  constructor(
    readonly errno: number,
    readonly sqlState: string,
    readonly serverMessage: string,
    options?: { cause?: unknown },
  ) {
    super(`Error ${errno} (${sqlState}): ${serverMessage}`, options);
    this.name = "DatabaseError";
  }
}

interface DriverError {
  code?: string;
  errno?: number;
  sqlState?: string;
  sqlMessage?: string;
  message?: string;
  fatal?: boolean;
}

const NETWORK_CODES: Readonly<Record<string, ConnectionFailure>> = {
  ENOTFOUND: "unknown-host",
  EAI_AGAIN: "unknown-host",
  ECONNREFUSED: "refused",
  ENOENT: "refused",
  ETIMEDOUT: "timeout",
  PROTOCOL_SEQUENCE_TIMEOUT: "timeout",
  ECONNRESET: "lost",
  EPIPE: "lost",
  PROTOCOL_CONNECTION_LOST: "lost",
  HANDSHAKE_NO_SSL_SUPPORT: "tls",
  HANDSHAKE_SSL_ERROR: "tls",
};

/** What a connection error names: the server, the user, the schema, and where the password came from (if known). */
export interface ConnectionTarget {
  readonly host: string;
  readonly user: string;
  readonly schema?: string;
  /** `the URL`, `MYSQL_PWD`, an option file's path, `the prompt`, or `none`. */
  readonly passwordSource?: string;
}

/** Where a password may come from, for an access-denied message. */
const PASSWORD_SOURCES =
  "the URL, MYSQL_PWD, an option file (--defaults-file, ~/.my.cnf [client]) or the prompt on a terminal";

function accessDenied(where: ConnectionTarget): string {
  const user = `access denied for user "${where.user}"`;
  if (where.passwordSource === "none") return `${user} without a password: give one in ${PASSWORD_SOURCES}`;
  const used = where.passwordSource !== undefined ? ` with the password from ${where.passwordSource}` : "";
  return `${user}${used}: wrong user or password (a password comes from ${PASSWORD_SOURCES}, in that order)`;
}

function connectionDetail(failure: ConnectionFailure, e: DriverError, where: ConnectionTarget): string {
  switch (failure) {
    case "access-denied":
      return accessDenied(where);
    case "unknown-host":
      return `unknown host "${where.host}"`;
    case "refused":
      return `connection refused by ${where.host}: is the server running and the port right?`;
    case "privilege":
      return `missing privilege: ${e.sqlMessage ?? e.message}`;
    case "unknown-database":
      return `unknown database "${where.schema ?? ""}"`;
    case "timeout":
      return `timed out talking to ${where.host}`;
    case "tls":
      return `TLS failed: ${e.message}`;
    case "lost":
      return `connection to the server was lost (${e.code})`;
    case "other":
      return e.sqlMessage ?? e.message ?? String(e);
    default:
      return assertNeverFailure(failure);
  }
}

function assertNeverFailure(x: never): never {
  throw new Error(`unexpected connection failure ${String(x)}`);
}

/** What kind of connection failure a driver error is, or undefined when it is a statement error. */
export function connectionFailureOf(error: unknown): ConnectionFailure | undefined {
  const e = error as DriverError;
  if (e.errno === ER.ACCESS_DENIED || e.errno === ER.ACCESS_DENIED_NO_PASSWORD) return "access-denied";
  if (e.errno === ER.BAD_DB) return "unknown-database";
  if (e.errno === ER.DBACCESS_DENIED || e.errno === ER.SPECIFIC_ACCESS_DENIED) return "privilege";
  if (e.code && e.code in NETWORK_CODES) return NETWORK_CODES[e.code];
  if (e.fatal) return "lost";
  return undefined;
}

/** Maps a driver error raised while connecting to a ConnectionError with one clear line. */
export function toConnectionError(error: unknown, url: string, where: ConnectionTarget): ConnectionError {
  if (error instanceof ConnectionError) return error;
  const failure = connectionFailureOf(error) ?? "other";
  return new ConnectionError(failure, url, connectionDetail(failure, error as DriverError, where), { cause: error });
}

/** Maps a driver error raised by a statement: a lost connection → ConnectionError, a server error → DatabaseError. */
export function toStatementError(error: unknown, url: string, where: ConnectionTarget): Error {
  const e = error as DriverError;
  const failure = connectionFailureOf(error);
  if (failure === "lost" || failure === "timeout" || (failure !== undefined && e.errno === undefined))
    return toConnectionError(error, url, where);
  if (typeof e.errno === "number" && e.sqlState)
    return new DatabaseError(e.errno, e.sqlState, e.sqlMessage ?? e.message ?? "", { cause: error });
  return error instanceof Error ? error : new Error(String(error));
}

/** Whether an error is the server's (a rejected statement), as opposed to a lost or failed connection. */
export function isServerError(error: unknown): error is DatabaseError {
  return error instanceof DatabaseError;
}
