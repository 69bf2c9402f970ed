/**
 * The DROP and ALTER CHECK clauses of ALTER TABLE, resolved against the table so each change carries the full old object.
 */
import type { TableChange } from "../../schema/changes.ts";
import type { Table } from "../../schema/model.ts";
import { dropColumnClause } from "./alter-clauses.ts";
import type { Cursor } from "../cursor.ts";
import { SchemaStateError } from "./errors.ts";

/** `DROP …` (after DROP): a column, an index, the primary key, a foreign key, a check or a constraint by name. */
export function dropClause(cur: Cursor, t: Table): TableChange[] {
  if (cur.acceptWord("PRIMARY", "KEY")) {
    if (!t.primaryKey) throw new SchemaStateError("primary key", t.name, "missing");
    return [{ kind: "DropPrimaryKey", primaryKey: t.primaryKey }];
  }
  if (cur.acceptWord("INDEX") || cur.acceptWord("KEY")) return dropIndex(cur, t);
  if (cur.acceptWord("FOREIGN", "KEY")) return dropNamed(cur, t, "foreign key");
  if (cur.acceptWord("CHECK")) return dropNamed(cur, t, "check");
  if (cur.acceptWord("CONSTRAINT")) return dropNamed(cur, t, "constraint");
  cur.acceptWord("COLUMN");
  return dropColumnClause(cur, t);
}

/** `DROP INDEX [IF EXISTS] name` (after DROP INDEX). */
function dropIndex(cur: Cursor, t: Table): TableChange[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  return dropIndexByName(t, cur.name("index name"), ifExists);
}

/** Drops the index of that name (`PRIMARY` is the primary key); nothing when missing and `ifExists`. */
export function dropIndexByName(t: Table, name: string, ifExists: boolean): TableChange[] {
  if (name.toUpperCase() === "PRIMARY" && t.primaryKey) return [{ kind: "DropPrimaryKey", primaryKey: t.primaryKey }];
  const index = t.indexes.find((i) => i.name === name);
  if (index) return [{ kind: "DropIndex", index }];
  if (ifExists) return [];
  throw new SchemaStateError("index", name, "missing");
}

/** Drops a foreign key, a check, or (for `constraint`) whichever of check, foreign key or unique index has the name. */
function dropNamed(cur: Cursor, t: Table, kind: "foreign key" | "check" | "constraint"): TableChange[] {
  const ifExists = cur.acceptWord("IF", "EXISTS");
  const name = cur.name(`${kind} name`);
  const check = kind !== "foreign key" ? t.checks.find((c) => c.name === name) : undefined;
  if (check) return [{ kind: "DropCheck", check }];
  const fk = kind !== "check" ? t.foreignKeys.find((f) => f.name === name) : undefined;
  if (fk) return [{ kind: "DropForeignKey", foreignKey: fk }];
  const index = kind === "constraint" ? t.indexes.find((i) => i.name === name && i.unique) : undefined;
  if (index) return [{ kind: "DropIndex", index }];
  if (ifExists) return [];
  throw new SchemaStateError(kind, name, "missing");
}

/** `ALTER CHECK|CONSTRAINT name [NOT] ENFORCED`: the check dropped and added back with the new flag. */
export function alterCheckClause(cur: Cursor, t: Table): TableChange[] {
  cur.expectWord("ALTER");
  if (!cur.acceptWord("CHECK")) cur.expectWord("CONSTRAINT");
  const name = cur.name("check name");
  const enforced = !cur.acceptWord("NOT");
  cur.expectWord("ENFORCED");
  const check = t.checks.find((c) => c.name === name);
  if (!check) throw new SchemaStateError("check", name, "missing");
  if (check.enforced === enforced) return [];
  return [
    { kind: "DropCheck", check },
    { kind: "AddCheck", check: { ...check, enforced } },
  ];
}
