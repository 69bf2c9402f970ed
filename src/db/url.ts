/**
 * Database URLs as Atlas reads them (`sql/mysql/driver.go`): `mysql://`, `maria://`, `mariadb://` over TCP,
 * `mysql+unix://`, `maria+unix://`, `mariadb+unix://` over a socket; the path names the schema the URL is bound to.
 */
import { DurationError, parseGoDuration } from "../go/duration.ts";
import { type ClientOptions, OptionFileError } from "./option-file.ts";

/** How the connection uses TLS: `tls=` (go-sql-driver) or `ssl-mode=` (MySQL client spelling). */
export type TlsMode = "disabled" | "preferred" | "required" | "verify";

/** Whether a URL's scheme is one connect() understands (mysql, maria, mariadb and their +unix forms). */
export function isDatabaseUrl(url: string): boolean {
  return /^(mysql|mariadb|maria)(\+unix)?:\/\//i.test(url);
}

/** A parsed database URL (what it leaves out filled from an option file, if given); `password` is never part of `redacted`. */
export interface DatabaseUrl {
  /** The scheme as written (`mysql`, `maria+unix`, …). */
  readonly scheme: string;
  /** Which server the scheme names: `mysql` or `mariadb` (the live server's `@@version` decides in the end). */
  readonly driver: "mysql" | "mariadb";
  readonly host: string;
  readonly port: number;
  /** The socket path of a `+unix` URL. */
  readonly socketPath?: string;
  readonly user: string;
  /** The URL's own password (`user:pass@` or `?password=`); MYSQL_PWD and option files are connect()'s business. */
  readonly password?: string;
  /** The schema the URL is bound to (its path, or `?database=` for a socket URL); undefined when unbound. */
  readonly schema?: string;
  readonly tls: TlsMode;
  /** TLS files from the option file (`ssl-ca`, `ssl-cert`, `ssl-key`). */
  readonly sslCa?: string;
  readonly sslCert?: string;
  readonly sslKey?: string;
  /** `?timeout=` (Go duration) as milliseconds: the connect timeout. */
  readonly connectTimeoutMs?: number;
  /** `?readTimeout=` (Go duration) as milliseconds: the per-statement timeout. */
  readonly statementTimeoutMs?: number;
  /** Session variables to set on connect (`?lock_wait_timeout=5` and any other unknown parameter, as go-sql-driver does). */
  readonly sessionVars: Readonly<Record<string, string>>;
  /** The URL with its password replaced by `xxxxx` (Go's `url.Redacted`), safe to print. */
  readonly redacted: string;
}

/** A URL this tool cannot connect with; the message quotes the redacted URL only. */
export class DatabaseUrlError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`invalid database URL ${url}: ${reason}`);
    this.name = "DatabaseUrlError";
  }
}

const SCHEMES: Readonly<Record<string, "mysql" | "mariadb">> = {
  mysql: "mysql",
  "mysql+unix": "mysql",
  maria: "mariadb",
  "maria+unix": "mariadb",
  mariadb: "mariadb",
  "mariadb+unix": "mariadb",
};

// go-sql-driver parameters that configure the client, not the session; accepted and ignored (Atlas sets parseTime).
const DRIVER_PARAMS = new Set([
  "parseTime",
  "loc",
  "charset",
  "collation",
  "multiStatements",
  "interpolateParams",
  "allowNativePasswords",
  "allowCleartextPasswords",
  "writeTimeout",
  "maxAllowedPacket",
  "clientFoundRows",
  "columnsWithAlias",
  "rejectReadOnly",
  "checkConnLiveness",
]);

/**
 * The one redaction of a URL (any scheme): the password of `user:pass@` and of `?password=` becomes `xxxxx` (Go's
 * `url.Redacted` spelling); other text passes through. The userinfo password runs to the last `@`, so an unescaped
 * `/`, `@` or `?` inside it is still hidden.
 */
export function redactDatabaseUrl(url: string): string {
  const m = /^([a-zA-Z][a-zA-Z0-9+.-]*:\/\/)([^:@/?#]*):(.*)@([^@]*)$/s.exec(url);
  const hidden = m ? `${m[1]}${m[2]}:xxxxx@${m[4]}` : url;
  return hidden.replace(/([?&;]password=)[^&#]*/gi, "$1xxxxx");
}

const SSL_MODES: Readonly<Record<string, TlsMode>> = {
  disabled: "disabled",
  preferred: "preferred",
  required: "required",
  verify_ca: "verify",
  verify_identity: "verify",
};

function tlsMode(params: URLSearchParams, redacted: string, defaults: ClientOptions | undefined): TlsMode {
  const tls = params.get("tls");
  const ssl = params.get("ssl-mode") ?? params.get("sslmode");
  if (tls === null && ssl === null && defaults?.sslMode !== undefined) {
    const mode = SSL_MODES[defaults.sslMode.toLowerCase()];
    if (!mode)
      throw new OptionFileError(
        defaults.file,
        `unknown ssl-mode "${defaults.sslMode}" (use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY)`,
      );
    return mode;
  }
  if (tls === null && ssl === null && defaults?.sslCa !== undefined) return "verify";
  if (tls !== null) {
    const t: Record<string, TlsMode> = {
      true: "verify",
      false: "disabled",
      "skip-verify": "required",
      preferred: "preferred",
    };
    if (!(tls in t))
      throw new DatabaseUrlError(redacted, `unknown tls value "${tls}" (use true, false, skip-verify or preferred)`);
    return t[tls]!;
  }
  if (ssl === null) return "disabled";
  const mode = SSL_MODES[ssl.toLowerCase()];
  if (!mode)
    throw new DatabaseUrlError(
      redacted,
      `unknown ssl-mode "${ssl}" (use DISABLED, PREFERRED, REQUIRED, VERIFY_CA or VERIFY_IDENTITY)`,
    );
  return mode;
}

function duration(params: URLSearchParams, name: string, redacted: string): number | undefined {
  const v = params.get(name);
  if (v === null) return undefined;
  try {
    return parseGoDuration(v);
  } catch (e) {
    if (e instanceof DurationError) throw new DatabaseUrlError(redacted, `${name}: ${e.message}`);
    throw e;
  }
}

function sessionVars(params: URLSearchParams, redacted: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of params) {
    if (
      ["tls", "ssl-mode", "sslmode", "timeout", "readTimeout", "database", "password"].includes(k) ||
      DRIVER_PARAMS.has(k)
    )
      continue;
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(k)) throw new DatabaseUrlError(redacted, `unknown parameter "${k}"`);
    out[k] = v;
  }
  return out;
}

/**
 * Parses a database URL; throws DatabaseUrlError (with the password redacted) for anything it cannot use. What the URL
 * leaves out (user, host or socket, port, TLS) comes from `defaults` (an option file's `[client]` group), else the
 * usual defaults (root, localhost, 3306, no TLS). `?password=` is the URL's password as `user:pass@` is.
 */
export function parseDatabaseUrl(url: string, defaults?: ClientOptions): DatabaseUrl {
  const redacted = redactDatabaseUrl(url);
  const scheme = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\//.exec(url)?.[1]?.toLowerCase();
  const driver = scheme === undefined ? undefined : SCHEMES[scheme];
  if (!driver)
    throw new DatabaseUrlError(redacted, "the scheme must be mysql://, maria://, mariadb:// or their +unix forms");
  let u: URL;
  try {
    // A non-special scheme keeps the path as written; a socket URL has no host, so a placeholder stands in for it.
    const generic = url.replace(/^[^:]+:/, "x-db:");
    u = new URL(scheme!.endsWith("+unix") ? generic.replace(/^x-db:\/\/([^/]*@)?\//, "x-db://$1socket/") : generic);
  } catch {
    throw new DatabaseUrlError(redacted, "it cannot be parsed as a URL");
  }
  const params = u.searchParams;
  const unix = scheme!.endsWith("+unix");
  const path = decodeURIComponent(u.pathname);
  const schema = unix ? (params.get("database") ?? undefined) : path.replace(/^\//, "").replace(/\/$/, "") || undefined;
  if (unix && (path === "" || path === "/")) throw new DatabaseUrlError(redacted, "a +unix URL needs the socket path");
  if (schema?.includes("/")) throw new DatabaseUrlError(redacted, `the path names one schema, got "${schema}"`);
  const connectTimeoutMs = duration(params, "timeout", redacted);
  const statementTimeoutMs = duration(params, "readTimeout", redacted);
  const inUserinfo = u.password !== "" ? decodeURIComponent(u.password) : undefined;
  const inQuery = params.get("password") ?? undefined;
  if (inUserinfo !== undefined && inQuery !== undefined)
    throw new DatabaseUrlError(redacted, "it gives the password twice (user:pass@ and ?password=): keep one");
  const password = inUserinfo ?? inQuery;
  const host = u.hostname.replace(/^\[|\]$/g, "");
  // A URL without a host takes the option file's host, else its socket (as the mysql client does for localhost).
  const socketPath = unix ? path : host === "" && defaults?.host === undefined ? defaults?.socket : undefined;
  return {
    scheme: scheme!,
    driver,
    host: socketPath !== undefined ? "" : host || defaults?.host || "localhost",
    port: unix || u.port === "" ? (defaults?.port ?? 3306) : Number(u.port),
    ...(socketPath !== undefined ? { socketPath } : {}),
    user: decodeURIComponent(u.username) || defaults?.user || "root",
    ...(password !== undefined ? { password } : {}),
    ...(schema !== undefined ? { schema } : {}),
    tls: tlsMode(params, redacted, defaults),
    ...(defaults?.sslCa !== undefined ? { sslCa: defaults.sslCa } : {}),
    ...(defaults?.sslCert !== undefined ? { sslCert: defaults.sslCert } : {}),
    ...(defaults?.sslKey !== undefined ? { sslKey: defaults.sslKey } : {}),
    ...(connectTimeoutMs !== undefined ? { connectTimeoutMs } : {}),
    ...(statementTimeoutMs !== undefined ? { statementTimeoutMs } : {}),
    sessionVars: sessionVars(params, redacted),
    redacted,
  };
}
