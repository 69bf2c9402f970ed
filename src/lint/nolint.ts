/**
 * `atlas:nolint` (Atlas `migratelint.nolintRules`): a bare file directive skips the file; a file directive with names
 * applies them to every statement; a statement directive (bare or with names) applies to that statement. Names are
 * analyzer names or codes.
 */
import { fileDirectives, nolintOf, stmtDirectives } from "../migrate/dir/directives.ts";
import type { Stmt } from "../migrate/split.ts";
import type { Diagnostic } from "./report.ts";

/** The rules of one file: whether it is skipped, and the names silenced at each statement position. */
export interface NolintRules {
  readonly ignored: boolean;
  /** Whether a diagnostic of `analyzer` is silenced. */
  readonly silenced: (analyzer: string, d: Diagnostic) => boolean;
}

/** Reads the nolint rules of a file from its text and statements. */
export function nolintRules(text: string, stmts: readonly Stmt[]): NolintRules {
  const file = nolintOf(fileDirectives(text, "nolint"));
  const hasFileDirective = fileDirectives(text, "nolint").length > 0;
  if (hasFileDirective && file.all && file.names.length === 0) return { ignored: true, silenced: () => true };
  const byPos = new Map<number, { all: boolean; names: Set<string> }>();
  for (const s of stmts) {
    const own = stmtDirectives(s, "nolint");
    const n = nolintOf(own);
    byPos.set(s.pos, { all: own.length > 0 && n.all, names: new Set([...file.names, ...n.names]) });
  }
  return {
    ignored: false,
    silenced: (analyzer, d) => {
      const r = byPos.get(d.pos);
      return r !== undefined && (r.all || r.names.has(d.code) || r.names.has(analyzer));
    },
  };
}
