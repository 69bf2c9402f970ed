/**
 * Atlas's one directive pattern (`sql/migrate/dir.go`, `reDirective`): `^([ -~]*)atlas:(\w+)(?: +(.+))*`,
 * applied without the multiline flag, so only the first line of `content` can match.
 */

// Go's `.` matches anything but `\n` (a `\r` included), unlike JavaScript's `.`.
const reDirective = /^([ -~]*)atlas:(\w+)(?: +([^\n]+))*/;

/**
 * Returns the argument text of directive `name` when `content` starts with it (and, if `prefix` is given, the text
 * before `atlas:` equals it exactly); `undefined` when it does not.
 */
export function matchDirective(content: string, name: string, prefix?: string): string | undefined {
  const m = reDirective.exec(content);
  if (m === null || m[2] !== name || (prefix !== undefined && m[1] !== prefix)) return undefined;
  return m[3] ?? "";
}

const delimiterEscapes: Readonly<Record<string, string>> = { "\\n": "\n", "\\r": "\r", "\\t": "\t" };

/** Decodes the `\n`, `\r` and `\t` escapes a delimiter may be written with (`-- atlas:delimiter \n\n`). */
export function unescapeDelimiter(d: string): string {
  return d.replace(/\\[nrt]/g, (e) => delimiterEscapes[e] ?? e);
}
