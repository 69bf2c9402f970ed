/**
 * MySQL client option files (`~/.my.cnf`, `--defaults-file`) as the mysql client reads them: the `[client]` group's
 * user, password, host, port, socket and ssl-* settings; `#`/`;` comments, quoted values with backslash escapes,
 * `_` or `-` in names, a `loose-` prefix, later lines winning, `!include FILE` and `!includedir DIR` (its `.cnf` files).
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";

/** Connection settings from an option file; every field is optional. The password is never part of a message. */
export interface ClientOptions {
  /** The file they were read from (the top one, for messages such as "password from ~/.my.cnf"). */
  readonly file: string;
  readonly user?: string;
  readonly password?: string;
  readonly host?: string;
  readonly port?: number;
  readonly socket?: string;
  readonly sslCa?: string;
  readonly sslCert?: string;
  readonly sslKey?: string;
  /** `ssl-mode` as written (DISABLED, PREFERRED, REQUIRED, VERIFY_CA, VERIFY_IDENTITY). */
  readonly sslMode?: string;
}

/** An option file that cannot be read or parsed; the message names the file and line, never a value. */
export class OptionFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
  ) {
    super(`option file ${file}: ${reason}`);
    this.name = "OptionFileError";
  }
}

const KEYS: Readonly<Record<string, keyof Omit<ClientOptions, "file">>> = {
  user: "user",
  password: "password",
  host: "host",
  port: "port",
  socket: "socket",
  "ssl-ca": "sslCa",
  "ssl-cert": "sslCert",
  "ssl-key": "sslKey",
  "ssl-mode": "sslMode",
};

const ESCAPES: Readonly<Record<string, string>> = {
  b: "\b",
  t: "\t",
  n: "\n",
  r: "\r",
  s: " ",
  "\\": "\\",
  '"': '"',
  "'": "'",
};

/** A value as the client reads it: quoted (to the matching quote) or bare (to a `#`), then backslash escapes. */
function parseValue(raw: string, where: string, file: string): string {
  let out = "";
  const quote = raw[0] === '"' || raw[0] === "'" ? raw[0] : undefined;
  let i = quote ? 1 : 0;
  for (; i < raw.length; i++) {
    const c = raw[i]!;
    if (quote && c === quote) break;
    if (!quote && c === "#") return out.trimEnd();
    if (c === "\\" && i + 1 < raw.length) {
      const e = ESCAPES[raw[i + 1]!];
      out += e ?? c + raw[i + 1]!;
      i++;
    } else out += c;
  }
  if (!quote) return out.trimEnd();
  if (i >= raw.length) throw new OptionFileError(file, `${where}: the quoted value has no closing ${quote}`);
  const rest = raw.slice(i + 1).trim();
  if (rest !== "" && !rest.startsWith("#")) throw new OptionFileError(file, `${where}: text after the quoted value`);
  return out;
}

type Settings = { -readonly [K in keyof Omit<ClientOptions, "file">]?: string };

/** Reads one file into `into` (the `[client]` group only), following its includes; `open` (the include chain) stops cycles. */
function readInto(path: string, into: Settings, open: Set<string>, top: string): void {
  if (open.has(path)) throw new OptionFileError(top, `${path} includes itself`);
  open.add(path);
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new OptionFileError(path, `cannot be read (${(e as { code?: string }).code ?? (e as Error).message})`);
  }
  let group: string | undefined;
  for (const [n, full] of text.split(/\r?\n/).entries()) {
    const line = full.trim();
    const where = `line ${n + 1}`;
    if (line === "" || line.startsWith("#") || line.startsWith(";")) continue;
    const include = /^!(include|includedir)\s+(.+)$/.exec(line);
    if (include) {
      const target = resolve(dirname(path), include[2]!.trim());
      if (!existsSync(target))
        throw new OptionFileError(
          path,
          `${where}: !${include[1]} ${target}: no such ${include[1] === "include" ? "file" : "directory"}`,
        );
      const files =
        include[1] === "include"
          ? [target]
          : statSync(target).isDirectory()
            ? readdirSync(target)
                .filter((f) => f.endsWith(".cnf"))
                .sort()
                .map((f) => join(target, f))
            : [];
      for (const f of files) readInto(f, into, open, top);
      continue;
    }
    if (line.startsWith("!"))
      throw new OptionFileError(path, `${where}: unknown directive (use !include FILE or !includedir DIR)`);
    const header = /^\[([^\]]+)\]\s*(?:[#;].*)?$/.exec(line);
    if (header) {
      group = header[1]!.trim().toLowerCase();
      continue;
    }
    if (line.startsWith("[")) throw new OptionFileError(path, `${where}: a group header needs a closing ]`);
    if (group === undefined) throw new OptionFileError(path, `${where}: an option before any [group]`);
    if (group !== "client") continue;
    const eq = line.indexOf("=");
    const name = (eq < 0 ? line : line.slice(0, eq))
      .trim()
      .toLowerCase()
      .replace(/_/g, "-")
      .replace(/^loose-/, "");
    const key = KEYS[name];
    if (key === undefined) continue;
    // A bare `password` asks the mysql client to prompt: here it means no password from this file.
    if (eq < 0) {
      delete into[key];
      continue;
    }
    into[key] = parseValue(line.slice(eq + 1).trim(), where, path);
  }
  open.delete(path);
}

/** Reads an option file (and what it includes); throws OptionFileError for a missing or malformed file. */
export function readOptionFile(path: string): ClientOptions {
  const settings: Settings = {};
  const file = resolve(path);
  readInto(file, settings, new Set(), file);
  const { port, ...rest } = settings;
  if (port !== undefined && !/^\d{1,5}$/.test(port))
    throw new OptionFileError(file, `port must be a number, got "${port}"`);
  return { file, ...rest, ...(port !== undefined ? { port: Number(port) } : {}) };
}
