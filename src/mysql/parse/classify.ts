/**
 * Classifies a statement by its leading words: schema DDL this parser models, data statements, session statements,
 * or anything else (unsupported).
 */
import type { Token } from "../lexer.ts";
import { objectStatementLabel } from "./objects.ts";

/** What a statement is, for callers that only need to know (e.g. lint recognising data statements). */
export type StatementKind = "ddl" | "data" | "session" | "unsupported";

/** The DDL statements this parser turns into changes. */
export type DdlStatement =
  | "createTable"
  | "createIndex"
  | "alterTable"
  | "alterDatabase"
  | "dropTable"
  | "dropIndex"
  | "renameTable"
  | "createView"
  | "alterView"
  | "dropView"

  /** A trigger, event or routine statement (src/mysql/parse/objects.ts). */
  | "object";

/** A classified statement: its kind, the DDL form when it is one, the token index its body starts at, and a label. */
export interface Classified {
  readonly kind: StatementKind;
  readonly ddl?: DdlStatement;
  readonly indexKind?: "UNIQUE" | "FULLTEXT" | "SPATIAL" | "";
  readonly start: number;
  readonly label: string;
}

const DATA = new Set([
  "INSERT",
  "UPDATE",
  "DELETE",
  "REPLACE",
  "TRUNCATE",
  "LOAD",
  "SELECT",
  "WITH",
  "CALL",
  "DO",
  "HANDLER",
  "VALUES",
  "TABLE",
]);
const SESSION = new Set(["SET", "LOCK", "UNLOCK", "BEGIN", "COMMIT", "ROLLBACK", "START", "SAVEPOINT", "RELEASE"]);

/** Classifies the statement whose tokens are given (end token included). */
export function classify(tokens: readonly Token[]): Classified {
  const w = (k: number) => (tokens[k]?.kind === "word" ? tokens[k]!.value.toUpperCase() : "");
  const first = w(0);
  if (tokens[0]?.kind === "eof" || (tokens[0]?.value === ";" && tokens[1]?.kind === "eof"))
    return { kind: "session", start: 0, label: "empty statement" };
  if (DATA.has(first)) return { kind: "data", start: 0, label: first };
  if (SESSION.has(first)) return { kind: "session", start: 0, label: first };
  let k = 1;
  const ddl = (d: DdlStatement, at: number, label: string, extra: Partial<Classified> = {}): Classified => ({
    kind: "ddl",
    ddl: d,
    start: at,
    label,
    ...extra,
  });
  if ((first === "CREATE" || first === "ALTER") && isViewStatement(tokens))
    return ddl(first === "CREATE" ? "createView" : "alterView", 0, `${first} VIEW`);
  const object = first === "CREATE" || first === "ALTER" || first === "DROP" ? objectStatementLabel(tokens) : undefined;
  if (object) return ddl("object", 0, object);
  if (first === "CREATE") {
    if (w(k) === "TABLE") return ddl("createTable", k + 1, "CREATE TABLE");
    if (w(k) === "ONLINE" || w(k) === "OFFLINE") k++;
    const ik = ["UNIQUE", "FULLTEXT", "SPATIAL"].includes(w(k)) ? (w(k++) as "UNIQUE" | "FULLTEXT" | "SPATIAL") : "";
    if (w(k) === "INDEX") return ddl("createIndex", k + 1, "CREATE INDEX", { indexKind: ik });
    return unsupported(tokens, "CREATE");
  }
  if (first === "ALTER") {
    while (w(k) === "ONLINE" || w(k) === "IGNORE") k++;
    if (w(k) === "TABLE") return ddl("alterTable", k + 1, "ALTER TABLE");
    if (w(1) === "DATABASE" || w(1) === "SCHEMA") return ddl("alterDatabase", 2, "ALTER DATABASE");
    return unsupported(tokens, "ALTER");
  }
  if (first === "DROP" && (w(1) === "TABLE" || w(1) === "TABLES")) return ddl("dropTable", 2, "DROP TABLE");
  if (first === "DROP" && w(1) === "VIEW") return ddl("dropView", 2, "DROP VIEW");
  if (first === "DROP" && w(1) === "INDEX") return ddl("dropIndex", 2, "DROP INDEX");
  if (first === "RENAME" && (w(1) === "TABLE" || w(1) === "TABLES")) return ddl("renameTable", 2, "RENAME TABLE");
  return unsupported(tokens, first);
}

/** True for `CREATE [OR REPLACE] [view options] VIEW` and `ALTER [view options] VIEW`. */
function isViewStatement(tokens: readonly Token[]): boolean {
  const w = (k: number) => (tokens[k]?.kind === "word" ? tokens[k]!.value.toUpperCase() : "");
  let k = 1;
  if (w(k) === "OR" && w(k + 1) === "REPLACE") k += 2;
  for (;;) {
    if (w(k) === "VIEW") return true;
    if (w(k) === "ALGORITHM") k += 3;
    else if (w(k) === "SQL" && w(k + 1) === "SECURITY") k += 3;
    else if (w(k) === "DEFINER") {
      k += 3;
      if (tokens[k]?.value === "@") k += 2;
      else if (tokens[k]?.value === "(") k += 2;
    } else return false;
  }
}

/** Labels an unsupported statement by its first meaningful words, e.g. `CREATE VIEW`, `CREATE TEMPORARY TABLE`. */
function unsupported(tokens: readonly Token[], first: string): Classified {
  const words = tokens.filter((t) => t.kind === "word").map((t) => t.value.toUpperCase());
  const skip = new Set([
    "OR",
    "REPLACE",
    "DEFINER",
    "ALGORITHM",
    "SQL",
    "SECURITY",
    "UNDEFINED",
    "MERGE",
    "TEMPTABLE",
    "INVOKER",
    "IF",
    "NOT",
    "EXISTS",
  ]);
  const next = words.slice(1).find((x) => !skip.has(x) && !x.includes("@")) ?? "";
  const label =
    first === ""
      ? "statement"
      : next && first !== "USE" && first !== "GRANT" && first !== "REVOKE"
        ? `${first} ${next}${next === "TEMPORARY" ? " TABLE" : ""}`
        : first;
  return { kind: "unsupported", start: 0, label };
}
