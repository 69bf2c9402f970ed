/**
 * CLI glue for database connections: the URL from flags or the env; the option file of the run; the password from the
 * URL, `MYSQL_PWD` or the option file, else (only on a terminal, after the server refused a login without one) typed
 * at a prompt that shows nothing.
 */
import process from "node:process";
import { type ConnectOptions, connect, type Connection } from "../db/connect.ts";
import { choosePassword } from "../db/credentials.ts";
import { ConnectionError } from "../db/errors.ts";
import { type DatabaseUrl, parseDatabaseUrl } from "../db/url.ts";
import { UsageError } from "./errors.ts";
import { aborted } from "./confirm.ts";
import { clientOptions } from "./option-file-choice.ts";
import { readAnswer } from "./terminal-input.ts";

/** The URL a command needs; else which environment variable the env's `url` read is unset, else Atlas's error. */
export function requireUrl(settings: { readonly url?: string; readonly urlUnset?: string }): string {
  if (settings.url) return settings.url;
  throw new UsageError(settings.urlUnset ?? 'required flag "url" not set');
}

/** A database URL parsed once for the whole run, with the option file's defaults (user, host, port, socket, TLS). */
export function databaseTarget(url: string): DatabaseUrl {
  return parseDatabaseUrl(url, clientOptions());
}

/** The parsed database URL a command needs (requireUrl's errors when there is none). */
export function requireDatabase(settings: { readonly url?: string; readonly urlUnset?: string }): DatabaseUrl {
  return databaseTarget(requireUrl(settings));
}

/** A live connection and the options that opened it (reuse them for a second connection, e.g. the lock's). */
export interface Opened {
  readonly conn: Connection;
  readonly options: ConnectOptions;
}

/** Connects, asking for the password on a terminal when the server refuses a login without one; Ctrl-C/Esc/Ctrl-D abort. */
export async function openDatabase(target: DatabaseUrl): Promise<Opened> {
  const client = clientOptions();
  const options: ConnectOptions = client ? { client } : {};
  try {
    return { conn: await connect(target, options), options };
  } catch (e) {
    const canAsk = choosePassword(target, client, undefined).source === "none" && process.stdin.isTTY === true;
    if (!(e instanceof ConnectionError && e.failure === "access-denied" && canAsk)) throw e;
    const password = await readAnswer(`Password for ${target.user}@${target.socketPath ?? target.host}: `, { hidden: true });
    if (password === undefined) throw aborted();
    const prompted = { ...options, password };
    return { conn: await connect(target, prompted), options: prompted };
  }
}
