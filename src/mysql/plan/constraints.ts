/**
 * Definitions of keys, indexes, foreign keys and checks, shared by CREATE TABLE and ALTER TABLE.
 */
import type { Check, Column, ForeignKey, Index, IndexPart, PrimaryKey } from "../../schema/model.ts";
import type { Flavor } from "../flavor.ts";
import { ident, quoteString } from "../sql.ts";
import { PlanError } from "./errors.ts";

/** Renders index parts: `` `c` (10) DESC `` for a column, `(expr) DESC` for an expression. */
export function indexParts(parts: readonly IndexPart[]): string {
  return `(${parts.map(indexPart).join(", ")})`;
}

function indexPart(part: IndexPart): string {
  const base =
    part.column !== undefined ? ident(part.column) + (part.prefix ? ` (${part.prefix})` : "") : `(${part.expr ?? ""})`;
  return part.desc ? `${base} DESC` : base;
}

/** `PRIMARY KEY (…) [COMMENT '…']`. */
export function primaryKeyDefinition(primaryKey: PrimaryKey): string {
  const comment = primaryKey.comment ? ` COMMENT ${quoteString(primaryKey.comment)}` : "";
  return `PRIMARY KEY ${indexParts(primaryKey.parts)}${comment}`;
}

/**
 * `` [UNIQUE|FULLTEXT|SPATIAL] INDEX `n` [USING HASH|BTREE] (…) [COMMENT '…'] [WITH PARSER `p`] [INVISIBLE|IGNORED] ``
 * (an invisible index is `INVISIBLE` on MySQL, `IGNORED` on MariaDB).
 */
export function indexDefinition(index: Index, flavor: Flavor): string {
  const kind = index.unique
    ? "UNIQUE INDEX"
    : index.type === "FULLTEXT"
      ? "FULLTEXT INDEX"
      : index.type === "SPATIAL"
        ? "SPATIAL INDEX"
        : "INDEX";
  const parts = [kind, ident(index.name)];
  if (index.type === "HASH") parts.push("USING HASH");
  else if (index.usingBtree) parts.push("USING BTREE");
  parts.push(indexParts(index.parts));
  if (index.comment) parts.push(`COMMENT ${quoteString(index.comment)}`);
  if (index.parser !== undefined) parts.push(`WITH PARSER ${ident(index.parser)}`);
  if (index.invisible) parts.push(indexVisibility(index, flavor));
  return parts.join(" ");
}

/** An index's visibility keyword: INVISIBLE / VISIBLE on MySQL, IGNORED / NOT IGNORED on MariaDB. */
export function indexVisibility(index: Index, flavor: Flavor): string {
  if (flavor.name === "mariadb") return index.invisible ? "IGNORED" : "NOT IGNORED";
  return index.invisible ? "INVISIBLE" : "VISIBLE";
}

/** `` CONSTRAINT `n` FOREIGN KEY (…) REFERENCES `t` (…) [ON UPDATE x] [ON DELETE y] `` (NO ACTION is not printed). */
export function foreignKeyDefinition(fk: ForeignKey): string {
  return `CONSTRAINT ${ident(fk.name)} ${foreignKeyBody(fk)}`;
}

/** `` FOREIGN KEY (…) REFERENCES `t` (…) [ON UPDATE x] [ON DELETE y] ``: a foreign key without its name. */
export function foreignKeyBody(fk: ForeignKey): string {
  const cols = (names: readonly string[]) => `(${names.map(ident).join(", ")})`;
  let sql = `FOREIGN KEY ${cols(fk.columns)} REFERENCES ${ident(fk.refTable)} ${cols(fk.refColumns)}`;
  if (fk.onUpdate !== "NO ACTION") sql += ` ON UPDATE ${fk.onUpdate}`;
  if (fk.onDelete !== "NO ACTION") sql += ` ON DELETE ${fk.onDelete}`;
  return sql;
}

/** `` CONSTRAINT `n` CHECK (expr) [NOT ENFORCED] ``; throws PlanError for an unenforced check on a flavour that always enforces. */
export function checkDefinition(check: Check, table: string, flavor: Flavor): string {
  const sql = `CONSTRAINT ${ident(check.name)} CHECK (${check.expr})`;
  if (check.enforced) return sql;
  if (!flavor.checkEnforcement)
    throw new PlanError(
      `check "${check.name}" of table "${table}" is NOT ENFORCED, which ${flavor.name} does not support`,
      table,
    );
  return `${sql} NOT ENFORCED`;
}

/** Throws PlanError when a foreign key sets a NOT NULL column to NULL, or (when `columns` is the whole table) uses a missing one. */
export function assertForeignKeyFits(fk: ForeignKey, table: string, columns: readonly Column[], complete = true): void {
  if (fk.onDelete !== "SET NULL" && fk.onUpdate !== "SET NULL") return;
  for (const name of fk.columns) {
    const column = columns.find((c) => c.name === name);
    if (!column && !complete) continue;
    if (!column)
      throw new PlanError(
        `foreign key "${fk.name}" of table "${table}" uses column "${name}", which does not exist`,
        table,
        name,
      );
    if (!column.nullable)
      throw new PlanError(
        `foreign key "${fk.name}" of table "${table}" sets column "${name}" to NULL, but the column is NOT NULL`,
        table,
        name,
      );
  }
}

/** Sorts named items the way the server lists them (by name, case-insensitively), so equal tables render alike. */
export function byName<T extends { readonly name: string }>(items: readonly T[]): T[] {
  const key = (s: string) => s.toUpperCase();
  return [...items].sort((a, b) => compare(key(a.name), key(b.name)) || compare(a.name, b.name));
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
