/**
 * Canonical JSON: object keys sorted byte-wise at every level, two-space indent, a final newline; `undefined` members
 * left out. The same value always gives the same text, so a SHA-256 of that text identifies it.
 */

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value === null || typeof value !== "object") return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = sorted(v);
  }
  return out;
}

/** The canonical text of a JSON value. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sorted(value), null, 2) + "\n";
}
