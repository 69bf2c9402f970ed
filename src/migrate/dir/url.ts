/**
 * `--dir` URLs (`cmd/atlas/internal/migrate/migrate.go` `DirURL`): `file://<path>` (empty path → `migrations`) and
 * `mem://<name>`, with Atlas's errors for a missing or unknown scheme and an unknown `?format=`.
 */
import { posix } from "node:path";
import { redactDatabaseUrl } from "../../db/url.ts";

/** Where a `--dir` URL points. */
export type DirLocation =
  | { readonly scheme: "file"; readonly path: string }
  | { readonly scheme: "mem"; readonly name: string };

/** A `--dir` URL this tool cannot open; the message is Atlas's where Atlas has one. */
export class DirUrlError extends Error {
  constructor(
    readonly url: string,
    message: string,
  ) {
    super(message);
    this.name = "DirUrlError";
  }
}

/** The default directory of a `file://` URL without a path. */
export const DEFAULT_DIR_NAME = "migrations";

const reScheme = /^([A-Za-z][A-Za-z0-9+.-]*):/;
const otherFormats = new Set(["golang-migrate", "goose", "flyway", "liquibase", "dbmate"]);

interface ParsedUrl {
  readonly scheme: string;
  readonly host: string;
  readonly path: string;
  readonly format: string;
}

// The parts of Go's url.Parse that DirURL reads: scheme, host, (decoded) path and the `format` query value.
function parseUrl(url: string): ParsedUrl {
  const hash = url.indexOf("#");
  let rest = hash === -1 ? url : url.slice(0, hash);
  const qm = rest.indexOf("?");
  const query = new URLSearchParams(qm === -1 ? "" : rest.slice(qm + 1));
  rest = qm === -1 ? rest : rest.slice(0, qm);
  const m = reScheme.exec(rest);
  const scheme = m === null ? "" : (m[1] ?? "").toLowerCase();
  if (m !== null) rest = rest.slice(m[0].length);
  let host = "";
  if (m !== null && rest.startsWith("//")) {
    const end = rest.slice(2).search(/\//);
    host = end === -1 ? rest.slice(2) : rest.slice(2, end + 2);
    rest = end === -1 ? "" : rest.slice(end + 2);
  }
  try {
    return { scheme, host, path: decodeURIComponent(rest), format: query.get("format") ?? "" };
  } catch {
    throw new DirUrlError(url, `parse ${JSON.stringify(redactDatabaseUrl(url))}: invalid URL escape`);
  }
}

// Go's filepath.Join: empty elements are skipped and an all-empty join is "", otherwise the cleaned path.
function joinPath(host: string, path: string): string {
  const parts = [host, path].filter((p) => p !== "");
  return parts.length === 0 ? "" : posix.join(...parts);
}

/** Parses a `--dir` URL, e.g. `file://migrations` → `{ scheme: "file", path: "migrations" }`. */
export function parseDirUrl(url: string): DirLocation {
  const u = parseUrl(url);
  switch (u.scheme) {
    case "":
      throw new DirUrlError(url, `missing scheme for dir url. Did you mean ${JSON.stringify("file://" + u.path)}? `);
    case "mem":
      return { scheme: "mem", name: posix.join(u.host, u.path) };
    case "file":
      break;
    default:
      throw new DirUrlError(url, `unsupported driver ${JSON.stringify(u.scheme)}`);
  }
  if (otherFormats.has(u.format))
    throw new DirUrlError(url, `dir format ${JSON.stringify(u.format)} is not supported (only "atlas")`);
  if (u.format !== "" && u.format !== "atlas")
    throw new DirUrlError(url, `unknown dir format ${JSON.stringify(u.format)}`);
  return { scheme: "file", path: joinPath(u.host, u.path) || DEFAULT_DIR_NAME };
}
