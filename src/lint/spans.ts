/**
 * Resource spans (Atlas `sqlcheck.File` spans): whether the file itself creates and/or drops a table, column or index.
 * Analyzers stay quiet about resources the same file creates: they hold no data yet.
 */
import type { Change } from "../schema/changes.ts";

/** Created in this file (`added`), dropped in it (`dropped`), both (temporary), or neither. */
export interface Span {
  readonly added: boolean;
  readonly dropped: boolean;
}

/** The spans of one file, looked up by table (and column or index) name. */
export interface Spans {
  table(name: string): Span;
  column(table: string, column: string): Span;
  index(table: string, index: string): Span;
}

interface Mutable {
  added: boolean;
  dropped: boolean;
}

/** Computes the spans of a file from the changes of all its statements, in order. */
export function computeSpans(changes: readonly Change[]): Spans {
  const map = new Map<string, Mutable>();
  const at = (key: string): Mutable => {
    let s = map.get(key);
    if (!s) map.set(key, (s = { added: false, dropped: false }));
    return s;
  };
  for (const c of changes) {
    if (c.kind === "AddTable") {
      at(`t:${c.table.name}`).added = true;
      for (const col of c.table.columns) at(`c:${c.table.name}:${col.name}`).added = true;
      for (const idx of c.table.indexes) at(`i:${c.table.name}:${idx.name}`).added = true;
    } else if (c.kind === "DropTable") {
      at(`t:${c.table.name}`).dropped = true;
    } else if (c.kind === "ModifyTable") {
      for (const tc of c.changes) {
        if (tc.kind === "AddColumn") at(`c:${c.table}:${tc.column.name}`).added = true;
        else if (tc.kind === "DropColumn") at(`c:${c.table}:${tc.column.name}`).dropped = true;
        else if (tc.kind === "AddIndex") at(`i:${c.table}:${tc.index.name}`).added = true;
        else if (tc.kind === "DropIndex") at(`i:${c.table}:${tc.index.name}`).dropped = true;
      }
    }
  }
  const get = (key: string): Span => map.get(key) ?? { added: false, dropped: false };
  return {
    table: (t) => get(`t:${t}`),
    column: (t, c) => get(`c:${t}:${c}`),
    index: (t, i) => get(`i:${t}:${i}`),
  };
}

/** Whether a span is temporary: created and dropped in the same file. */
export function isTemporary(s: Span): boolean {
  return s.added && s.dropped;
}
