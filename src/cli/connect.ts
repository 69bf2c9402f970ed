/**
 * CLI glue for database connections: the URL from flags or the env, and the password from the URL, `MYSQL_PWD`,
 * or (only when stdin is a terminal and the server refused a password-less login) a prompt.
 */
import process from "node:process";
import { consola } from "consola";
import { type ConnectOptions, connect, type Connection } from "../db/connect.ts";
import { ConnectionError } from "../db/errors.ts";
import { parseDatabaseUrl } from "../db/url.ts";
import { UsageError } from "./errors.ts";

/** The URL a command needs; else which environment variable the env's `url` read is unset, else Atlas's error. */
export function requireUrl(settings: { readonly url?: string; readonly urlUnset?: string }): string {
  if (settings.url) return settings.url;
  throw new UsageError(settings.urlUnset ?? 'required flag "url" not set');
}

/** A live connection and the options that opened it (reuse them for a second connection, e.g. the lock's). */
export interface Opened {
  readonly conn: Connection;
  readonly options: ConnectOptions;
}

/** Connects, asking for the password on a terminal when the server refuses a login without one. */
export async function openDatabase(url: string): Promise<Opened> {
  try {
    return { conn: await connect(url), options: {} };
  } catch (e) {
    const target = parseDatabaseUrl(url);
    const canAsk = target.password === undefined && process.env.MYSQL_PWD === undefined && process.stdin.isTTY === true;
    if (!(e instanceof ConnectionError && e.failure === "access-denied" && canAsk)) throw e;
    const password = await consola.prompt(`Password for ${target.user}@${target.socketPath ?? target.host}:`, { type: "text", cancel: "reject" });
    const options = { password: String(password) };
    return { conn: await connect(url, options), options };
  }
}
