/**
 * ENUM/SET member lists: read from a canonical type text, and how one list changed into another (appending at the end
 * is the only change the server makes without rewriting rows).
 */
import { tokenize } from "../lexer.ts";

/** The values of `enum('a','b')` or `set('a','b')`, unescaped; `[]` for any other type. */
export function typeValues(type: string): string[] {
  if (!/^(enum|set)\(/.test(type)) return [];
  return tokenize(type)
    .filter((t) => t.kind === "string")
    .map((t) => t.value);
}

/** The kinds of member changes, worst first. */
export type MemberChange = "remove" | "reorder" | "insert";

/** How the member list changed from `from` to `to`, or `undefined` when it only grew at the end (or did not change). */
export function memberChange(
  from: readonly string[],
  to: readonly string[],
): { kind: MemberChange; values: string[] } | undefined {
  const removed = from.filter((v) => !to.includes(v));
  if (removed.length > 0) return { kind: "remove", values: removed };
  const kept = to.filter((v) => from.includes(v));
  if (kept.some((v, i) => v !== from[i])) return { kind: "reorder", values: kept };
  const inserted = to.slice(0, from.length).filter((v) => !from.includes(v));
  if (inserted.length > 0) return { kind: "insert", values: inserted };
  return undefined;
}
