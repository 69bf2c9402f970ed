/**
 * Where a connection's password comes from, in the mysql client's order: the URL, else `MYSQL_PWD`, else the option
 * file, else one typed at a prompt (the CLI asks only when none of the others gave one); and the TLS files it uses.
 */
import { readFileSync } from "node:fs";
import process from "node:process";
import { type ClientOptions, OptionFileError } from "./option-file.ts";
import type { DatabaseUrl } from "./url.ts";

/** A password and where it came from (`the URL`, `MYSQL_PWD`, the option file's path, `the prompt`), or none. */
export type PasswordChoice =
  | { readonly password: string; readonly source: string }
  | { readonly password?: undefined; readonly source: "none" };

/** Picks the password: URL, else MYSQL_PWD (when not empty), else the option file, else a prompted one. */
export function choosePassword(
  target: DatabaseUrl,
  client: ClientOptions | undefined,
  prompted: string | undefined,
): PasswordChoice {
  if (target.password !== undefined) return { password: target.password, source: "the URL" };
  const env = process.env.MYSQL_PWD;
  if (env !== undefined && env !== "") return { password: env, source: "MYSQL_PWD" };
  if (client?.password !== undefined) return { password: client.password, source: client.file };
  if (prompted !== undefined) return { password: prompted, source: "the prompt" };
  return { source: "none" };
}

/** The driver's `ssl` option for a target: the URL's TLS mode with the option file's CA, certificate and key read in. */
export function tlsOptions(
  target: DatabaseUrl,
): { rejectUnauthorized: boolean; ca?: string; cert?: string; key?: string } | undefined {
  if (target.tls !== "verify" && target.tls !== "required") return undefined;
  const read = (what: string, path: string | undefined): string | undefined => {
    if (path === undefined) return undefined;
    try {
      return readFileSync(path, "utf8");
    } catch (e) {
      throw new OptionFileError(
        path,
        `${what} cannot be read (${(e as { code?: string }).code ?? (e as Error).message})`,
      );
    }
  };
  const ca = read("ssl-ca", target.sslCa);
  const cert = read("ssl-cert", target.sslCert);
  const key = read("ssl-key", target.sslKey);
  return {
    rejectUnauthorized: target.tls === "verify",
    ...(ca !== undefined ? { ca } : {}),
    ...(cert !== undefined ? { cert } : {}),
    ...(key !== undefined ? { key } : {}),
  };
}
