/**
 * A schema as a mermaid `erDiagram` (which GitHub renders in Markdown): each table with its columns and types,
 * `PK`/`FK`/`UK` markers, and each foreign key as a relationship from the referenced table to the referencing one.
 * Mermaid's attribute grammar allows no spaces, commas or quotes in a type (GitHub's mermaid is not always the newest,
 * so the older, stricter grammar is followed): spaces become `_`, and a type that loses more (enum members, decimal
 * scale) is written as its bare name with the exact type in the attribute's comment.
 */
import type { Column, ForeignKey, Schema, Table } from "../schema/model.ts";

const WORD = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/** An entity name as mermaid reads it: bare when it is a word, otherwise quoted. */
function entityName(name: string): string {
  return WORD.test(name) ? name : `"${name.replace(/"/g, "'")}"`;
}

/** An attribute name (mermaid has no quoting for these): characters it does not read become `_`, and a name it
 * would read as a key marker (`pk`, `fk`, `uk`, any case) gets a trailing `_`. */
function attributeName(name: string): string {
  const s = name.replace(/[^A-Za-z0-9_-]/g, "_");
  const word = /^[A-Za-z_]/.test(s) ? s : `_${s}`;
  return /^(pk|fk|uk)$/i.test(word) ? `${word}_` : word;
}

/** The type as a mermaid word: `enum('a','b')` → `enum`, `decimal(5,2)` → `decimal`, `int unsigned` → `int_unsigned`. */
function typeWord(type: string): string {
  return type
    .replace(/\([^)]*[,'][^)]*\)/g, "")
    .replace(/\s+/g, "_")
    .replace(/[^A-Za-z0-9_()[\]-]/g, "_");
}

function columnSet(parts: readonly { readonly column?: string }[]): string[] | undefined {
  const cols = parts.map((p) => p.column);
  return cols.every((c) => c !== undefined) ? (cols as string[]) : undefined;
}

const sameSet = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x) => b.includes(x));

/** Column sets that are unique in the table: the primary key and each unique index (column parts only). */
function uniqueSets(t: Table): string[][] {
  const sets = [t.primaryKey?.parts, ...t.indexes.filter((i) => i.unique).map((i) => i.parts)];
  return sets.flatMap((ps) => {
    const cols = ps ? columnSet(ps) : undefined;
    return cols ? [cols] : [];
  });
}

function attribute(t: Table, c: Column): string {
  const keys: string[] = [];
  if (t.primaryKey?.parts.some((p) => p.column === c.name)) keys.push("PK");
  if (t.foreignKeys.some((f) => f.columns.includes(c.name))) keys.push("FK");
  if (t.indexes.some((i) => i.unique && i.parts.some((p) => p.column === c.name))) keys.push("UK");
  const word = typeWord(c.type);
  // The exact type goes in the comment only when the word lost more than its spaces.
  const notes = [...(word !== c.type.replace(/\s+/g, "_") ? [c.type] : []), ...(c.nullable ? ["null"] : [])];
  const comment = notes.length > 0 ? ` "${notes.join(", ").replace(/"/g, "'")}"` : "";
  return `    ${word} ${attributeName(c.name)}${keys.length > 0 ? ` ${keys.join(", ")}` : ""}${comment}`;
}

/**
 * The relationship line of a foreign key: the referenced side is exactly one (`||`) when every referencing column is
 * NOT NULL, else zero or one (`|o`); the referencing side is zero or one (`o|`) when its columns are unique, else zero
 * or more (`o{`); identifying (`--`) when the columns are part of the primary key, else `..`.
 */
function relationship(t: Table, fk: ForeignKey): string {
  const optional = fk.columns.some((n) => t.columns.find((c) => c.name === n)?.nullable ?? true);
  const unique = uniqueSets(t).some((s) => sameSet(s, fk.columns));
  const pk = t.primaryKey ? (columnSet(t.primaryKey.parts) ?? []) : [];
  const identifying = fk.columns.every((c) => pk.includes(c));
  const line = `${optional ? "|o" : "||"}${identifying ? "--" : ".."}${unique ? "o|" : "o{"}`;
  return `  ${entityName(fk.refTable)} ${line} ${entityName(t.name)} : "${fk.name.replace(/"/g, "'")}"`;
}

const byName = <T extends { readonly name: string }>(xs: readonly T[]): T[] =>
  [...xs].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

/**
 * Renders the schema as a mermaid `erDiagram`: tables by name (so the entities and the live database they were
 * applied to give the same text), columns in table order, then the relationships by table and key name.
 */
export function schemaMermaid(schema: Schema): string {
  const lines = ["erDiagram"];
  const tables = byName(schema.tables);
  for (const t of tables) {
    lines.push(`  ${entityName(t.name)} {`);
    for (const c of t.columns) lines.push(attribute(t, c));
    lines.push("  }");
  }
  for (const t of tables) for (const fk of byName(t.foreignKeys)) lines.push(relationship(t, fk));
  return `${lines.join("\n")}\n`;
}
