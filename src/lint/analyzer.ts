/**
 * What every analyzer sees and returns. The runner replays a file statement by statement and hands each analyzer the
 * whole file: per statement its text, position, the schema before it and the changes it makes.
 */
import type { Change } from "../schema/changes.ts";
import type { Schema } from "../schema/model.ts";
import type { Flavor } from "../mysql/flavor.ts";
import type { Diagnostic } from "./report.ts";
import type { Spans } from "./spans.ts";

/** One statement of a file under analysis. */
export interface LintStmt {
  readonly text: string;
  /** Byte offset of the statement in the file (Atlas `Stmt.Pos`). */
  readonly pos: number;
  /** Comments attached to the statement (for `atlas:nolint`). */
  readonly comments: readonly string[];
  readonly before: Schema;
  readonly after: Schema;
  readonly changes: readonly Change[];
  /** For a data statement (INSERT, UPDATE, …): its verb; such a statement makes no changes. */
  readonly dataVerb?: string;
}

/** A migration file under analysis. */
export interface LintFile {
  readonly name: string;
  readonly stmts: readonly LintStmt[];
  /** The schema before the file's first statement. */
  readonly start: Schema;
  /** Which tables, columns and indexes the file itself creates or drops. */
  readonly spans: Spans;
  readonly flavor: Flavor;
  /** Live row counts by table name (with `--url`), and the size above which a blocking change is an error. */
  readonly rows?: ReadonlyMap<string, number>;
  readonly maxRows?: number;
  /** Live sizes in bytes (data + indexes) by table name, and the size above which a blocking change is an error. */
  readonly bytes?: ReadonlyMap<string, number>;
  readonly maxBytes?: number;
  /** `migrate apply` pins ALTERs to their expected algorithm (`online { pin = true }`). */
  readonly pinned?: boolean;
  /** The file's header says `-- stats-db:online`: its blocking ALTERs run through the online tool. */
  readonly online?: boolean;
}

/** An analyzer: a name usable in `atlas:nolint` and `lint { <name> { error = … } }`, its report text and its check. */
export interface Analyzer {
  readonly name: string;
  /** The report heading, e.g. `destructive changes detected`. */
  readonly text: string;
  /** Whether its findings are errors when `atlas.hcl` says nothing. */
  readonly defaultError: boolean;
  readonly analyze: (file: LintFile) => Diagnostic[];
}

/** An ALTER of one table and the statement that makes it. */
export interface TableEdit {
  readonly stmt: LintStmt;
  readonly change: Extract<Change, { kind: "ModifyTable" }>;
}

/** Every ModifyTable change of a file with its statement, in file order: what most analyzers walk. */
export function tableEdits(file: LintFile): TableEdit[] {
  return file.stmts.flatMap((stmt) =>
    stmt.changes.flatMap((change) => (change.kind === "ModifyTable" ? [{ stmt, change }] : [])),
  );
}
