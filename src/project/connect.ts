/**
 * Database connections for a run: a URL parsed with the option file's defaults (user, host, port, socket, TLS), and a
 * connection that, when the server refuses a login made without any password, asks for one through the run's
 * password prompt (password-prompt.ts) or the one passed in.
 */
import { type ConnectOptions, connect, type Connection } from "../db/connect.ts";
import { choosePassword } from "../db/credentials.ts";
import { ConnectionError } from "../db/errors.ts";
import { type DatabaseUrl, parseDatabaseUrl } from "../db/url.ts";
import { clientOptions } from "./option-file-choice.ts";
import { type PasswordPrompt, passwordPrompt } from "./password-prompt.ts";

/** A database URL parsed once for the whole run, with the option file's defaults (user, host, port, socket, TLS). */
export function databaseTarget(url: string): DatabaseUrl {
  return parseDatabaseUrl(url, clientOptions());
}

/** A live connection and the options that opened it (reuse them for a second connection, e.g. the lock's). */
export interface Opened {
  readonly conn: Connection;
  readonly options: ConnectOptions;
}

/** Connects; when the server refuses a login made without any password and a prompt is set, asks for one and retries. */
export async function openDatabase(
  target: DatabaseUrl,
  prompt: PasswordPrompt | undefined = passwordPrompt(),
): Promise<Opened> {
  const client = clientOptions();
  const options: ConnectOptions = client ? { client } : {};
  try {
    return { conn: await connect(target, options), options };
  } catch (e) {
    const canAsk = prompt !== undefined && choosePassword(target, client, undefined).source === "none";
    if (!(e instanceof ConnectionError && e.failure === "access-denied" && canAsk)) throw e;
    const password = await prompt(`Password for ${target.user}@${target.socketPath ?? target.host}: `);
    const prompted = { ...options, password };
    return { conn: await connect(target, prompted), options: prompted };
  }
}
