/**
 * Dropping what the model does not cover, for `schema clean` only (a diff never drops an unmanaged object): the
 * statements before the planned table drops (what depends on tables) and after them (tables and sequences the model
 * cannot hold), each with a comment in the plan's style.
 */
import { goQuote } from "../../go/quote.ts";
import { assertNever } from "../../schema/changes.ts";
import type { UnmanagedObject } from "../../schema/model.ts";
import { ident } from "../sql.ts";

/** The DROP statements of unmanaged objects, split around the drops of the managed tables. */
export interface UnmanagedDrops {
  /** Triggers, events, views and routines: dropped first, while the tables they use still exist. */
  readonly before: readonly { readonly comment: string; readonly sql: string }[];
  /**
   * System-versioned tables, then sequences (a column default may call NEXTVAL of one). With a system-versioned table,
   * `before` starts by turning foreign key checks off and `after` ends by turning them on again.
   */
  readonly after: readonly { readonly comment: string; readonly sql: string }[];
  /** What is not dropped, each with the reason (`not dropped: package "p": …`). */
  readonly kept: readonly string[];
}

const statement = (keyword: string, what: string, name: string) => ({
  comment: `drop ${goQuote(name)} ${what}`,
  sql: `DROP ${keyword} ${ident(name)}`,
});

/**
 * Splits the objects into the statements that drop them and the ones it leaves (a package).
 */
export function dropUnmanagedStatements(objects: readonly UnmanagedObject[]): UnmanagedDrops {
  const before: { comment: string; sql: string }[] = [];
  const tables: { comment: string; sql: string }[] = [];
  const sequences: { comment: string; sql: string }[] = [];
  const kept: string[] = [];
  for (const o of objects) {
    switch (o.kind) {
      case "package":
        // DROP PACKAGE is a syntax error outside sql_mode=ORACLE; the session's mode is not the plan's to change.
        kept.push(`not dropped: package ${goQuote(o.name)}: run DROP PACKAGE with sql_mode=ORACLE`);
        break;
      case "system-versioned table":
        tables.push(statement("TABLE", "table", o.name));
        break;
      case "sequence":
        sequences.push(statement("SEQUENCE", "sequence", o.name));
        break;
      default:
        assertNever(o.kind, "unmanaged kind");
    }
  }
  if (tables.length === 0) return { before, after: sequences, kept };
  // The model holds no foreign keys of a system-versioned table, so no order of drops is known to be safe: checks go
  // off around the drops (for this session only) and back on after them.
  return {
    before: [
      { comment: "foreign key checks off while tables are dropped", sql: "SET FOREIGN_KEY_CHECKS = 0" },
      ...before,
    ],
    after: [...tables, ...sequences, { comment: "foreign key checks back on", sql: "SET FOREIGN_KEY_CHECKS = 1" }],
    kept,
  };
}
